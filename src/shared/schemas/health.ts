/** Cell health: meetings, attendance, decisions, compliance, dashboards and the monthly report. */
import { z } from 'zod';
import { MEMBERSHIP_ROLES, SECTORS } from '../enums.ts';
import { DateSchema, IdSchema, UnitRefSchema } from './base.ts';

export const MEETING_KINDS = ['general', 'consultative', 'review', 'study', 'technical', 'other'] as const;
export const ATTENDANCE_STATUSES = ['present', 'excused', 'absent'] as const;

export const CreateMeetingSchema = z.object({
  kind: z.string().trim().min(1).max(40).regex(/^[a-z][a-z0-9-]*$/, 'a meeting kind code such as general'),
  startsAt: z.iso.datetime({ offset: true }),
  title: z.string().trim().max(200).optional(),
  /** A recurring schedule: this meeting and the next `count - 1` at the same time each week or month. */
  repeat: z.object({ frequency: z.enum(['weekly', 'monthly']), count: z.number().int().min(2).max(24) }).strict().optional(),
  agenda: z.array(z.string().trim().min(1).max(500)).max(50).optional(),
}).strict();
export type CreateMeeting = z.infer<typeof CreateMeetingSchema>;

export const UpdateMeetingSchema = z.object({
  title: z.string().trim().max(200).nullish(),
  startsAt: z.iso.datetime({ offset: true }).optional(),
  minutes: z.string().max(20_000).nullish(),
  /** Replaces the agenda. */
  agenda: z.array(z.string().trim().min(1).max(500)).max(50).optional(),
  version: z.number().int().positive().optional(),
}).strict();

export const AttendanceRecordSchema = z.object({
  personId: IdSchema,
  status: z.enum(ATTENDANCE_STATUSES),
  reason: z.string().trim().max(500).nullish(),
}).strict();

export const SaveAttendanceSchema = z.object({
  records: z.array(AttendanceRecordSchema).max(2000),
  /** Required: the meeting's version the roll was read at (docs/decisions/0011-attendance-version-required.md). */
  version: z.number().int().positive(),
}).strict();
export type SaveAttendance = z.infer<typeof SaveAttendanceSchema>;

export const NotHeldSchema = z.object({ reason: z.string().trim().min(1).max(500), version: z.number().int().positive().optional() }).strict();

export const RollEntrySchema = z.object({
  personId: z.number(),
  fullName: z.string(),
  role: z.enum(MEMBERSHIP_ROLES),
  status: z.enum(ATTENDANCE_STATUSES).nullable(),
  /** The reason for an absence: sent to the cell's secretary and the officials above it, and to a member for their own row only; absent otherwise. */
  reason: z.string().nullable().optional(),
});

export const ActionSchema = z.object({
  id: z.number(), title: z.string(), ownerPersonId: z.number().nullable(), ownerName: z.string().nullable(),
  dueOn: z.string(), status: z.enum(['open', 'done', 'dropped']), closedOn: z.string().nullable(),
});
export const DecisionSchema = z.object({ id: z.number(), text: z.string(), actions: z.array(ActionSchema) });

export const MeetingSummarySchema = z.object({
  id: z.number(), cellId: z.number(), kind: z.string(), title: z.string().nullable(), startsAt: z.string(), meetsOn: z.string(),
  status: z.enum(['scheduled', 'held', 'not_held']), version: z.number(),
  present: z.number(), expected: z.number(),
});
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

export const MeetingListQuerySchema = z.object({
  from: DateSchema.optional(),
  to: DateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
}).strict();

export const CreateDecisionSchema = z.object({
  text: z.string().trim().min(1).max(2000),
  actions: z.array(z.object({ title: z.string().trim().min(1).max(500), ownerPersonId: IdSchema.nullish(), dueOn: DateSchema }).strict()).max(50).default([]),
}).strict();
export const UpdateActionSchema = z.object({ status: z.enum(['open', 'done', 'dropped']) }).strict();

export const ComplianceQuerySchema = z.object({ period: z.string().max(7) }).strict();
export const ComplianceStandardSchema = z.object({
  code: z.string(), title: z.string(), titleKo: z.string(), cellsMeeting: z.number(), cellsTotal: z.number(), rowsUrl: z.string(),
});
export const ComplianceSchema = z.object({
  unitId: z.number(),
  period: z.string(),
  cells: z.number(),
  cellsMeetingAll: z.number(),
  allRowsUrl: z.string(),
  standards: z.array(ComplianceStandardSchema),
  /** The month is still in progress: its figures are judged on the days so far. */
  partial: z.boolean(),
  /**
   * The rulebook registry's summed roll-ups over the cells judged in the month (a cell: its own), by
   * metric key, e.g. `attendance_present:general`.
   */
  sums: z.record(z.string(), z.number()),
});
export type Compliance = z.infer<typeof ComplianceSchema>;

export const ComplianceRowsQuerySchema = z.object({
  period: z.string().max(7),
  standard: z.string().max(64).default('*'),
  meets: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
}).strict();
export const ComplianceRowSchema = z.object({
  cellId: z.number(), cellName: z.string(), cellCode: z.string(), standardCode: z.string(), meets: z.boolean(), detail: z.unknown(),
});

export const RollupFigureSchema = z.object({ cellsMeeting: z.number(), cellsTotal: z.number() });

/** The heat grid: each child unit of a committee against each standard. */
export const ComplianceGridSchema = z.object({
  unitId: z.number(),
  period: z.string(),
  standards: z.array(z.object({ code: z.string(), title: z.string(), titleKo: z.string() })),
  rows: z.array(z.object({
    unit: UnitRefSchema,
    all: RollupFigureSchema,
    /** Keyed by standard code. */
    figures: z.record(z.string(), RollupFigureSchema),
  })),
});
export type ComplianceGrid = z.infer<typeof ComplianceGridSchema>;

