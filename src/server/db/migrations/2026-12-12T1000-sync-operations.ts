import { sql, type Kysely } from 'kysely';

/**
 * Offline sync (issue 16): one row per operation a device sent and the server applied, written in the
 * operation's own transaction, so a retried batch applies each operation exactly once (a replay answers
 * `duplicate` with the stored result). `payload_hash` is the SHA-256 of the canonical type and payload:
 * the same op_id with another payload is refused. Only applied operations are kept: a refused or
 * conflicting one leaves no row and changes nothing. Keyed by the client's id, not by cell: an
 * operation's cell is known only once its payload is read.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create table sync_operations (
  op_id uuid primary key,
  account_id bigint not null references accounts(id),
  person_id bigint references people(id),
  type text not null check (length(type) between 1 and 60),
  payload_hash text not null check (length(payload_hash) = 64),
  result jsonb not null,
  applied_at timestamptz not null default now()
);
create index sync_operations_account_idx on sync_operations (account_id, applied_at);
`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table sync_operations`.execute(db);
}
