/** Meetings: kinds of meeting, meetings, attendance, decisions and actions, follow-ups, the cell's dashboard. */
import { z } from 'zod';
import { MEMBERSHIP_ROLES } from '../enums.ts';
import { DateSchema, IdSchema, UnitRefSchema } from './base.ts';
import { StandardVerdictSchema } from './compliance.ts';
import { StudySessionFieldsSchema } from './education.ts';

export const ATTENDANCE_STATUSES = ['present', 'excused', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** A kind of meeting as an administrator saves it. */
export const SaveMeetingKindSchema = z
  .object({
    code: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/, 'lowercase letters, digits and dashes')
      .max(40),
    nameEn: z.string().trim().min(1).max(100),
    nameKo: z.string().trim().min(1).max(100),
    /** Share of the roll that must be present; null for no quorum rule. */
    quorum: z.number().gt(0).max(1).nullable().default(null),
  })
  .strict();

/** A kind as the API shows it; `retired` is there only on a retired kind. */
export const MeetingKindSchema = z.object({
  code: z.string(),
  nameEn: z.string(),
  nameKo: z.string(),
  quorum: z.number().nullable(),
  retired: z.literal(true).optional(),
});
export const MeetingKindListSchema = z.object({ items: z.array(MeetingKindSchema) });
/** Any text: a code that is not a kind's is a 404, whatever its form. */
export const MeetingKindParamsSchema = z.object({ code: z.string().min(1).max(100) }).strict();
export const MoveMeetingKindSchema = z.object({ direction: z.enum(['up', 'down']) }).strict();
export type MeetingKindMove = z.infer<typeof MoveMeetingKindSchema>['direction'];
export type MeetingKind = z.infer<typeof MeetingKindSchema>;

/** A member to follow up (e.g. after repeated absences), and what was done once resolved. */
export const FollowUpSchema = z.object({
  id: z.number(),
  personId: z.number(),
  fullName: z.string(),
  reason: z.string(),
  createdOn: z.string(),
  resolvedOn: z.string().nullable(),
  note: z.string().nullable(),
});
export type FollowUp = z.infer<typeof FollowUpSchema>;
/** A follow-up still open, as the cell's dashboard lists it. */
export const OpenFollowUpSchema = FollowUpSchema.omit({ resolvedOn: true, note: true });
export type OpenFollowUp = z.infer<typeof OpenFollowUpSchema>;
export const ResolveFollowUpSchema = z.object({ note: z.string().trim().min(1).max(2000) }).strict();

export const CreateMeetingSchema = z
  .object({
    kind: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .regex(/^[a-z][a-z0-9-]*$/, 'a meeting kind code such as general'),
    startsAt: z.iso.datetime({ offset: true }),
    title: z.string().trim().max(200).optional(),
    /** A recurring schedule: this meeting and the next `count - 1` at the same time each week or month. */
    repeat: z
      .object({ frequency: z.enum(['weekly', 'monthly']), count: z.number().int().min(2).max(24) })
      .strict()
      .optional(),
    agenda: z.array(z.string().trim().min(1).max(500)).max(50).optional(),
    /** A study meeting's themes and how it is held (the education module, issue 12). */
    ...StudySessionFieldsSchema.shape,
  })
  .strict();
export type CreateMeeting = z.infer<typeof CreateMeetingSchema>;

export const UpdateMeetingSchema = z
  .object({
    title: z.string().trim().max(200).nullish(),
    startsAt: z.iso.datetime({ offset: true }).optional(),
    minutes: z.string().max(20_000).nullish(),
    /** Replaces the agenda. */
    agenda: z.array(z.string().trim().min(1).max(500)).max(50).optional(),
    version: z.number().int().positive().optional(),
  })
  .strict();

export const AttendanceRecordSchema = z
  .object({
    personId: IdSchema,
    status: z.enum(ATTENDANCE_STATUSES),
    reason: z.string().trim().max(500).nullish(),
  })
  .strict();

export const SaveAttendanceSchema = z
  .object({
    records: z.array(AttendanceRecordSchema).max(2000),
    /** Required: the meeting's version the roll was read at (docs/decisions/0011-attendance-version-required.md). */
    version: z.number().int().positive(),
  })
  .strict();