/** Cells failing the most standards, with what each lacks. */
export const WorstCellsSchema = z.object({
  period: z.string(),
  items: z.array(z.object({
    cell: UnitRefSchema,
    /** The cell's committee, when it lies in the reader's scope; null otherwise. */
    parent: UnitRefSchema.nullable(),
    failing: z.array(z.object({ code: z.string(), detail: z.unknown() })),
  })),
});

export const SectorBreakdownSchema = z.object({
  period: z.string(),
  rows: z.array(z.object({ sector: z.string().nullable(), all: RollupFigureSchema, figures: z.record(z.string(), RollupFigureSchema) })),
});

export const CellDashboardSchema = z.object({
  cell: UnitRefSchema,
  period: z.string(),
  standards: z.array(z.object({ code: z.string(), title: z.string(), titleKo: z.string(), meets: z.boolean(), detail: z.unknown() })),
  /** Members to follow up: all of them for the secretary and officials; for a member, only their own. */
  followUps: z.array(z.object({ id: z.number(), personId: z.number(), fullName: z.string(), reason: z.string(), createdOn: z.string() })),
  nextMeetings: z.array(z.object({ id: z.number(), kind: z.string(), title: z.string().nullable(), startsAt: z.string(), status: z.string() })),
  recentMeetings: z.array(z.object({ id: z.number(), kind: z.string(), title: z.string().nullable(), startsAt: z.string(), status: z.string(), present: z.number(), expected: z.number() })),
  openActions: z.array(ActionSchema),
  canManage: z.boolean(),
});
export type CellDashboard = z.infer<typeof CellDashboardSchema>;

export const MyActionsSchema = z.object({ items: z.array(ActionSchema.extend({ cellId: z.number(), cellName: z.string(), meetingId: z.number() })) });

export const MONTHLY_REPORT_STATUSES = ['draft', 'submitted'] as const;
export const MonthlyReportSchema = z.object({
  cell: UnitRefSchema,
  period: z.string(),
  status: z.enum(MONTHLY_REPORT_STATUSES),
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  notes: z.string().nullable(),
  /** Generated from the data: meetings held, attendance, standards, actions, follow-ups. */
  figures: z.object({
    members: z.number(),
    meetingsHeld: z.number(),
    meetingsNotHeld: z.number(),
    attendanceRate: z.number().nullable(),
    actionsDue: z.number(),
    actionsOnTime: z.number(),
    openFollowUps: z.number(),
  }),
  meetings: z.array(z.object({ id: z.number(), kind: z.string(), startsAt: z.string(), status: z.string(), present: z.number(), expected: z.number() })),
  standards: z.array(z.object({ code: z.string(), title: z.string(), titleKo: z.string(), meets: z.boolean(), detail: z.unknown() })),
  /** The decisions of the month's meetings and the follow-up actions they set. */
  decisions: z.array(z.object({
    id: z.number(), meetingId: z.number(), text: z.string(),
    actions: z.array(z.object({ id: z.number(), title: z.string(), ownerName: z.string().nullable(), dueOn: z.string(), status: z.enum(['open', 'done', 'dropped']) })),
  })),
  /** The month's last day, and how many days follow today in it (the organization's time zone); null once the month is over. */
  monthEndsOn: z.string(),
  daysLeft: z.number().nullable(),
  canSubmit: z.boolean(),
});
export type MonthlyReport = z.infer<typeof MonthlyReportSchema>;
/** `confirmEarly` says the secretary knows the month is not over yet; without it such a submission is refused. */
export const SubmitReportSchema = z.object({ notes: z.string().trim().max(5000).nullish(), confirmEarly: z.boolean().optional() }).strict();
export type SubmitReport = z.infer<typeof SubmitReportSchema>;
/** The language of a report's download; without it, Accept-Language, then English. */
export const ReportFileQuerySchema = z.object({ lang: z.enum(['en', 'ko']).optional() }).strict();
export const ReportListSchema = z.object({
  period: z.string(),
  items: z.array(z.object({ cell: UnitRefSchema, status: z.enum(['missing', ...MONTHLY_REPORT_STATUSES]), submittedAt: z.string().nullable() })),
  nextCursor: z.string().nullable(),
});

/** The limits of a standard's numeric parameters, [min, max]; the web form checks the same. */
export const STANDARD_LIMITS = {
  meetingsPerMonth: [1, 31], reviewWeeks: [1, 52], consecutiveAbsences: [2, 12], graceDays: [0, 90], meetingsPerQuarter: [1, 90],
} as const satisfies Record<string, readonly [number, number]>;
const common = {
  code: z.string().regex(/^[a-z][a-z0-9-]*$/, 'lowercase letters, digits and dashes').max(64),
  titleEn: z.string().trim().min(1).max(200),
  titleKo: z.string().trim().min(1).max(200),
  scopeUnitId: z.number().int().positive().nullish(),
  scopeSector: z.enum(SECTORS).nullish(),
  validFrom: z.iso.date().refine((d) => d.endsWith('-01'), 'a change applies from the first day of a month'),
  retire: z.boolean().default(false),
};

/**
 * A standard's new version. `kind` names a kind of the rulebook registry and `params` are checked
 * against that kind's schema (src/shared/schemas/standard-params.ts) when saved.
 */
export const SaveStandardSchema = z.object({
  ...common,
  kind: z.string().regex(/^[a-z][a-z0-9_]*$/, 'a standard kind code such as meetings_per_month').max(64),
  params: z.record(z.string(), z.unknown()),
}).strict();
export type SaveStandard = z.infer<typeof SaveStandardSchema>;
