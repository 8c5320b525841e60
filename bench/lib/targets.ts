/**
 * Unit targets for the benches (issue 15): the scenario "a target per sector per district, progress
 * reported by every cell monthly", generated set-based from the tree. Every committee at depth 2 (a
 * district) has a target of this year per sector; every open cell under it reports on its sector's
 * target (no sector: "other") at the end of each month of the year so far (the month in progress on
 * today), a cumulative figure growing by a per-cell amount each month; each unit's latest report per
 * family and the rows kept per month follow, as the writes keep them. Idempotent on a kept database (marked by the indicator).
 */
import type pg from 'pg';
import { SECTORS } from '../../src/shared/enums.ts';

const INDICATOR = 'Bench output';

export async function ensureTargets(pool: pg.Pool): Promise<{ targets: number; reports: number; seconds: number }> {
  const started = performance.now();
  const count = async () =>
    Number((await pool.query<{ n: string }>('select count(*) as n from targets where indicator = $1', [INDICATOR])).rows[0]!.n);
  if ((await count()) === 0) {
    await pool.query(
      `with d as (
         select u.id as unit_id, s.sector, nextval(pg_get_serial_sequence('targets', 'id')) as id
         from units u cross join unnest($2::text[]) as s(sector)
         where u.kind = 'committee' and u.depth = 2 and u.closed_on is null)
       insert into targets (unit_id, id, root_id, year, sector, indicator, measure, figure)
       select unit_id, id, id, extract(year from current_date)::int, sector, $1, 'tonnes', 100000 from d order by unit_id, id`,
      [INDICATOR, [...SECTORS]],
    );
    await pool.query(
      `insert into target_progress (unit_id, target_id, root_id, as_of, value)
       select c.id, t.id, t.id, least(current_date, (make_date(t.year, m, 1) + interval '1 month - 1 day')::date),
         m * (1 + abs(hashtext(c.id::text || ':target')) % 50)
       from units c
       join units d on d.kind = 'committee' and d.depth = 2 and d.path = subpath(c.path, 0, 3)
       join targets t on t.unit_id = d.id and t.indicator = $1 and t.sector = coalesce(c.sector, 'other')
       cross join generate_series(1, extract(month from current_date)::int) as m
       where c.kind = 'cell' and c.closed_on is null and nlevel(c.path) > 3
       order by c.id, m`,
      [INDICATOR],
    );
    await pool.query(
      `insert into target_latest (root_id, unit_id, progress_id, as_of, value)
       select distinct on (root_id, unit_id) root_id, unit_id, id, as_of, value
       from target_progress order by root_id, unit_id, as_of desc, id desc
       on conflict (root_id, unit_id) do nothing`,
    );
    // The rows kept per (family, unit, month), as the writes keep them: the recount of months.ts.
    await pool.query(
      `with last_in_month as (
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
       group by o.root_id, a.id, o.month
       on conflict (root_id, unit_id, month) do nothing`,
    );
    await pool.query('analyze targets; analyze target_progress; analyze target_latest; analyze target_months');
  }
  const reports = Number((await pool.query<{ n: string }>('select count(*) as n from target_progress')).rows[0]!.n);
  return { targets: await count(), reports, seconds: (performance.now() - started) / 1000 };
}
