/**
 * Admissions (issue 13, task 7): a nomination of a person to a cell by sponsors on its roll, the
 * criteria checked, a training plan, the cell's vote at a held general meeting and the decision of the
 * committee above; the same steps take a candidate to full membership.
 */
import { z } from 'zod';
import { LIMITS } from '../enums.ts';
import { DateSchema, IdSchema, text } from './base.ts';

export const ADMISSION_LIMITS = {
  reason: 2000,
  recommendation: 4000,
  note: 1000,
  title: 200,
  criterion: 300,
  sponsors: 10,
} as const;

export const NOMINATION_KINDS = ['candidate', 'full_membership'] as const;
export type NominationKind = (typeof NOMINATION_KINDS)[number];
/**
 * nominated → in_training (a first task) → voted (passed) → approved | rejected; a vote that fails ends
 * it as not_passed; an open one may be withdrawn.
 */
export const NOMINATION_STATUSES = ['nominated', 'in_training', 'voted', 'not_passed', 'approved', 'rejected', 'withdrawn'] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];
export const OPEN_STATUSES: readonly NominationStatus[] = ['nominated', 'in_training', 'voted'];

const optionalText = (max: number) => z.string().trim().max(max).optional();

export const NewNomineeSchema = z
  .object({
    fullName: text(LIMITS.name),
    birthYear: z.number().int().min(1900).max(2100).optional(),
    workplace: optionalText(LIMITS.workplace),
    phone: optionalText(LIMITS.phone),
    email: z.email().max(LIMITS.email).optional(),
  })
  .strict();

export const CreateNominationSchema = z
  .object({
    kind: z.enum(NOMINATION_KINDS).default('candidate'),
    personId: IdSchema.optional(),
    person: NewNomineeSchema.optional(),
    sponsorIds: z.array(IdSchema).min(2).max(ADMISSION_LIMITS.sponsors),
    reason: optionalText(ADMISSION_LIMITS.reason),
  })
  .strict()
  .refine((v) => (v.personId === undefined) !== (v.person === undefined), {
    message: 'give either personId or person',
    path: ['personId'],
  });
export type CreateNomination = z.infer<typeof CreateNominationSchema>;

export const RecommendationSchema = z.object({ sponsorId: IdSchema, text: text(ADMISSION_LIMITS.recommendation) }).strict();
export const CheckCriterionSchema = z
  .object({ criterionId: IdSchema, note: optionalText(ADMISSION_LIMITS.note), checkedOn: DateSchema.optional() })
  .strict();
export const AddTaskSchema = z.object({ title: text(ADMISSION_LIMITS.title), dueOn: DateSchema }).strict();
export const CompleteTaskSchema = z.object({ doneOn: DateSchema.optional() }).strict();
export const TaskParamsSchema = z.object({ id: IdSchema, taskId: IdSchema }).strict();
export const VoteSchema = z
  .object({
    meetingId: IdSchema,
    for: z.number().int().min(0).max(100_000),
    against: z.number().int().min(0).max(100_000),
    abstain: z.number().int().min(0).max(100_000),
  })
  .strict();
export type Vote = z.infer<typeof VoteSchema>;
export const DecisionSchema = z
  .object({ decision: z.enum(['approved', 'rejected']), reason: optionalText(ADMISSION_LIMITS.reason) })
  .strict();
export type Decision = z.infer<typeof DecisionSchema>;
export const WithdrawSchema = z.object({ reason: optionalText(ADMISSION_LIMITS.reason) }).strict();

/** A nomination the signed-in member sponsors, with their own recommendation. */
export const SponsorshipSchema = z.object({
  nominationId: z.number(),
  cellId: z.number(),
  cellName: z.string(),
  kind: z.enum(NOMINATION_KINDS),
  nomineeName: z.string(),
  status: z.enum(NOMINATION_STATUSES),
  nominatedOn: z.string(),
  recommendation: z.string().nullable(),
  recommendedOn: z.string().nullable(),
});
export type Sponsorship = z.infer<typeof SponsorshipSchema>;
export const SponsorshipListSchema = z.object({ items: z.array(SponsorshipSchema) });

/** Someone on no roll whom the reader may nominate: a former member of a roll they manage, or a young person of a youth group there. */
export const NomineeSchema = z.object({
  personId: z.number(),
  fullName: z.string(),
  birthYear: z.number().nullable(),
  /** Where the reader knows them from: the cell they last left, or the youth group they are in. */
  from: z.string(),
  youth: z.boolean(),
});
export const NomineeListSchema = z.object({ items: z.array(NomineeSchema) });
export const NomineeQuerySchema = z.object({ q: z.string().trim().max(LIMITS.search).optional() }).strict();

