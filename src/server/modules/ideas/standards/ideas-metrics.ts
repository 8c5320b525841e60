/**
 * Ideas as per-cell, per-month metrics (docs/modules.md), owned under `ideas:` and summed up the tree
 * (rulebook.ts), so a committee reads its subtree's figures from one row per key and month:
 * - steps taken in the month: `submitted`, `accepted` (evaluated in the month and not rejected),
 *   `rejected`, `trial` (trials begun), `introduced`, `confirmed`;
 * - `benefit:<period>:<unit>`: the benefit measured at the introductions of the month, per unit of
 *   measure and period (`once`, `month`, `year`, `-` when not said): amounts in different units or
 *   periods are never added together;
 * - `days:<n>`: the introductions of the month that came n days after their submission. A median cannot
 *   be summed, a histogram can: a committee's median for a year is read from the sum of its cells'
 *   histograms (decision 0032). Exact, and the keys are bounded by the introductions, not by the days.
 * It does not carry forward: every figure is an event of its month. A withdrawn idea (by its authors,
 * before evaluation) leaves the counts: withdrawing names the fact on the day it was submitted.
 */
import { sql } from 'kysely';
import type { MetricSource, MetricWindow } from '../../compliance/plugin.ts';
import { cellFilter } from '../../meetings/metrics.ts';

export const IDEAS_PREFIX = 'ideas:';

const inMonth = (col: string, w: MetricWindow) => sql`(${sql.ref(col)} >= ${w.period}::date and ${sql.ref(col)} < ${w.end}::date)`;

export const ideaMetrics: MetricSource = {
  name: 'ideas',
  reads: ['ideas'],
  owns: [IDEAS_PREFIX],
  carriesForward: false,
  rows: (w) => sql`
    select i.cell_id, v.key, sum(v.value)::float8 as value
    from ideas i
    cross join lateral (select ${inMonth('i.evaluated_on', w)} as evaluated, ${inMonth('i.introduced_on', w)} as introduced) s
    cross join lateral (values
      ('ideas:submitted', case when ${inMonth('i.submitted_on', w)} then 1 else 0 end),
      ('ideas:accepted', case when s.evaluated and i.status <> 'rejected' then 1 else 0 end),
      ('ideas:rejected', case when s.evaluated and i.status = 'rejected' then 1 else 0 end),
      ('ideas:trial', case when ${inMonth('i.trial_from', w)} then 1 else 0 end),
      ('ideas:introduced', case when s.introduced then 1 else 0 end),
      ('ideas:confirmed', case when ${inMonth('i.confirmed_on', w)} then 1 else 0 end),
      ('ideas:benefit:' || coalesce(i.benefit_period, '-') || ':' || i.benefit_unit, case when s.introduced then i.benefit_amount else 0 end),
      ('ideas:days:' || (i.introduced_on - i.submitted_on), case when s.introduced then 1 else 0 end)) v(key, value)
    where (${inMonth('i.submitted_on', w)} or ${inMonth('i.evaluated_on', w)} or ${inMonth('i.trial_from', w)}
        or ${inMonth('i.introduced_on', w)} or ${inMonth('i.confirmed_on', w)})
      and v.key is not null and i.status <> 'withdrawn'
      and ${cellFilter('i.cell_id', w.cellIds)}
    group by i.cell_id, v.key
    having sum(v.value) <> 0`,
};
