import { sql, type Kysely } from 'kysely';

/**
 * The rulebook registry (issue 10): the kinds of standard are the registry's, checked when a standard is
 * saved, so the CHECK listing them goes. And the summed roll-ups: for every committee, month and
 * sector, a metric summed over the cells under it judged that month (partitioned by month like the
 * other derived tables, decision 0006). The months already built get their partitions, filled with the
 * sums the meetings module declares today (attendance present and expected, per meeting kind).
 */
const partitionName = (period: string) => `unit_sums_y${period.slice(0, 4)}m${period.slice(5, 7)}`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table standards drop constraint if exists standards_kind_check`.execute(db);
  await sql`alter table standards add constraint standards_kind_code check (kind ~ '^[a-z][a-z0-9_]*$')`.execute(db);
  await sql`
create table unit_sums (
  unit_id bigint not null,
  period date not null,
  key text not null,
  sector text not null,
  value double precision not null,
  primary key (unit_id, period, key, sector)
) partition by range (period)`.execute(db);
  const { rows } = await sql<{ p: string }>`select to_char(period, 'YYYY-MM-DD') as p from metric_periods order by 1`.execute(db);
  for (const { p } of rows) {
    await sql
      .raw(`create table ${partitionName(p)} partition of unit_sums for values from ('${p}') to ('${p}'::date + interval '1 month')`)
      .execute(db);
  }
  await sql`
insert into unit_sums (unit_id, period, key, sector, value)
select anc::bigint, m.period, m.key, s.sector, sum(m.value)
from cell_metrics m
join cell_compliance c on c.cell_id = m.cell_id and c.period = m.period and c.standard_code = '*'
join units u on u.id = m.cell_id join units parent on parent.id = u.parent_id
cross join lateral unnest(string_to_array(parent.path::text, '.')) as anc
cross join lateral (values ('*'), (coalesce(u.sector, ''))) as s(sector)
where m.key like 'attendance_present:%' or m.key like 'attendance_expected:%'
group by 1, 2, 3, 4`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table unit_sums`.execute(db);
  await sql`alter table standards drop constraint standards_kind_code`.execute(db);
  await sql`alter table standards add constraint standards_kind_check
    check (kind in ('meetings_per_month', 'review_interval', 'attendance_rate', 'absence_follow_up', 'actions_on_time'))`.execute(db);
}
