/**
 * The API's request and response shapes. The server validates with them and the web forms reuse them,
 * so a field's rules live in one place.
 */
import { z } from 'zod';
import { GRANT_ACCESS, GRANT_ROLES, LIMITS, MEMBERSHIP_ROLES, SECTORS, UNIT_KINDS } from './enums.ts';

export const IdSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const IdParamsSchema = z.object({ id: IdSchema }).strict();
export const DateSchema = z.iso.date();
/** Trimmed, non-empty, length-capped text; Unicode passes through untouched. */
export const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();

export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(LIMITS.pageMax).default(LIMITS.pageDefault),
  cursor: z.string().max(200).optional(),
}).strict();
export type PageQuery = z.infer<typeof PageQuerySchema>;

export const ErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export const UnitRefSchema = z.object({ id: z.number(), name: z.string(), kind: z.enum(UNIT_KINDS) });
export type UnitRef = z.infer<typeof UnitRefSchema>;

export const UnitSummarySchema = z.object({
  id: z.number(),
  kind: z.enum(UNIT_KINDS),
  name: z.string(),
  code: z.string(),
  sector: z.enum(SECTORS).nullable(),
  parentId: z.number().nullable(),
  depth: z.number(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  childCount: z.number(),
  memberCount: z.number(),
});
export type UnitSummary = z.infer<typeof UnitSummarySchema>;

export const PersonRefSchema = z.object({ id: z.number(), fullName: z.string() });

export const UnitSchema = UnitSummarySchema.extend({
  /** Ancestors the actor may see, top first, ending with the unit itself. */
  breadcrumb: z.array(UnitRefSchema),
  cellCount: z.number(),
  secretary: PersonRefSchema.nullable(),
  deputies: z.array(PersonRefSchema),
  canManage: z.boolean(),
  /** The actor manages the committee above: may rename, move or close the unit and appoint its officers. */
  canRestructure: z.boolean(),
});
export type Unit = z.infer<typeof UnitSchema>;

export const pageOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const UnitPageSchema = pageOf(UnitSummarySchema);

export const ChildrenQuerySchema = PageQuerySchema.extend({
  includeClosed: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
}).strict();

export const UnitSearchQuerySchema = z.object({
  q: text(LIMITS.search),
  kind: z.enum(UNIT_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
}).strict();

export const CreateUnitSchema = z.object({
  parentId: IdSchema,
  kind: z.enum(UNIT_KINDS),
  name: text(LIMITS.name),
  code: text(LIMITS.code).regex(/^[\p{L}\p{N}._-]+$/u, 'letters, digits, dot, dash and underscore only'),
  sector: z.enum(SECTORS).nullish(),
  openedOn: DateSchema.optional(),
}).strict();
export type CreateUnit = z.infer<typeof CreateUnitSchema>;

export const UpdateUnitSchema = z.object({
  name: text(LIMITS.name).optional(),
  code: CreateUnitSchema.shape.code.optional(),
  sector: z.enum(SECTORS).nullish(),
}).strict();

export const MoveUnitSchema = z.object({ newParentId: IdSchema }).strict();
export const CloseUnitSchema = z.object({ closedOn: DateSchema.optional() }).strict();

export const MemberSchema = z.object({
  membershipId: z.number(),
  personId: z.number(),
  fullName: z.string(),
  role: z.enum(MEMBERSHIP_ROLES),
  fromDate: z.string(),
});
export type Member = z.infer<typeof MemberSchema>;
export const MemberPageSchema = pageOf(MemberSchema);

export const MembershipSchema = z.object({
  id: z.number(),
  cell: UnitRefSchema,
  role: z.enum(MEMBERSHIP_ROLES),
  fromDate: z.string(),
  toDate: z.string().nullable(),
});

export const PersonSchema = z.object({
  id: z.number(),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  birthYear: z.number().nullable(),
  workplace: z.string().nullable(),
  joinedOn: z.string().nullable(),
  memberNo: z.string().nullable(),
  memberships: z.array(MembershipSchema),
  canManage: z.boolean(),
});
export type Person = z.infer<typeof PersonSchema>;

const personFields = {
  fullName: text(LIMITS.name),
  email: z.email().max(LIMITS.email).nullish(),
  phone: optionalText(LIMITS.phone),
  birthYear: z.number().int().min(1900).max(2100).nullish(),
  workplace: optionalText(LIMITS.workplace),
  joinedOn: DateSchema.nullish(),
  memberNo: optionalText(LIMITS.code),
};
export const CreatePersonSchema = z.object({
  ...personFields,
  cellId: IdSchema,
  role: z.enum(['member', 'candidate']).default('member'),
  fromDate: DateSchema.optional(),
}).strict();
export type CreatePerson = z.infer<typeof CreatePersonSchema>;
export const UpdatePersonSchema = z.object(personFields).partial().strict();

export const TransferPersonSchema = z.object({ toCellId: IdSchema, date: DateSchema.optional() }).strict();
export const AppointSecretarySchema = z.object({
  personId: IdSchema,
  deputy: z.boolean().default(false),
  date: DateSchema.optional(),
}).strict();
export const RelieveSecretarySchema = z.object({ personId: IdSchema, date: DateSchema.optional() }).strict();

export const SignInSchema = z.object({
  login: z.string().trim().min(1).max(LIMITS.login),
  password: z.string().min(1).max(LIMITS.passwordMax),
}).strict();
export type SignIn = z.infer<typeof SignInSchema>;

export const ChangePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(LIMITS.passwordMax),
  newPassword: z.string().min(LIMITS.passwordMin).max(LIMITS.passwordMax),
}).strict();

