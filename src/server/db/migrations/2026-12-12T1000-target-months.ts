import { sql, type Kysely } from 'kysely';

/**
 * Unit targets, second part (issue 15; decision 0030): the chart's points kept on write, edit and
 * withdrawal of a target, evidence on progress reports.
 *
 * `target_months (root_id, unit_id, month)`: for a family and a unit (every unit at or above a reporting
 * unit), the change in the month of the sum of the latest reports of the units now under it (`value`),
 * and of the number of those units that have reported (`reporters`); `last_as_of` the newest report day
 * of the month seen under it. The achieved figure of a target is the sum of its unit's rows, its chart
 * their running sum: at most 12 rows whatever the size of the family. Each report upserts its unit's
 * and its ancestors' rows in its transaction; a move of a unit moves its rows' figures from its old
 * ancestors to its new ones. Filled here from the reports already filed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create table target_months (
  root_id bigint not null,
  unit_id bigint not null references units(id),
  month date not null,
  value numeric(20, 4) not null,
  reporters integer not null,
  last_as_of date not null,
  primary key (root_id, unit_id, month)
);

with last_in_month as (
  select distinct on (root_id, unit_id, date_trunc('month', as_of))
    root_id, unit_id, date_trunc('month', as_of)::date as month, as_of, value
  from target_progress order by root_id, unit_id, date_trunc('month', as_of), as_of desc, id desc),
own as (
  select root_id, unit_id, month, as_of,
    value - coalesce(lag(value) over w, 0) as value, (lag(value) over w is null)::int as reporters
  from last_in_month window w as (partition by root_id, unit_id order by month))
insert into target_months (root_id, unit_id, month, value, reporters, last_as_of)
select o.root_id, a.id, o.month, sum(o.value), sum(o.reporters), max(o.as_of)
from own o join units u on u.id = o.unit_id
cross join lateral unnest(string_to_array(u.path::text, '.')::bigint[]) as a(id)
group by o.root_id, a.id, o.month;

alter table targets
  add column withdrawn_at timestamptz,
  add column withdrawn_by bigint references accounts(id),
  add column updated_at timestamptz;

alter table target_progress
  add column evidence_url text check (length(evidence_url) between 9 and 2000 and evidence_url like 'https://%'),
  add column evidence_file_name text,
  add column evidence_content_type text,
  add column evidence_size integer,
  add column evidence_content bytea;
`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
drop table target_months;
alter table targets drop column withdrawn_at, drop column withdrawn_by, drop column updated_at;
alter table target_progress drop column evidence_url, drop column evidence_file_name, drop column evidence_content_type,
  drop column evidence_size, drop column evidence_content;
`.execute(db);
}
