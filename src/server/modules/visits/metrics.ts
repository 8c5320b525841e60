/**
 * What officials' visits contribute to the per-cell, per-month metrics (docs/modules.md), owned under
 * `visits:` and all summed up the tree, so a committee's coverage is one `unit_sums` read per key at
 * any size (decision 0028):
 * - `visits:held`: visits held in the month;
 * - `visits:visited`, `visits:visited_3m`, `visits:visited_6m`, `visits:visited_12m`: 1 when the cell
 *   had a held visit in the month, or in the 3, 6 or 12 months ending with it (summed: cells visited);
 * - `visits:problems_open`: problems raised at its visits still open (or in progress) at the data end.
 * It carries forward: a visit held in May counts in the windows of the eleven months after.
 */
import { sql } from 'kysely';
import type { MetricSource } from '../compliance/plugin.ts';
import { cellFilter } from '../meetings/metrics.ts';

export const VISITS_PREFIX = 'visits:';
export const COVERAGE_KEYS = { 1: 'visits:visited', 3: 'visits:visited_3m', 6: 'visits:visited_6m', 12: 'visits:visited_12m' } as const;

/** The first day of the `months` months ending with `period` ('YYYY-MM-01'). */
export function windowStart(period: string, months: number): string {
  const d = new Date(`${period}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - (months - 1));
  return d.toISOString().slice(0, 10);
}

export const visitMetrics: MetricSource = {
  name: 'visits',
  reads: ['visits'],
  owns: [VISITS_PREFIX],
  carriesForward: true,
  rows: (w) => sql`
    with v as (
      select v.cell_id,
        count(*) filter (where v.held_on >= ${w.period}::date)::float8 as held,
        max(v.held_on) as last_on
      from visits v
      where v.status = 'held' and v.held_on >= ${windowStart(w.period, 12)}::date and v.held_on < ${w.end}::date
        and ${cellFilter('v.cell_id', w.cellIds)}
      group by v.cell_id),
    p as (
      select p.cell_id, count(*)::float8 as open
      from visit_problems p
      where p.raised_on < ${w.end}::date and (p.closed_on is null or p.closed_on >= ${w.end}::date)
        and ${cellFilter('p.cell_id', w.cellIds)}
      group by p.cell_id),
    cells as (select cell_id from v union select cell_id from p)
    select cells.cell_id, x.key, x.value
    from cells
    left join v on v.cell_id = cells.cell_id
    left join p on p.cell_id = cells.cell_id
    cross join lateral (values
      ('visits:held', coalesce(v.held, 0)),
      ('visits:visited', (coalesce(v.held, 0) > 0)::int::float8),
      ('visits:visited_3m', (v.last_on >= ${windowStart(w.period, 3)}::date)::int::float8),
      ('visits:visited_6m', (v.last_on >= ${windowStart(w.period, 6)}::date)::int::float8),
      ('visits:visited_12m', (v.last_on is not null)::int::float8),
      ('visits:problems_open', coalesce(p.open, 0))) x(key, value)
    where coalesce(x.value, 0) <> 0`,
};