export type SaveAttendance = z.infer<typeof SaveAttendanceSchema>;

export const NotHeldSchema = z
  .object({ reason: z.string().trim().min(1).max(500), version: z.number().int().positive().optional() })
  .strict();

export const RollEntrySchema = z.object({
  personId: z.number(),
  fullName: z.string(),
  role: z.enum(MEMBERSHIP_ROLES),
  status: z.enum(ATTENDANCE_STATUSES).nullable(),
  /** The reason for an absence: sent to the cell's secretary and the officials above it, and to a member for their own row only; absent otherwise. */
  reason: z.string().nullable().optional(),
});
export type RollEntry = z.infer<typeof RollEntrySchema>;

export const ActionSchema = z.object({
  id: z.number(),
  title: z.string(),
  ownerPersonId: z.number().nullable(),
  ownerName: z.string().nullable(),
  dueOn: z.string(),
  status: z.enum(['open', 'done', 'dropped']),
  closedOn: z.string().nullable(),
});
export type Action = z.infer<typeof ActionSchema>;
export const DecisionSchema = z.object({ id: z.number(), text: z.string(), actions: z.array(ActionSchema) });

export const MeetingSummarySchema = z.object({
  id: z.number(),
  cellId: z.number(),
  kind: z.string(),
  title: z.string().nullable(),
  startsAt: z.string(),
  meetsOn: z.string(),
  status: z.enum(['scheduled', 'held', 'not_held']),
  version: z.number(),
  present: z.number(),
  expected: z.number(),
});
export type MeetingSummary = z.infer<typeof MeetingSummarySchema>;
export const MeetingSchema = MeetingSummarySchema.extend({
  agenda: z.array(z.object({ id: z.number(), title: z.string() })),
  notHeldReason: z.string().nullable(),
  minutes: z.string().nullable(),
  roll: z.array(RollEntrySchema),
  quorum: z.object({ required: z.number(), present: z.number(), met: z.boolean() }).nullable(),
  decisions: z.array(DecisionSchema),
  /** Actions from earlier meetings still open: they stay on the agenda until closed. */
  openActions: z.array(ActionSchema),
  canManage: z.boolean(),
});
export type Meeting = z.infer<typeof MeetingSchema>;

export const MeetingListQuerySchema = z
  .object({
    from: DateSchema.optional(),
    to: DateSchema.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

/** A cell's recent decisions, newest first, to link work to (an assignment's decision). */
export const CellDecisionSchema = z.object({ id: z.number(), text: z.string(), meetingId: z.number(), meetsOn: z.string() });
export const CellDecisionListSchema = z.object({ items: z.array(CellDecisionSchema) });
export type CellDecisionList = z.infer<typeof CellDecisionListSchema>;

export const CreateDecisionSchema = z
  .object({
    text: z.string().trim().min(1).max(2000),
    actions: z
      .array(z.object({ title: z.string().trim().min(1).max(500), ownerPersonId: IdSchema.nullish(), dueOn: DateSchema }).strict())
      .max(50)
      .default([]),
  })
  .strict();
export const UpdateActionSchema = z.object({ status: z.enum(['open', 'done', 'dropped']) }).strict();

export const CellDashboardSchema = z.object({
  cell: UnitRefSchema,
  period: z.string(),
  standards: z.array(StandardVerdictSchema),
  /** Members to follow up: all of them for the secretary and officials; for a member, only their own. */
  followUps: z.array(OpenFollowUpSchema),
  nextMeetings: z.array(
    z.object({ id: z.number(), kind: z.string(), title: z.string().nullable(), startsAt: z.string(), status: z.string() }),
  ),
  recentMeetings: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      title: z.string().nullable(),
      startsAt: z.string(),
      status: z.string(),
      present: z.number(),
      expected: z.number(),
    }),
  ),
  openActions: z.array(ActionSchema),
  canManage: z.boolean(),
});
export type CellDashboard = z.infer<typeof CellDashboardSchema>;

export const MyActionsSchema = z.object({
  items: z.array(ActionSchema.extend({ cellId: z.number(), cellName: z.string(), meetingId: z.number() })),
});
export type MyActions = z.infer<typeof MyActionsSchema>;
