/** Table types for Kysely, written to match the migrations. */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
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
  errors: ColumnType<Array<{ line: number; code?: string; field?: string | null; value?: string | null; message: string }>, string | undefined, string>;
  error_count: Generated<number>;
  message: string | null;
  started_at: Timestamp;
  finished_at: Date | null;
}

export interface DB {
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
}

export type UnitRow = Selectable<UnitsTable>;
export type PersonRow = Selectable<PeopleTable>;
export type NewPerson = Insertable<PeopleTable>;
