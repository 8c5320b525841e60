/** Review sessions (issue 12): self-assessments, feedback between members, and the session's closing. */
import { z } from 'zod';
import { DateSchema, IdSchema, text } from './base.ts';

export const REVIEW_LIMITS = {
  selfAssessment: 4000,
  feedback: 2000,
  /** Anonymous feedback about a person in a session is shown from this many distinct authors on. */
  anonymousAuthors: 3,
  /** A session not closed by its secretary closes by itself this many days after the meeting. */
  openDays: 14,
  /** The self-assessment form shows the member's attendance over this many months before the session. */
  attendanceMonths: 3,
} as const;

export const SaveSelfAssessmentSchema = z.object({ text: text(REVIEW_LIMITS.selfAssessment) }).strict();
export type SaveSelfAssessment = z.infer<typeof SaveSelfAssessmentSchema>;

export const SelfAssessmentSchema = z.object({
  meetingId: z.number(),
  personId: z.number(),
  fullName: z.string(),
  text: z.string(),
  updatedAt: z.string(),
});
export type SelfAssessment = z.infer<typeof SelfAssessmentSchema>;
export const SelfAssessmentListSchema = z.object({ items: z.array(SelfAssessmentSchema) });

export const GiveFeedbackSchema = z
  .object({
    aboutPersonId: IdSchema,
    /** About work and participation in the period; nothing else has a field. */
    text: text(REVIEW_LIMITS.feedback),
    anonymous: z.boolean(),
  })
  .strict();
export type GiveFeedback = z.infer<typeof GiveFeedbackSchema>;

/** What the author gets back: no id and no time for an anonymous item, nothing that orders it. */
export const GivenFeedbackSchema = z.object({
  meetingId: z.number(),
  aboutPersonId: z.number(),
  text: z.string(),
  anonymous: z.boolean(),
});
export type GivenFeedback = z.infer<typeof GivenFeedbackSchema>;

/**
 * Feedback as its reader sees it. A named item carries its author; an anonymous one carries no author
 * field, no id and no time at all (decision 0021).
 */
export const FeedbackItemSchema = z.object({
  meetingId: z.number(),
  meetsOn: DateSchema,
  text: z.string(),
  anonymous: z.boolean(),
  author: z.object({ personId: z.number(), fullName: z.string() }).optional(),
});
export type FeedbackItem = z.infer<typeof FeedbackItemSchema>;

/**
 * Per session: whether it is closed, and then how many anonymous items stay hidden because fewer than
 * three people wrote them (null while open: anonymous feedback is released only when a session closes).
 */
export const FeedbackSessionSchema = z.object({
  meetingId: z.number(),
  meetsOn: DateSchema,
  closed: z.boolean(),
  hiddenAnonymous: z.number().nullable(),
});
export const FeedbackListSchema = z.object({ items: z.array(FeedbackItemSchema), sessions: z.array(FeedbackSessionSchema) });
export type FeedbackList = z.infer<typeof FeedbackListSchema>;
export const FeedbackQuerySchema = z.object({ meeting: IdSchema.optional() }).strict();

/** The member's own attendance beside the self-assessment form. */
export const OwnAttendanceSchema = z.object({
  meetingId: z.number(),
  meetsOn: DateSchema,
  kind: z.string(),
  status: z.enum(['present', 'excused', 'absent']).nullable(),
});

export const ReviewSessionSchema = z.object({
  meetingId: z.number(),
  cellId: z.number(),
  meetsOn: DateSchema,
  status: z.enum(['scheduled', 'held', 'not_held']),
  closed: z.boolean(),
  /** When it closed, or (open) the day it closes by itself. */
  closedAt: z.string().nullable(),
  closesOn: DateSchema,
  /** The reader manages the cell: sees all self-assessments and closes the session. */
  canManage: z.boolean(),
  /** The reader is on the meeting's roll: writes a self-assessment and gives feedback. */
  onRoll: z.boolean(),
  roll: z.array(z.object({ personId: z.number(), fullName: z.string() })),
  /** Feedback the reader gave in this session (theirs alone). */
  given: z.array(GivenFeedbackSchema),
  /** The reader's attendance at the cell's held meetings in the months before the session. */
  myAttendance: z.array(OwnAttendanceSchema),
});
export type ReviewSession = z.infer<typeof ReviewSessionSchema>;
