/**
 * "Every cell visited by an official at least once every N months" (issue 14): like the worked example
 * `meetings_per_quarter` (docs/modules.md), a rolling window judged every month: the N months ending
 * with the month judged, so a held visit counts in its month and the N-1 after it. The limit the kind
 * carries is N (the window, for the wording); the rule is one held visit or more in it.
 */
import { sql } from 'kysely';
import { VisitsEveryMonthsParams, type VisitsEveryMonths } from '../../../../shared/schemas/standard-params.ts';
import type { MetricSource, StandardKind } from '../../compliance/plugin.ts';
import { num } from '../../compliance/report-figures.ts';
import { cellFilter, kindsOf } from '../../meetings/metrics.ts';
import { windowStart } from '../metrics.ts';

const PREFIX = 'visits_held_months:';

/** visits_held_months:<N> — visits held in the N months ending with the month, for the windows the standards in force ask about. */
export const visitsInWindow: MetricSource = {
  name: 'visits_held_months',
  reads: ['visits'],
  owns: [PREFIX],
  carriesForward: true,
  parameterised: true,
  rows: (w, wanted) => {
    const windows = kindsOf(PREFIX, wanted)
      .map(Number)
      .filter((n) => Number.isInteger(n) && n >= 1 && n <= 24);
    const starts = windows.map((n) => windowStart(w.period, n));
    return sql`
      select v.cell_id, ${PREFIX} || n.months as key, count(*)::float8 as value
      from unnest(${windows}::int[], ${starts}::date[]) as n(months, starts_on)
      join visits v on v.status = 'held' and v.held_on >= n.starts_on and v.held_on < ${w.end}::date
      where ${cellFilter('v.cell_id', w.cellIds)}
      group by v.cell_id, n.months`;
  },
};

export const visitsEveryMonths: StandardKind<VisitsEveryMonths> = {
  code: 'visits_every_months',
  params: VisitsEveryMonthsParams,
  keys: (p) => [sql<string>`${PREFIX} || (${p}->>'months')`, null],
  limit: (p) => sql<number>`(${p}->>'months')::float8`,
  passes: (x) => sql<boolean>`${x} >= 1`,
  detail: ({ x, lim }) => ({ visits: x, months: lim }),
  report: (d) => ({
    figure: num(d.visits),
    limit: 1,
    unit: null,
    figureText: { key: 'visitsHeldFigure', params: { count: num(d.visits), months: num(d.months) } },
    limitText: { key: 'visitsAtLeastOnce', params: { count: num(d.months) } },
  }),
  i18n: { rule: 'rulebook.rule.visitsEveryMonths' },
  oracle: (f, p) => {
    const from = windowStart(f.period, p.months);
    return f.visits.some((v) => v.held_on >= from && v.held_on < f.end);
  },
};