export const GrantSchema = z.object({
  id: z.number(),
  role: z.enum(GRANT_ROLES),
  access: z.enum(GRANT_ACCESS),
  unit: UnitRefSchema.nullable(),
});
export type Grant = z.infer<typeof GrantSchema>;

export const AccountSchema = z.object({
  id: z.number(),
  login: z.string(),
  personId: z.number().nullable(),
  disabled: z.boolean(),
  grants: z.array(GrantSchema),
});
export type Account = z.infer<typeof AccountSchema>;

export const MeSchema = z.object({
  account: z.object({ id: z.number(), login: z.string() }),
  person: PersonRefSchema.nullable(),
  grants: z.array(GrantSchema),
  cells: z.array(z.object({ id: z.number(), name: z.string(), role: z.enum(MEMBERSHIP_ROLES) })),
  /** Units the actor may start browsing from: the tops of their grants' subtrees. */
  roots: z.array(UnitRefSchema),
  csrfToken: z.string().nullable(),
});
export type Me = z.infer<typeof MeSchema>;

export const CreateAccountSchema = z.object({
  login: z.string().trim().toLowerCase().min(1).max(LIMITS.login).regex(/^[^\s]+$/, 'no spaces'),
  password: z.string().min(LIMITS.passwordMin).max(LIMITS.passwordMax),
  personId: IdSchema.nullish(),
}).strict();

export const CreateGrantSchema = z.object({
  role: z.enum(GRANT_ROLES),
  access: z.enum(GRANT_ACCESS).default('read'),
  unitId: IdSchema.nullish(),
}).strict();

export const CreateApiTokenSchema = z.object({ name: text(100) }).strict();

export const ImportStatusSchema = z.object({
  id: z.string(),
  status: z.enum(['running', 'failed', 'rejected', 'done']),
  linesRead: z.number(),
  bytesRead: z.number(),
  totalBytes: z.number().nullable(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  /** Each bad line: a stable `code` (missing, invalid, too_long, field_count, cell_code_required, unknown_cell,
   * duplicate_member_no, duplicate_person, outside_area), the column, the offending value, an English message. */
  errors: z.array(z.object({ line: z.number(), code: z.string(), field: z.string().nullable(), value: z.string().nullable(), message: z.string() })),
  errorCount: z.number(),
  rowsPerSecond: z.number(),
});
export type ImportStatus = z.infer<typeof ImportStatusSchema>;

export const HealthSchema = z.object({
  status: z.literal('ok'),
  database: z.object({ mode: z.enum(['embedded', 'external']), version: z.string() }),
});

// ---- Meetings, attendance and compliance -------------------------------------------------------

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
  version: z.number().int().positive().optional(),
}).strict();
export type SaveAttendance = z.infer<typeof SaveAttendanceSchema>;

export const NotHeldSchema = z.object({ reason: z.string().trim().min(1).max(500), version: z.number().int().positive().optional() }).strict();

export const RollEntrySchema = z.object({
  personId: z.number(),
  fullName: z.string(),
  role: z.enum(MEMBERSHIP_ROLES),
  status: z.enum(ATTENDANCE_STATUSES).nullable(),
  reason: z.string().nullable(),
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
  canSubmit: z.boolean(),
});
export type MonthlyReport = z.infer<typeof MonthlyReportSchema>;
export const SubmitReportSchema = z.object({ notes: z.string().trim().max(5000).nullish() }).strict();
export const ReportListSchema = z.object({
  period: z.string(),
  items: z.array(z.object({ cell: UnitRefSchema, status: z.enum(['missing', ...MONTHLY_REPORT_STATUSES]), submittedAt: z.string().nullable() })),
  nextCursor: z.string().nullable(),
});
