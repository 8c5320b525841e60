/** Assignments (issue 12): work a cell gives its members, their progress reports and the secretary's evaluation. */
import { z } from 'zod';
import { DateSchema, IdSchema, text } from './base.ts';

export const ASSIGNMENT_LIMITS = {
  title: 200,
  description: 4000,
  doneWhen: 1000,
  note: 2000,
  comment: 2000,
  /** People given the same assignment at once. */
  people: 200,
  boardDefault: 60,
  boardMax: 200,
} as const;

export const ASSIGNMENT_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const GiveAssignmentSchema = z
  .object({
    title: text(ASSIGNMENT_LIMITS.title),
    description: z.string().trim().max(ASSIGNMENT_LIMITS.description).optional(),
    /** What done looks like. */
    doneWhen: z.string().trim().max(ASSIGNMENT_LIMITS.doneWhen).optional(),
    personIds: z.array(IdSchema).min(1).max(ASSIGNMENT_LIMITS.people),
    dueOn: DateSchema,
    /** A decision of one of the cell's meetings this assignment carries out. */
    meetingDecisionId: IdSchema.optional(),
  })
  .strict();
export type GiveAssignment = z.infer<typeof GiveAssignmentSchema>;

export const ReportProgressSchema = z
  .object({
    status: z.enum(['in_progress', 'done']),
    note: z.string().trim().max(ASSIGNMENT_LIMITS.note).optional(),
    percent: z.number().int().min(0).max(100).optional(),
  })
  .strict();
export type ReportProgress = z.infer<typeof ReportProgressSchema>;

export const EvaluateSchema = z
  .object({
    score: z.number().int(),
    comment: z.string().trim().max(ASSIGNMENT_LIMITS.comment).optional(),
  })
  .strict();
export type Evaluate = z.infer<typeof EvaluateSchema>;

export const EvaluationSchema = z.object({ score: z.number(), comment: z.string().nullable(), evaluatedOn: z.string() }).nullable();

export const AssignmentSchema = z.object({
  id: z.number(),
  cellId: z.number(),
  personId: z.number(),
  title: z.string(),
  description: z.string().nullable(),
  doneWhen: z.string().nullable(),
  dueOn: z.string(),
  meetingDecisionId: z.number().nullable(),
  status: z.enum(ASSIGNMENT_STATUSES),
  percent: z.number(),
  givenOn: z.string(),
  closedOn: z.string().nullable(),
  evaluation: EvaluationSchema,
});
export type Assignment = z.infer<typeof AssignmentSchema>;

export const GivenAssignmentsSchema = z.object({ items: z.array(AssignmentSchema) });

export const MyAssignmentSchema = AssignmentSchema.extend({
  cellName: z.string(),
  lastNote: z.string().nullable(),
});
export const MyAssignmentsSchema = z.object({ items: z.array(MyAssignmentSchema) });
export type MyAssignments = z.infer<typeof MyAssignmentsSchema>;

export const MyAssignmentsQuerySchema = z.object({ open: z.enum(['true', 'false']).optional() }).strict();

export const ProgressReportSchema = z.object({
  status: z.enum(['in_progress', 'done']),
  percent: z.number().nullable(),
  note: z.string().nullable(),
  reportedAt: z.string(),
});
export const AssignmentDetailSchema = AssignmentSchema.extend({
  assigneeName: z.string(),
  reports: z.array(ProgressReportSchema),
});

export const BoardQuerySchema = z
  .object({
    status: z.enum(ASSIGNMENT_STATUSES).optional(),
    limit: z.coerce.number().int().min(1).max(ASSIGNMENT_LIMITS.boardMax).default(ASSIGNMENT_LIMITS.boardDefault),
    cursor: z.string().max(200).optional(),
  })
  .strict();
export type BoardQuery = z.infer<typeof BoardQuerySchema>;

export const ScaleSchema = z.object({ min: z.number().int(), max: z.number().int() });
export type Scale = z.infer<typeof ScaleSchema>;
export const SetScaleSchema = z
  .object({ min: z.number().int().min(0).max(99), max: z.number().int().min(1).max(100) })
  .strict()
  .refine((s) => s.max > s.min, { message: 'max must be above min', path: ['max'] });

export const BoardSchema = z.object({
  items: z.array(AssignmentSchema.extend({ assigneeName: z.string() })),
  nextCursor: z.string().nullable(),
  scale: ScaleSchema,
});
export type Board = z.infer<typeof BoardSchema>;

/** Officials' participation beside everyone's in a subtree for a month (issue 12). */
export const ParticipationFiguresSchema = z.object({
  people: z.number(),
  attendancePresent: z.number(),
  attendanceExpected: z.number(),
  /** present / expected, 0..1; null when nobody was expected. */
  attendanceRate: z.number().nullable(),
  withActiveAssignment: z.number(),
  activeShare: z.number().nullable(),
  assignmentsDue: z.number(),
  assignmentsEvaluated: z.number(),
  evaluatedShare: z.number().nullable(),
  meanScore: z.number().nullable(),
});
export type ParticipationFigures = z.infer<typeof ParticipationFiguresSchema>;
export const ParticipationSchema = z.object({
  unitId: z.number(),
  period: z.string(),
  officials: ParticipationFiguresSchema,
  all: ParticipationFiguresSchema,
});
export type Participation = z.infer<typeof ParticipationSchema>;
export const ParticipationQuerySchema = z.object({ period: z.string().max(7).optional() }).strict();
