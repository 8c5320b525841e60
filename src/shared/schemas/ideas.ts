/**
 * Ideas and inventions (issue 15, task 6; decision 0032): an idea of one or several members of a cell,
 * evaluated (accepted or rejected with reasons), tried, introduced into production with a measured
 * benefit and, after N months, its benefit confirmed; the figures per unit and year.
 */
import { z } from 'zod';
import { DateSchema, IdSchema, pageOf, PageQuerySchema, text } from './base.ts';

export const IDEA_LIMITS = {
  title: 200,
  description: 8000,
  expectedBenefit: 2000,
  reasons: 4000,
  unit: 40,
  authors: 20,
  note: 2000,
} as const;

export const IDEA_STATUSES = ['submitted', 'accepted', 'rejected', 'in_trial', 'introduced', 'confirmed', 'withdrawn'] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];
export const IDEA_STEPS = ['submitted', 'edited', 'withdrawn', 'accepted', 'rejected', 'trial', 'introduced', 'confirmed'] as const;
export const BENEFIT_PERIODS = ['once', 'month', 'year'] as const;
/** The largest benefit amount taken (a typo of a few zeros is refused, not summed). */
export const MAX_BENEFIT = 1e12;

export const SubmitIdeaSchema = z
  .object({
    title: text(IDEA_LIMITS.title),
    description: text(IDEA_LIMITS.description),
    expectedBenefit: text(IDEA_LIMITS.expectedBenefit).optional(),
    /** The authors: people on the cell's roll (one at least). */
    authorIds: z.array(IdSchema).min(1).max(IDEA_LIMITS.authors),
  })
  .strict();
export type SubmitIdea = z.infer<typeof SubmitIdeaSchema>;

/** An author's change to an idea awaiting evaluation: any of its texts (null clears the expected benefit). */
export const EditIdeaSchema = z
  .object({
    title: text(IDEA_LIMITS.title).optional(),
    description: text(IDEA_LIMITS.description).optional(),
    expectedBenefit: text(IDEA_LIMITS.expectedBenefit).nullable().optional(),
  })
  .strict()
  .refine((v) => v.title !== undefined || v.description !== undefined || v.expectedBenefit !== undefined, {
    message: 'Nothing to change',
  });
export type EditIdea = z.infer<typeof EditIdeaSchema>;

export const WithdrawIdeaSchema = z
  .object({ note: text(IDEA_LIMITS.note).optional() })
  .strict()
  .optional();

export const EvaluateIdeaSchema = z
  .object({
    decision: z.enum(['accepted', 'rejected']),
    reasons: text(IDEA_LIMITS.reasons),
  })
  .strict();
export type EvaluateIdea = z.infer<typeof EvaluateIdeaSchema>;

export const StartTrialSchema = z
  .object({ note: text(IDEA_LIMITS.note).optional() })
  .strict()
  .optional();

export const BenefitSchema = z
  .object({
    amount: z.number().min(0).max(MAX_BENEFIT).multipleOf(0.01),
    /** The unit of measure: "tonnes", "KRW", "hours", … */
    unit: text(IDEA_LIMITS.unit).regex(/^[^:]+$/),
    period: z.enum(BENEFIT_PERIODS).optional(),
  })
  .strict();

export const IntroduceIdeaSchema = z
  .object({
    introducedOn: DateSchema,
    benefit: BenefitSchema,
  })
  .strict();
export type IntroduceIdea = z.infer<typeof IntroduceIdeaSchema>;

export const ConfirmIdeaSchema = z
  .object({ note: text(IDEA_LIMITS.note).optional() })
  .strict()
  .optional();

export const IdeaRulesSchema = z
  .object({
    /** 0: the cell's secretary evaluates; n: the committee n levels above the cell (the centre at most). */
    evaluatorLevelsUp: z.number().int().min(0).max(10),
    /** A benefit is confirmed this many months after the introduction, not before. */
    confirmationMonths: z.number().int().min(1).max(60),
  })
  .strict();
export type IdeaRules = z.infer<typeof IdeaRulesSchema>;

export const IdeaCreatedSchema = z.object({ id: z.number(), status: z.enum(IDEA_STATUSES) });

const PersonSchema = z.object({ id: z.number(), fullName: z.string() });

export const IdeaSummarySchema = z.object({
  id: z.number(),
  cellId: z.number(),
  cellName: z.string(),
  title: z.string(),
  status: z.enum(IDEA_STATUSES),
  submittedOn: z.string(),
  introducedOn: z.string().nullable(),
  authors: z.array(PersonSchema),
});
export type IdeaSummary = z.infer<typeof IdeaSummarySchema>;
export const IdeaPageSchema = pageOf(IdeaSummarySchema);

export const IdeaEventSchema = z.object({
  step: z.enum(IDEA_STEPS),
  on: z.string(),
  at: z.string(),
  by: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});

export const IdeaSchema = IdeaSummarySchema.extend({
  description: z.string(),
  expectedBenefit: z.string().nullable(),
  evaluatedOn: z.string().nullable(),
  reasons: z.string().nullable(),
  evaluator: z.object({ id: z.number(), name: z.string(), kind: z.string() }),
  trialFrom: z.string().nullable(),
  benefit: z.object({ amount: z.number(), unit: z.string(), period: z.enum(BENEFIT_PERIODS).nullable() }).nullable(),
  confirmedOn: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
  /** The first day the benefit may be confirmed (once introduced). */
  confirmableOn: z.string().nullable(),
  timeline: z.array(IdeaEventSchema),
  /** What the reader may do now. */
  can: z.object({
    evaluate: z.boolean(),
    trial: z.boolean(),
    introduce: z.boolean(),
    confirm: z.boolean(),
    /** An author, while the idea awaits evaluation. */
    edit: z.boolean(),
    withdraw: z.boolean(),
  }),
});
export type Idea = z.infer<typeof IdeaSchema>;

export const IdeaListQuerySchema = PageQuerySchema.extend({ status: z.enum(IDEA_STATUSES).optional() }).strict();
export type IdeaListQuery = z.infer<typeof IdeaListQuerySchema>;

export const IdeasSummaryQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) }).strict();

const MonthFiguresSchema = z.object({ month: z.string(), submitted: z.number(), accepted: z.number(), introduced: z.number() });

export const IdeasSummaryResultSchema = z.object({
  unitId: z.number(),
  year: z.number(),
  submitted: z.number(),
  accepted: z.number(),
  rejected: z.number(),
  inTrial: z.number(),
  introduced: z.number(),
  confirmed: z.number(),
  benefits: z.array(z.object({ unit: z.string(), period: z.enum(BENEFIT_PERIODS).nullable(), amount: z.number() })),
  medianDaysToIntroduction: z.number().nullable(),
  months: z.array(MonthFiguresSchema),
});
export type IdeasSummaryResult = z.infer<typeof IdeasSummaryResultSchema>;
