import { sql, type Kysely } from 'kysely';

/**
 * Committees' roll-ups follow writes a moment later (decision 0022): a write stores its cell's
 * verdicts and metrics at once, and the differences they make to the committees above it here, with
 * the parent path the cell had then; the roll-up folder adds them to unit_rollups and unit_sums in
 * batches and deletes them in the same transaction. Keyed by cell first, like every per-cell table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create table rollup_deltas (
  cell_id bigint not null,
  id bigint generated always as identity,
  period date not null,
  parent_path text not null,
  sector text not null,
  standard_code text not null,
  dt int not null,
  dm int not null,
  primary key (cell_id, id)
);
create index rollup_deltas_period on rollup_deltas (period, id);
create table rollup_sum_deltas (
  cell_id bigint not null,
  id bigint generated always as identity,
  period date not null,
  parent_path text not null,
  sector text not null,
  key text not null,
  dv float8 not null,
  primary key (cell_id, id)
);
create index rollup_sum_deltas_period on rollup_sum_deltas (period, id);
`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table rollup_sum_deltas; drop table rollup_deltas`.execute(db);
}
