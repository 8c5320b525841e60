/** Youth work and mentorships (issue 13, tasks 8 and 9; decision 0025). */
import { z } from 'zod';
import { DateSchema, IdSchema, text } from './base.ts';

export const MENTORSHIP_LIMITS = { goals: 2000, note: 4000, groupName: 200, fullName: 200 } as const;
export const MENTORSHIP_KINDS = ['one-takes-one', 'youth', 'candidate'] as const;
export type MentorshipKind = (typeof MENTORSHIP_KINDS)[number];
export const MENTORSHIP_OUTCOMES = ['goals-met', 'partly-met', 'not-met', 'withdrawn'] as const;
export type MentorshipOutcome = (typeof MENTORSHIP_OUTCOMES)[number];

export const PairMentorSchema = z
  .object({
    mentorId: IdSchema,
    menteeId: IdSchema,
    kind: z.enum(MENTORSHIP_KINDS),
    goals: z.string().trim().max(MENTORSHIP_LIMITS.goals).optional(),
  })
  .strict();
export type PairMentor = z.infer<typeof PairMentorSchema>;

export const LogMeetingSchema = z.object({ note: text(MENTORSHIP_LIMITS.note), metOn: DateSchema.optional() }).strict();
export type LogMeeting = z.infer<typeof LogMeetingSchema>;

/** The mentorship reviewed at one of the cell's review sessions (a meeting of kind `review`). */
export const ReviewMentorshipSchema = z.object({ meetingId: IdSchema, note: text(MENTORSHIP_LIMITS.note) }).strict();
export type ReviewMentorship = z.infer<typeof ReviewMentorshipSchema>;

export const EndMentorshipSchema = z.object({ outcome: z.enum(MENTORSHIP_OUTCOMES), endedOn: DateSchema.optional() }).strict();
export type EndMentorship = z.infer<typeof EndMentorshipSchema>;

export const MentorshipListQuerySchema = z.object({ status: z.enum(['active', 'ended', 'all']).default('active') }).strict();

const PersonSchema = z.object({ id: z.number(), fullName: z.string() });

export const MentorshipSchema = z.object({
  id: z.number(),
  cellId: z.number(),
  cellName: z.string(),
  kind: z.enum(MENTORSHIP_KINDS),
  mentor: PersonSchema,
  mentee: PersonSchema,
  /** The mentee's cell when it is another one (help given across cells). */
  menteeCell: z.object({ id: z.number(), name: z.string() }).nullable(),
  goals: z.string().nullable(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  outcome: z.enum(MENTORSHIP_OUTCOMES).nullable(),
  meetings: z.number(),
  lastMetOn: z.string().nullable(),
  reviews: z.number(),
});
export type Mentorship = z.infer<typeof MentorshipSchema>;
export const MentorshipListSchema = z.object({ items: z.array(MentorshipSchema) });

export const LogEntrySchema = z.object({
  id: z.number(),
  kind: z.enum(['meeting', 'review']),
  metOn: z.string(),
  meetingId: z.number().nullable(),
  note: z.string(),
  writtenBy: z.string().nullable(),
  createdAt: z.string(),
});
export type LogEntry = z.infer<typeof LogEntrySchema>;

export const MentorshipDetailSchema = MentorshipSchema.extend({
  log: z.array(LogEntrySchema),
  /** The actor may write the log (the mentor, those who manage the cell), review and end it (the latter). */
  canLog: z.boolean(),
  canManage: z.boolean(),
});
export type MentorshipDetail = z.infer<typeof MentorshipDetailSchema>;

export const CreatedSchema = z.object({ id: z.number() });

// Youth groups.
export const CreateYouthGroupSchema = z
  .object({ name: text(MENTORSHIP_LIMITS.groupName), assignedPersonId: IdSchema.nullable().optional() })
  .strict();
export type CreateYouthGroup = z.infer<typeof CreateYouthGroupSchema>;
export const UpdateYouthGroupSchema = z
  .object({
    name: text(MENTORSHIP_LIMITS.groupName).optional(),
    assignedPersonId: IdSchema.nullable().optional(),
    closed: z.boolean().optional(),
  })
  .strict();
export type UpdateYouthGroup = z.infer<typeof UpdateYouthGroupSchema>;
/** A young person: a new person record (name, optional birth year) or one already in a group of the cell. */
export const AddYoungPersonSchema = z
  .object({
    fullName: text(MENTORSHIP_LIMITS.fullName).optional(),
    birthYear: z.number().int().min(1900).max(2100).optional(),
    personId: IdSchema.optional(),
  })
  .strict()
  .refine((v) => (v.fullName === undefined) !== (v.personId === undefined), { message: 'Give either fullName or personId' });
export type AddYoungPerson = z.infer<typeof AddYoungPersonSchema>;
/** Correcting a young person's record (a name misspelt, a birth year learnt later). */
export const UpdateYoungPersonSchema = z
  .object({
    fullName: text(MENTORSHIP_LIMITS.fullName).optional(),
    birthYear: z.number().int().min(1900).max(2100).nullable().optional(),
  })
  .strict();
export type UpdateYoungPerson = z.infer<typeof UpdateYoungPersonSchema>;

export const YouthGroupSchema = z.object({
  id: z.number(),
  cellId: z.number(),
  name: z.string(),
  assigned: PersonSchema.nullable(),
  createdOn: z.string(),
  closedOn: z.string().nullable(),
  youngPeople: z.array(PersonSchema.extend({ birthYear: z.number().nullable(), addedOn: z.string() })),
});
export type YouthGroup = z.infer<typeof YouthGroupSchema>;
export const YouthGroupListSchema = z.object({ items: z.array(YouthGroupSchema) });
export const YoungPersonParamsSchema = z.object({ id: IdSchema, personId: IdSchema }).strict();

// Counts per unit (a cell's own, a committee's summed over its cells), with the children to drill down.
export const MentorshipFiguresSchema = z.object({
  active: z.number(),
  across: z.number(),
  meetings: z.number(),
  reviews: z.number(),
  ended: z.number(),
  candidates: z.number(),
  candidatesMentored: z.number(),
  youthGroups: z.number(),
  youthGroupsAssigned: z.number(),
  youngPeople: z.number(),
});
export type MentorshipFigures = z.infer<typeof MentorshipFiguresSchema>;
export const MentorshipCountsQuerySchema = z.object({ period: z.string().max(7).optional() }).strict();
export const MentorshipCountsSchema = z.object({
  unitId: z.number(),
  period: z.string(),
  figures: MentorshipFiguresSchema,
  children: z.array(z.object({ id: z.number(), name: z.string(), kind: z.string(), figures: MentorshipFiguresSchema })),
});
export type MentorshipCounts = z.infer<typeof MentorshipCountsSchema>;
