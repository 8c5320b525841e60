/**
 * The chart's points kept on write (decision 0030, "kept per month"): `target_months (root_id, unit_id,
 * month)` holds, for a family and every unit at or above a reporting unit, the month's change in the
 * sum of the latest reports of the units now under it (`value`) and in the number of those units that
 * have reported (`reporters`). A target's achieved figure is the sum of its unit's rows and its chart
 * their running sum: at most 12 rows, whatever the size of the family or of the tree.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/**
 * After a report of `unitId` in family `rootId` (the progress row `progressId`, already inserted): the
 * unit's own monthly series (its latest report at each month's end) with and without that row, and the
 * difference added to the rows of the unit and of each of its ancestors (the labels of its path). The
 * caller has locked the unit's `target_latest` row first, so two reports of one unit do not interleave.
 */
export async function keepMonths(trx: Db, rootId: number, unitId: number, progressId: number, asOf: string): Promise<void> {
  await sql`
    with last_in_month as (
      select distinct on (v.k, date_trunc('month', p.as_of)) v.k, date_trunc('month', p.as_of)::date as month, p.value
      from (values (0), (1)) as v(k)
      join target_progress p on p.unit_id = ${unitId} and p.root_id = ${rootId} and (v.k = 1 or p.id <> ${progressId})
      order by v.k, date_trunc('month', p.as_of), p.as_of desc, p.id desc),
    own as (
      select k, month, value - coalesce(lag(value) over w, 0) as value, (lag(value) over w is null)::int as reporters
      from last_in_month window w as (partition by k order by month)),
    diff as (
      select month, sum(case when k = 1 then value else -value end) as value,
        sum(case when k = 1 then reporters else -reporters end)::int as reporters
      from own group by month)
    insert into target_months (root_id, unit_id, month, value, reporters, last_as_of)
    select ${rootId}, a.id, d.month, d.value, d.reporters, ${asOf}::date
    from diff d
    cross join (select unnest(string_to_array(path::text, '.')::bigint[]) as id from units where id = ${unitId}) a
    where d.value <> 0 or d.reporters <> 0 or d.month = date_trunc('month', ${asOf}::date)::date
    -- One order for every writer, so that concurrent reports under one committee do not deadlock.
    order by a.id, d.month
    on conflict (root_id, unit_id, month) do update set
      value = target_months.value + excluded.value,
      reporters = target_months.reporters + excluded.reporters,
      last_as_of = case when excluded.month = date_trunc('month', ${asOf}::date)::date
        then greatest(target_months.last_as_of, excluded.last_as_of) else target_months.last_as_of end`.execute(trx);
}

/**
 * A unit moved (its subtree's paths already rewritten): its own rows hold its subtree's figures, which
 * leave its old ancestors (the labels of `fromPath` above it) and join its new ones (those of
 * `toParentPath`). The rows' newest days stay as they were on the old ancestors (a label of the chart).
 */
export async function moveTargetMonths(trx: Db, unitId: number, fromPath: string, toParentPath: string): Promise<void> {
  const ancestors = (path: string) => path.split('.').map(Number);
  const from = ancestors(fromPath).filter((id) => id !== unitId);
  const to = ancestors(toParentPath);
  const common = new Set(from.filter((id) => to.includes(id)));
  const leave = from.filter((id) => !common.has(id));
  const join = to.filter((id) => !common.has(id));
  if (leave.length > 0)
    await sql`
      update target_months m set value = m.value - s.value, reporters = m.reporters - s.reporters
      from target_months s
      where s.unit_id = ${unitId} and m.root_id = s.root_id and m.month = s.month and m.unit_id = any(${leave}::bigint[])`.execute(trx);
  if (join.length > 0)
    await sql`
      insert into target_months (root_id, unit_id, month, value, reporters, last_as_of)
      select s.root_id, a.id, s.month, s.value, s.reporters, s.last_as_of
      from target_months s cross join unnest(${join}::bigint[]) as a(id)
      where s.unit_id = ${unitId}
      order by a.id, s.root_id, s.month
      on conflict (root_id, unit_id, month) do update set
        value = target_months.value + excluded.value,
        reporters = target_months.reporters + excluded.reporters,
        last_as_of = greatest(target_months.last_as_of, excluded.last_as_of)`.execute(trx);
}

/** The rows `target_months` should hold, recounted from every report and the current tree (the migration's fill, the bench, the property test). */
export const targetMonthsRecount = sql<{
  root_id: number;
  unit_id: number;
  month: string;
  value: number;
  reporters: number;
  last_as_of: string;
}>`
  with last_in_month as (
    select distinct on (root_id, unit_id, date_trunc('month', as_of))
      root_id, unit_id, date_trunc('month', as_of)::date as month, as_of, value
    from target_progress order by root_id, unit_id, date_trunc('month', as_of), as_of desc, id desc),
  own as (
    select root_id, unit_id, month, as_of,
      value - coalesce(lag(value) over w, 0) as value, (lag(value) over w is null)::int as reporters
    from last_in_month window w as (partition by root_id, unit_id order by month))
  select o.root_id::int as root_id, a.id::int as unit_id, o.month::text as month, sum(o.value)::float8 as value,
    sum(o.reporters)::int as reporters, max(o.as_of)::text as last_as_of
  from own o join units u on u.id = o.unit_id
  cross join lateral unnest(string_to_array(u.path::text, '.')::bigint[]) as a(id)
  group by o.root_id, a.id, o.month`;
