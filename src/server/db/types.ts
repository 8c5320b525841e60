/** Table types for Kysely, written to match the migrations. */
import type { ColumnType, Generated, Selectable } from 'kysely';
import type { GrantAccess, GrantRole, MembershipRole, UnitKind } from '../../shared/enums.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** DATE columns come back as 'YYYY-MM-DD' strings (see db/database.ts). */
type DateColumn = ColumnType<string, string | undefined, string>;

export interface UnitsTable {
  id: Generated<number>;
  parent_id: number | null;
  kind: UnitKind;
  name: string;
  code: string;
  sector: string | null;
  path: string;
  depth: number;
  opened_on: DateColumn;
  closed_on: string | null;
  member_count: Generated<number>;
  /** The day of the cell's latest held visit by an official (issue 14); null: never visited. */
  last_visited_on: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UnitMovesTable {
  id: Generated<number>;
  unit_id: number;
  from_parent_id: number;
  to_parent_id: number;
  from_path: string;
  moved_at: Timestamp;
  moved_by: number | null;
}

export interface PeopleTable {
  id: Generated<number>;
  full_name: string;
  email: string | null;
  phone: string | null;
  birth_year: number | null;
  workplace: string | null;
  joined_on: string | null;
  member_no: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MembershipsTable {
  cell_id: number;
  id: Generated<number>;
  person_id: number;
  role: MembershipRole;
  from_date: string;
  to_date: string | null;
}

export interface AccountsTable {
  id: Generated<number>;
  login: string;
  password_hash: string;
  person_id: number | null;
  disabled_at: Date | null;
  created_at: Timestamp;
  password_changed_at: Timestamp;
  /** Made by the demo seed, with the published demo password. */
  demo: Generated<boolean>;
}

export interface GrantsTable {
  id: Generated<number>;
  account_id: number;
  role: GrantRole;
  access: GrantAccess;
  unit_id: number | null;
  created_at: Timestamp;
  created_by: number | null;
  revoked_at: Date | null;
  revoked_by: number | null;
}

export interface SessionsTable {
  id: Generated<number>;
  token_hash: Buffer;
  account_id: number;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Date;
  ended_at: Date | null;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: Generated<number>;
  account_id: number;
  name: string;
  token_hash: Buffer;
  created_at: Timestamp;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface SignInThrottleTable {
  key: string;
  failures: number;
  window_started_at: Date;
  blocked_until: Date | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  account_id: number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  /** The unit the change belongs to, and its path at the time (null: global, administrators only). */
  unit_id: number | null;
  unit_path: string | null;
}

export interface ImportsTable {
  id: string;
  unit_id: number;
  account_id: number | null;
  status: 'running' | 'failed' | 'rejected' | 'done';
  lines_read: Generated<number>;
  bytes_read: Generated<number>;
  total_bytes: number | null;
  created: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  errors: ColumnType<
    Array<{ line: number; code?: string; field?: string | null; value?: string | null; message: string }>,
    string | undefined,
    string
  >;
  error_count: Generated<number>;
  message: string | null;
  /** Set exactly when status is 'failed'. */
  failure: 'interrupted' | 'error' | null;
  started_at: Timestamp;
  finished_at: Date | null;
}

export type MeetingStatus = 'scheduled' | 'held' | 'not_held';
export type AttendanceStatus = 'present' | 'excused' | 'absent';

export interface MeetingKindsTable {
  code: string;
  name_en: string;
  name_ko: string;
  position: number;
  quorum: number | null;
  /** Set when the kind is retired: kept for history, refused for new meetings. */
  retired_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface MeetingsTable {
  cell_id: number;
  id: Generated<number>;
  kind: string;
  title: string | null;
  starts_at: Date | string;
  meets_on: string;
  status: ColumnType<MeetingStatus, MeetingStatus | undefined, MeetingStatus>;
  not_held_reason: string | null;
  minutes: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  created_by: number | null;
  updated_at: Timestamp;
}

export interface AttendanceTable {
  cell_id: number;
  meeting_id: number;
  person_id: number;
  status: AttendanceStatus;
  reason: string | null;
  /** The meeting's day, kept equal to it by the foreign key (ON UPDATE CASCADE). */
  meets_on: string;
}
export interface AgendaItemsTable {
  cell_id: number;
  id: Generated<number>;
  meeting_id: number;
  position: number;
  title: string;
}
export interface DecisionsTable {
  cell_id: number;
  id: Generated<number>;
  meeting_id: number;
  text: string;
}
export interface DecisionActionsTable {
  cell_id: number;
  id: Generated<number>;
  decision_id: number;
  title: string;
  owner_person_id: number | null;
  due_on: string;
  status: ColumnType<'open' | 'done' | 'dropped', 'open' | 'done' | 'dropped' | undefined>;
  closed_on: string | null;
}
export interface FollowUpsTable {
  cell_id: number;
  id: Generated<number>;
  person_id: number;
  reason: 'repeated_absence';
  created_on: string;
  resolved_on: string | null;
  note: string | null;
}
export interface CalendarFeedsTable {
  id: Generated<number>;
  token_hash: Buffer;
  person_id: number | null;
  cell_id: number | null;
  created_by: number | null;
  created_at: Timestamp;
  revoked_at: Date | null;
}
/** A kind of the rulebook registry (modules/rulebook-registry.ts), checked when a standard is saved. */
export type StandardKind = string;
export interface StandardsTable {
  id: Generated<number>;
  code: string;
  kind: StandardKind;
  params: ColumnType<Record<string, unknown>, string, string>;
  title_en: string;
  title_ko: string;
  scope_unit_id: number | null;
  scope_sector: string | null;
  valid_from: string;
  valid_to: string | null;
  created_at: Timestamp;
  created_by: number | null;
}
export interface MetricPeriodsTable {
  period: string;
  materialized_at: Timestamp;
}
export interface CellMetricsTable {
  cell_id: number;
  period: string;
  key: string;
  value: number;
}
export interface CellComplianceTable {
  cell_id: number;
  period: string;
  standard_code: string;
  meets: boolean;
  /** The figures the verdict was judged on (evaluate.ts names them per standard kind); null on the '*' row. */
  x: number | null;
  y: number | null;
  /** On the '*' row: how many standards the cell fails; null on the others. */
  failing: number | null;
  /** On the '*' row: the cell's path in the current tree (moves update it); null on the others. */
  path: string | null;
}
export interface UnitRollupsTable {
  unit_id: number;
  period: string;
  standard_code: string;
  /** '*' = all sectors; '' = cells without a sector; else the cells of that sector. */
  sector: string;
  cells_total: number;
  cells_meeting: number;
}
export type UnitFiguresView = Omit<UnitRollupsTable, 'sector'>;
/** A write's difference to its committees' roll-ups, queued for the roll-up folder (decision 0022). */
export interface RollupDeltasTable {
  cell_id: number;
  id: Generated<number>;
  period: string;
  /** The cell's parent path at the write: the committees the difference is added to. */
  parent_path: string;
  sector: string;
  standard_code: string;
  dt: number;
  dm: number;
}
/** The same for a summed roll-up's metric. */
export interface RollupSumDeltasTable {
  cell_id: number;
  id: Generated<number>;
  period: string;
  parent_path: string;
  sector: string;
  key: string;
  dv: number;
}
/** A metric summed over the cells under a committee judged in the month (the registry's summed roll-ups). */
export interface UnitSumsTable {
  unit_id: number;
  period: string;
  key: string;
  sector: string;
  value: number;
}

export interface MonthlyReportsTable {
  cell_id: number;
  period: string;
  status: 'draft' | 'submitted';
  notes: string | null;
  snapshot: unknown;
  submitted_at: Date | null;
  submitted_by: number | null;
}

export type SendState = 'queued' | 'sending' | 'sent' | 'failed';
export type NotificationLanguage = 'en' | 'ko';
/** One notify call: what happened, said once for all its recipients (modules/notifications). */
export interface NotificationEventsTable {
  id: Generated<number>;
  kind: string;
  /** `{ key, params }`: an i18n key and its params, rendered in the reader's language. */
  payload: ColumnType<{ key: string; params?: Record<string, string | number> }, string, string>;
  link: string | null;
  dedupe_key: string | null;
  created_at: Timestamp;
}
export interface NotificationsTable {
  person_id: number;
  event_id: number;
  read_at: Date | null;
}
export interface NotificationPreferencesTable {
  person_id: number;
  email_opt_out: Generated<boolean>;
  language: NotificationLanguage | null;
  updated_at: Timestamp;
}
export interface MailOutboxTable {
  id: Generated<number>;
  event_id: number;
  person_id: number;
  to_address: string;
  language: NotificationLanguage;
  state: ColumnType<SendState, SendState | undefined, SendState>;
  attempts: Generated<number>;
  /** When a queued row is due; while `sending`, when the sender's claim lapses. */
  next_attempt_at: Timestamp;
  last_attempt_at: Date | null;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: Date | null;
}
export interface WebhookEndpointsTable {
  id: Generated<number>;
  url: string;
  secret: string;
  description: string | null;
  /** The event kinds sent there; empty: every kind. */
  event_kinds: ColumnType<string[], string[] | undefined, string[]>;
  enabled: Generated<boolean>;
  created_at: Timestamp;
  created_by: number | null;
  updated_at: Timestamp;
}
export interface WebhookDeliveriesTable {
  id: Generated<number>;
  endpoint_id: number;
  event_id: number;
  /** The recipients this delivery carries (a page of at most WEBHOOK_CHUNK); read in SQL only. */
  recipient_ids: ColumnType<unknown, never, never>;
  state: ColumnType<SendState, SendState | undefined, SendState>;
  attempts: Generated<number>;
  /** When a queued row is due; while `sending`, when the sender's claim lapses. */
  next_attempt_at: Timestamp;
  last_attempt_at: Date | null;
  last_status: number | null;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: Date | null;
}
/** Messages and deliveries sent per channel and day (UTC), counted by the senders. */
export interface NotificationSentDailyTable {
  channel: 'mail' | 'webhook';
  day: string;
  sent: number;
}

/** The study library (decision 0017). `search` and `search_text` are generated columns. */
export interface NewspaperIssuesTable {
  id: Generated<number>;
  title: string;
  issue_no: number | null;
  issued_on: DateColumn;
  created_at: Timestamp;
  created_by: number | null;
}

export type LibraryItemKind = 'document' | 'charter' | 'article';

export interface LibraryItemsTable {
  id: Generated<number>;
  kind: LibraryItemKind;
  issue_id: number | null;
  editorial: Generated<boolean>;
  title: string;
  body_html: string;
  body_text: string;
  unit_id: number | null;
  published_at: Date | string | null;
  created_at: Timestamp;
  created_by: number | null;
  updated_at: Timestamp;
}

export interface ReadingListsTable {
  id: Generated<number>;
  unit_id: number;
  title: string;
  starts_on: DateColumn;
  ends_on: DateColumn;
  created_at: Timestamp;
  created_by: number | null;
}

export interface ReadingListItemsTable {
  list_id: number;
  item_id: number;
  position: number;
}

export interface StudyReadingsTable {
  cell_id: number;
  meeting_id: number;
  item_id: number;
}

export interface ReadingLogTable {
  person_id: number;
  item_id: number;
  read_on: DateColumn;
  created_at: Timestamp;
}

export interface ProgrammesTable {
  id: Generated<number>;
  title: string;
  title_ko: string | null;
  description: string | null;
  created_at: Timestamp;
  created_by: number | null;
  updated_at: Timestamp;
  secretary_training: Generated<boolean>;
}

export type StudyFormat = 'collective' | 'one_to_one';
export type StudyTiming = 'before_work' | 'during_work_review' | 'standalone';

export interface ProgrammeThemesTable {
  id: Generated<number>;
  programme_id: number;
  position: number;
  title: string;
  title_ko: string | null;
  summary: string | null;
  material_url: string | null;
  plan_minutes: number | null;
  plan_format: StudyFormat | null;
  plan_text: string | null;
  retired_at: Date | string | null;
}

export interface ThemeMaterialsTable {
  theme_id: number;
  item_id: number;
}

export interface MeetingThemesTable {
  cell_id: number;
  meeting_id: number;
  theme_id: number;
}

export interface StudySessionsTable {
  cell_id: number;
  meeting_id: number;
  format: StudyFormat;
  timing: StudyTiming;
}

export interface LearningPlansTable {
  person_id: number;
  set_at: Timestamp;
  set_by: number | null;
}

export interface LearningPlanThemesTable {
  person_id: number;
  theme_id: number;
}

export interface LearningPlanHistoryTable {
  person_id: number;
  id: Generated<number>;
  set_at: Timestamp;
  set_by: number | null;
  theme_ids: number[];
}

export type EnrolmentKind = 'evening' | 'correspondence' | 'online' | 'on_the_job' | 'other';
export type EnrolmentStatus = 'enrolled' | 'completed' | 'withdrawn';

export interface EnrolmentsTable {
  person_id: number;
  id: Generated<number>;
  course: string;
  institution: string;
  kind: EnrolmentKind;
  starts_on: DateColumn;
  expected_end_on: string | null;
  status: Generated<EnrolmentStatus>;
  created_at: Timestamp;
  created_by: number | null;
  updated_at: Timestamp;
}

/** A view: a person's first completion of a theme (attendance at a study meeting on it, or reading its material). */
export interface EducationCompletionsView {
  person_id: number;
  theme_id: number;
  completed_on: string;
}

export interface DirectivesTable {
  id: Generated<number>;
  issuing_unit_id: number;
  title: string;
  body: string;
  target_unit_ids: number[];
  target_sectors: string[] | null;
  target_roles: string[] | null;
  acknowledge_within_days: number | null;
  status: Generated<'draft' | 'published' | 'withdrawn'>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: Date | null;
  published_by: number | null;
  withdrawn_at: Date | null;
  withdrawn_by: number | null;
  rebrief_every_months: ColumnType<number | null, number | null | undefined, number | null>;
  rebrief_times: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface DirectiveRoundsTable {
  directive_id: number;
  round: number;
  opened_at: Timestamp;
  deadline_on: string | null;
  deadline: Date | null;
  fanout_state: Generated<'pending' | 'running' | 'done'>;
  fanout_cursor: Generated<number>;
  fanout_finished_at: Date | null;
}

export interface DirectiveAttachmentsTable {
  id: Generated<number>;
  directive_id: number;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  created_at: Timestamp;
  created_by: number | null;
}

export interface DirectiveDeliveriesTable {
  cell_id: number;
  directive_id: number;
  round: number;
  person_id: number;
  delivered_at: Timestamp;
  acknowledged_at: Date | null;
  briefed_on: string | null;
  briefed_by: number | null;
  briefing_meeting_id: number | null;
}

export interface DirectiveReachTable {
  directive_id: number;
  round: number;
  unit_id: number;
  members: Generated<number>;
  acknowledged: Generated<number>;
  briefed: Generated<number>;
  acknowledged_in_time: Generated<number>;
  briefed_in_time: Generated<number>;
}

export interface SelfAssessmentsTable {
  cell_id: number;
  meeting_id: number;
  person_id: number;
  text: string;
  updated_at: Timestamp;
}

export interface ReviewClosuresTable {
  cell_id: number;
  meeting_id: number;
  closed_at: Timestamp;
  closed_by: number | null;
}

export interface FeedbackTable {
  cell_id: number;
  meeting_id: number;
  id: Generated<string>;
  about_person_id: number;
  author_person_id: number | null;
  author_key: string | null;
  text: string;
}

export type AssignmentStatus = 'open' | 'in_progress' | 'done' | 'cancelled';
export interface AssignmentsTable {
  cell_id: number;
  id: Generated<number>;
  person_id: number;
  title: string;
  description: string | null;
  done_when: string | null;
  due_on: string;
  decision_id: number | null;
  status: ColumnType<AssignmentStatus, AssignmentStatus | undefined, AssignmentStatus>;
  percent: Generated<number>;
  given_on: string;
  given_by: number | null;
  closed_on: string | null;
  score: number | null;
  evaluation_comment: string | null;
  evaluated_on: string | null;
  evaluated_by: number | null;
}
export interface AssignmentReportsTable {
  cell_id: number;
  assignment_id: number;
  id: Generated<number>;
  status: 'in_progress' | 'done';
  percent: number | null;
  note: string | null;
  reported_at: Timestamp;
}
export interface AssignmentScaleTable {
  id: Generated<boolean>;
  min_score: number;
  max_score: number;
}

export interface AdmissionRulesTable {
  id: Generated<boolean>;
  sponsor_min_months: number;
  candidacy_months: number;
  vote_pass_share: number;
  vote_basis: 'present' | 'roll';
}
export interface AdmissionCriteriaTable {
  id: Generated<number>;
  unit_id: number | null;
  title: string;
  created_at: Timestamp;
}
export type NominationStatusColumn = 'nominated' | 'in_training' | 'voted' | 'not_passed' | 'approved' | 'rejected' | 'withdrawn';
export interface NominationsTable {
  cell_id: number;
  id: Generated<number>;
  kind: 'candidate' | 'full_membership';
  person_id: number;
  reason: string | null;
  status: ColumnType<NominationStatusColumn, NominationStatusColumn | undefined, NominationStatusColumn>;
  nominated_on: string;
  nominated_by: number | null;
  training_from: string | null;
  meeting_id: number | null;
  votes_for: number | null;
  votes_against: number | null;
  votes_abstain: number | null;
  present: number | null;
  eligible: number | null;
  quorum_met: boolean | null;
  voted_on: string | null;
  decided_on: string | null;
  decided_by: number | null;
  decision_reason: string | null;
  withdrawn_on: string | null;
  withdrawal_reason: string | null;
}
export interface NominationSponsorsTable {
  cell_id: number;
  nomination_id: number;
  person_id: number;
  recommendation: string | null;
  recommended_on: string | null;
}
export interface NominationChecksTable {
  cell_id: number;
  nomination_id: number;
  criterion_id: number;
  note: string | null;
  checked_on: string;
  checked_by: number | null;
}
export interface NominationTasksTable {
  cell_id: number;
  nomination_id: number;
  id: Generated<number>;
  title: string;
  due_on: string;
  done_on: string | null;
}
export interface NominationEventsTable {
  cell_id: number;
  nomination_id: number;
  id: Generated<number>;
  at: Timestamp;
  step: string;
  account_id: number | null;
  detail: unknown;
}
export type HelpRequestStatus = 'open' | 'answered' | 'resolved' | 'withdrawn';
export interface HelpRequestsTable {
  cell_id: number;
  id: Generated<number>;
  person_id: number;
  subject: string | null;
  text: string | null;
  visibility: 'secretary' | 'cell';
  status: Generated<HelpRequestStatus>;
  asked_on: string;
  asked_at: Generated<Timestamp>;
  first_answered_on: string | null;
  updated_at: Generated<Timestamp>;
}
export interface HelpRequestStepsTable {
  cell_id: number;
  request_id: number;
  id: Generated<number>;
  status: HelpRequestStatus;
  on_day: string;
  at: Generated<Timestamp>;
}
export interface HelpAnswersTable {
  cell_id: number;
  request_id: number;
  id: Generated<number>;
  person_id: number | null;
  by_secretary: boolean;
  text: string | null;
  answered_at: Generated<Timestamp>;
}
/** Youth work and mentorships (issue 13, decision 0025). */
export interface YouthGroupsTable {
  cell_id: number;
  id: Generated<number>;
  name: string;
  assigned_person_id: number | null;
  created_on: string;
  closed_on: string | null;
}
export interface YouthGroupMembersTable {
  cell_id: number;
  group_id: number;
  person_id: number;
  added_on: string;
}
export type MentorshipKind = 'one-takes-one' | 'youth' | 'candidate';
export type MentorshipOutcome = 'goals-met' | 'partly-met' | 'not-met' | 'withdrawn';
export interface MentorshipsTable {
  cell_id: number;
  id: Generated<number>;
  mentor_id: number;
  mentee_id: number;
  kind: MentorshipKind;
  mentee_cell_id: number | null;
  goals: string | null;
  started_on: string;
  ended_on: string | null;
  outcome: MentorshipOutcome | null;
  created_by: number | null;
}
export interface MentorshipLogTable {
  cell_id: number;
  mentorship_id: number;
  id: Generated<number>;
  kind: 'meeting' | 'review';
  met_on: string;
  meeting_id: number | null;
  note: string;
  written_by: number | null;
  written_by_person: number | null;
  created_at: Timestamp;
}

/** The secretary (decision 0027): traits, anonymous ratings (no person, no time), per-unit totals. */
export interface SecretaryTraitsTable {
  id: Generated<number>;
  code: string;
  title_en: string;
  title_ko: string;
  description_en: string;
  description_ko: string;
  position: number;
  retired_at: Timestamp | null;
}
export interface SecretaryRatingsTable {
  cell_id: number;
  quarter: string;
  secretary_person_id: number;
  rater_key: string;
  comment: string | null;
}
export interface SecretaryRatingScoresTable {
  cell_id: number;
  quarter: string;
  secretary_person_id: number;
  rater_key: string;
  trait_id: number;
  score: number;
}
export interface SecretaryFeedbackUnitCountsTable {
  unit_id: number;
  quarter: string;
  raters: number;
  cells: number;
}
export interface SecretaryFeedbackUnitTotalsTable {
  unit_id: number;
  quarter: string;
  trait_id: number;
  score_sum: number;
  score_count: number;
}

export type VisitStatus = 'planned' | 'held' | 'cancelled';
export interface VisitsTable {
  cell_id: number;
  id: Generated<number>;
  status: Generated<VisitStatus>;
  planned_on: string;
  purpose: string | null;
  official_unit_id: number | null;
  planned_by: number | null;
  planned_by_person: number | null;
  held_on: string | null;
  members_met: number | null;
  findings: string | null;
  reported_by: number | null;
  reported_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  cancelled_on: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export type VisitProblemStatus = 'open' | 'in_progress' | 'solved' | 'dropped';
export interface VisitProblemsTable {
  cell_id: number;
  id: Generated<number>;
  visit_id: number;
  title: string | null;
  detail: string | null;
  owner_person_id: number | null;
  due_on: string;
  status: Generated<VisitProblemStatus>;
  resolution: string | null;
  raised_on: string;
  closed_on: string | null;
  updated_at: Timestamp;
  updated_by: number | null;
}

export type IdeaStatus = 'submitted' | 'accepted' | 'rejected' | 'in_trial' | 'introduced' | 'confirmed' | 'withdrawn';
export interface IdeaRulesTable {
  id: Generated<boolean>;
  evaluator_levels_up: Generated<number>;
  confirmation_months: Generated<number>;
}
export interface IdeasTable {
  cell_id: number;
  id: Generated<number>;
  title: string;
  description: string;
  expected_benefit: string | null;
  status: Generated<IdeaStatus>;
  submitted_on: string;
  submitted_by: number | null;
  evaluated_on: string | null;
  evaluated_by: number | null;
  evaluated_by_unit: number | null;
  reasons: string | null;
  trial_from: string | null;
  introduced_on: string | null;
  benefit_amount: ColumnType<string | null, number | string | null | undefined, number | string | null>;
  benefit_unit: string | null;
  benefit_period: 'once' | 'month' | 'year' | null;
  confirmed_on: string | null;
  withdrawn_on: string | null;
  created_at: Timestamp;
}
export interface IdeaAuthorsTable {
  cell_id: number;
  idea_id: number;
  person_id: number;
}
export interface IdeaEventsTable {
  cell_id: number;
  idea_id: number;
  id: Generated<number>;
  at: Timestamp;
  on_day: string;
  step: string;
  account_id: number | null;
  person_id: number | null;
  detail: ColumnType<unknown, string | null | undefined, string | null>;
}

/** An operation a device synced and the server applied (issue 16): a replay answers its stored result. */
export interface SyncOperationsTable {
  op_id: string;
  account_id: number;
  person_id: number | null;
  type: string;
  payload_hash: string;
  result: ColumnType<unknown, string, string>;
  applied_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface DB {
  sync_operations: SyncOperationsTable;
  visits: VisitsTable;
  secretary_traits: SecretaryTraitsTable;
  secretary_ratings: SecretaryRatingsTable;
  secretary_rating_scores: SecretaryRatingScoresTable;
  secretary_feedback_unit_counts: SecretaryFeedbackUnitCountsTable;
  secretary_feedback_unit_totals: SecretaryFeedbackUnitTotalsTable;
  visit_problems: VisitProblemsTable;
  help_requests: HelpRequestsTable;
  help_request_steps: HelpRequestStepsTable;
  help_answers: HelpAnswersTable;
  admission_rules: AdmissionRulesTable;
  admission_criteria: AdmissionCriteriaTable;
  nominations: NominationsTable;
  nomination_sponsors: NominationSponsorsTable;
  nomination_checks: NominationChecksTable;
  nomination_tasks: NominationTasksTable;
  nomination_events: NominationEventsTable;
  notification_sent_daily: NotificationSentDailyTable;
  notification_events: NotificationEventsTable;
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
  mail_outbox: MailOutboxTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  monthly_reports: MonthlyReportsTable;
  meeting_kinds: MeetingKindsTable;
  meetings: MeetingsTable;
  attendance: AttendanceTable;
  agenda_items: AgendaItemsTable;
  decisions: DecisionsTable;
  decision_actions: DecisionActionsTable;
  follow_ups: FollowUpsTable;
  calendar_feeds: CalendarFeedsTable;
  standards: StandardsTable;
  metric_periods: MetricPeriodsTable;
  cell_metrics: CellMetricsTable;
  cell_compliance: CellComplianceTable;
  unit_rollups: UnitRollupsTable;
  unit_sums: UnitSumsTable;
  rollup_deltas: RollupDeltasTable;
  rollup_sum_deltas: RollupSumDeltasTable;
  /** A view: committees' roll-ups and cells' own verdicts, read alike. */
  unit_figures: UnitFiguresView;
  units: UnitsTable;
  unit_moves: UnitMovesTable;
  people: PeopleTable;
  memberships: MembershipsTable;
  accounts: AccountsTable;
  grants: GrantsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  sign_in_throttle: SignInThrottleTable;
  audit_log: AuditLogTable;
  imports: ImportsTable;
  newspaper_issues: NewspaperIssuesTable;
  library_items: LibraryItemsTable;
  reading_lists: ReadingListsTable;
  reading_list_items: ReadingListItemsTable;
  study_readings: StudyReadingsTable;
  reading_log: ReadingLogTable;
  directives: DirectivesTable;
  directive_rounds: DirectiveRoundsTable;
  directive_deliveries: DirectiveDeliveriesTable;
  directive_attachments: DirectiveAttachmentsTable;
  directive_reach: DirectiveReachTable;
  self_assessments: SelfAssessmentsTable;
  review_closures: ReviewClosuresTable;
  feedback: FeedbackTable;
  programmes: ProgrammesTable;
  programme_themes: ProgrammeThemesTable;
  theme_materials: ThemeMaterialsTable;
  meeting_themes: MeetingThemesTable;
  study_sessions: StudySessionsTable;
  learning_plans: LearningPlansTable;
  learning_plan_themes: LearningPlanThemesTable;
  learning_plan_history: LearningPlanHistoryTable;
  enrolments: EnrolmentsTable;
  education_completions: EducationCompletionsView;
  assignments: AssignmentsTable;
  assignment_reports: AssignmentReportsTable;
  youth_groups: YouthGroupsTable;
  youth_group_members: YouthGroupMembersTable;
  mentorships: MentorshipsTable;
  mentorship_log: MentorshipLogTable;
  assignment_scale: AssignmentScaleTable;
  idea_rules: IdeaRulesTable;
  ideas: IdeasTable;
  idea_authors: IdeaAuthorsTable;
  idea_events: IdeaEventsTable;
  work_plans: WorkPlansTable;
  work_plan_goals: WorkPlanGoalsTable;
  deeds: DeedsTable;
  deed_people: DeedPeopleTable;
  campaigns: CampaignsTable;
  campaign_units: CampaignUnitsTable;
  campaign_counts: CampaignCountsTable;
  distinction_rules: DistinctionRulesTable;
  distinction_eligibility: DistinctionEligibilityTable;
  distinction_conferrals: DistinctionConferralsTable;
}

export type UnitRow = Selectable<UnitsTable>;
export type PersonRow = Selectable<PeopleTable>;

export type WorkPlanStatus = 'draft' | 'adopted' | 'reviewed';
export type WorkPlanGoalKind = 'target' | 'study' | 'innovation' | 'assignment';
export interface WorkPlansTable {
  cell_id: number;
  id: Generated<number>;
  period: string;
  starts_on: string;
  ends_on: string;
  status: Generated<WorkPlanStatus>;
  adopted_meeting_id: number | null;
  adopted_on: string | null;
  adopted_by: number | null;
  reviewed_on: string | null;
  reviewed_by: number | null;
  drafted_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface WorkPlanGoalsTable {
  cell_id: number;
  plan_id: number;
  id: Generated<number>;
  position: number;
  kind: WorkPlanGoalKind;
  title: string;
  /** A unit target (the targets module); its foreign key comes with that module. */
  target_id: number | null;
  /** One of the cell's assignments (an `assignment` goal only). */
  assignment_id: number | null;
  met: boolean | null;
  review_note: string | null;
}
export interface DeedsTable {
  cell_id: number;
  id: Generated<number>;
  title: string;
  description: string;
  done_on: string;
  witnesses: string | null;
  recorded_by_unit_id: number | null;
  recorded_by: number | null;
  published_unit_id: number | null;
  published_path: string | null;
  published_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  published_by: number | null;
  created_at: Timestamp;
}
export interface DeedPeopleTable {
  cell_id: number;
  deed_id: number;
  person_id: number;
}
/** One part of a campaign's score (decision 0033): a standard's verdicts now; a unit target's progress later. */
export type CampaignComponent =
  | { kind: 'standard'; code: string; weight: number }
  /** The participant's own targets of the indicator in the campaign's years: achieved of figure, capped at 1. */
  | { kind: 'target'; indicator: string; weight: number };
export interface CampaignsTable {
  id: Generated<number>;
  unit_id: number;
  title: string;
  from_period: DateColumn;
  to_period: DateColumn;
  components: ColumnType<CampaignComponent[], string, string>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  cancelled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  cancelled_by: ColumnType<number | null, number | null | undefined, number | null>;
}
export interface CampaignUnitsTable {
  campaign_id: number;
  unit_id: number;
}
/**
 * A running campaign's participant's verdicts judged and met of a standard over its months (a cell's
 * own, a committee's cells'; decision 0033), kept with the roll-ups (emulation/campaign-counts.ts).
 */
export interface CampaignCountsTable {
  campaign_id: number;
  unit_id: number;
  standard_code: string;
  judged: number;
  met: number;
}
/** One condition of a distinction rule: the cell's overall verdict met in at least `min` months of the year. */
export type DistinctionCondition =
  | { kind: 'overall-months'; min: number }
  /** No target of the cell's own for the year whose period ended short of its figure. */
  | { kind: 'no-overdue-target' };
export interface DistinctionRulesTable {
  code: string;
  title_en: string;
  title_ko: string;
  conditions: ColumnType<DistinctionCondition[], string, string>;
  active: Generated<boolean>;
  updated_at: Timestamp;
}
export interface DistinctionEligibilityTable {
  cell_id: number;
  year: number;
  distinction: string;
  months_met: number;
  computed_at: Timestamp;
}
export interface DistinctionConferralsTable {
  cell_id: number;
  year: number;
  distinction: string;
  conferred_by_unit: number | null;
  conferred_by: number | null;
  conferred_on: DateColumn;
  months_met: number;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  revoked_by: number | null;
}
