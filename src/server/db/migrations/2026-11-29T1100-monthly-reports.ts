import { sql, type Kysely } from 'kysely';

/** The monthly cell report: generated from the data, reviewed and submitted by the secretary. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create table monthly_reports (
  cell_id bigint not null references units(id),
  period date not null check (extract(day from period) = 1),
  status text not null check (status in ('draft', 'submitted')),
  notes text check (length(notes) <= 5000),
  -- The figures as they stood when submitted, so the report a committee received never changes.
  snapshot jsonb,
  submitted_at timestamptz,
  submitted_by bigint references accounts(id),
  primary key (cell_id, period)
);
create index monthly_reports_period_idx on monthly_reports (period, status);
`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table monthly_reports`.execute(db);
}