export const NominationCreatedSchema = z.object({ id: z.number(), status: z.enum(NOMINATION_STATUSES) });

export const NominationSummarySchema = z.object({
  id: z.number(),
  cellId: z.number(),
  cellName: z.string(),
  kind: z.enum(NOMINATION_KINDS),
  personId: z.number(),
  fullName: z.string(),
  status: z.enum(NOMINATION_STATUSES),
  nominatedOn: z.string(),
  votedOn: z.string().nullable(),
  decidedOn: z.string().nullable(),
});
export const NominationListSchema = z.object({ items: z.array(NominationSummarySchema), nextCursor: z.string().nullable() });

export const TimelineEventSchema = z.object({
  at: z.string(),
  step: z.string(),
  by: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});

export const NominationSchema = NominationSummarySchema.extend({
  reason: z.string().nullable(),
  person: z.object({ birthYear: z.number().nullable(), workplace: z.string().nullable() }),
  sponsors: z.array(
    z.object({
      personId: z.number(),
      fullName: z.string(),
      recommendation: z.string().nullable(),
      recommendedOn: z.string().nullable(),
    }),
  ),
  criteria: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      unitId: z.number().nullable(),
      checkedOn: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  tasks: z.array(z.object({ id: z.number(), title: z.string(), dueOn: z.string(), doneOn: z.string().nullable() })),
  trainingFrom: z.string().nullable(),
  vote: z
    .object({
      meetingId: z.number(),
      for: z.number(),
      against: z.number(),
      abstain: z.number(),
      present: z.number(),
      eligible: z.number(),
      quorumMet: z.boolean(),
      passed: z.boolean(),
    })
    .nullable(),
  decisionReason: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
  withdrawalReason: z.string().nullable(),
  timeline: z.array(TimelineEventSchema),
  canManage: z.boolean(),
  canDecide: z.boolean(),
});
export type Nomination = z.infer<typeof NominationSchema>;

export const CriterionSchema = z.object({ id: z.number(), title: z.string(), unitId: z.number().nullable() });
export const CriteriaSchema = z.object({ items: z.array(CriterionSchema) });
export const AddCriterionSchema = z.object({ title: text(ADMISSION_LIMITS.criterion), unitId: IdSchema.optional() }).strict();
export const CriteriaQuerySchema = z.object({ unitId: IdSchema.optional() }).strict();

export const AdmissionRulesSchema = z
  .object({
    /** Months a sponsor must have been a full member of the cell (waived for a younger cell). */
    sponsorMinMonths: z.number().int().min(0).max(120),
    /** Months of candidacy before the cell may propose full membership. */
    candidacyMonths: z.number().int().min(0).max(60),
    /** The vote passes when "for" is more than this share of the basis (0.5: a simple majority). */
    votePassShare: z.number().min(0.5).max(0.99),
    /** The basis: the full members present, or the whole roll of full members. */
    voteBasis: z.enum(['present', 'roll']),
  })
  .strict();
export type AdmissionRules = z.infer<typeof AdmissionRulesSchema>;

export const PipelineFiguresSchema = z.object({
  nominated: z.number(),
  trainingStarted: z.number(),
  voted: z.number(),
  voteFailed: z.number(),
  approved: z.number(),
  rejected: z.number(),
  withdrawn: z.number(),
  /** At the month's data end. */
  open: z.object({ nominated: z.number(), inTraining: z.number(), awaitingDecision: z.number() }),
  /** Mean days, over the steps completed in the month; null when none was. */
  meanDays: z.object({ toVote: z.number().nullable(), inTraining: z.number().nullable(), toDecision: z.number().nullable() }),
});
export type PipelineFigures = z.infer<typeof PipelineFiguresSchema>;
export const AdmissionsSummarySchema = z.object({
  unitId: z.number(),
  period: z.string(),
  figures: PipelineFiguresSchema,
  children: z.array(z.object({ unit: z.object({ id: z.number(), name: z.string(), kind: z.string() }), figures: PipelineFiguresSchema })),
});
export type AdmissionsSummary = z.infer<typeof AdmissionsSummarySchema>;
export const SummaryQuerySchema = z.object({ period: z.string().max(7).optional() }).strict();
