/**
 * The rulebook's directives standard (docs/modules.md): "directives acknowledged or briefed by at least
 * X % of the cell's members within N days". Judged per cell per month over the deliveries of rounds
 * opened that month: reached = acknowledged within N days of the round's opening, or briefed in person
 * on or before its N-th day. A month with nothing sent to the cell has nothing to miss: it passes.
 */
import { sql } from 'kysely';
import { DirectivesReachedParams, type DirectivesReached } from '../../../shared/schemas/standard-params.ts';
import type { MetricSource, StandardKind } from '../compliance/plugin.ts';
import { rateFigures } from '../compliance/report-figures.ts';
import { cellFilter } from '../meetings/metrics.ts';

const PREFIX = 'directives_within:';

/** The day counts asked for by the standards in force, from keys `directives_within:<days>:<reached|delivered>`. */
const daysOf = (wanted: readonly string[]) =>
  [...new Set(wanted.map((k) => Number(k.slice(PREFIX.length).split(':')[0])))].filter(Number.isInteger);

/** directives_within:<days>:delivered and :reached, per cell, for the rounds opened in the month. */
export const directivesWithin: MetricSource = {
  name: 'directives_within',
  reads: ['directive_deliveries'],
  owns: [PREFIX],
  carriesForward: false,
  parameterised: true,
  rows: (w, wanted) => sql`
    select d.cell_id, k.key, k.value
    from (
      select dd.cell_id, n.days, count(*)::float8 as delivered,
        count(*) filter (where dd.acknowledged_at < r.opened_at + make_interval(days => n.days)
          or dd.briefed_on <= r.opened_at::date + n.days)::float8 as reached
      from directive_rounds r
      join directive_deliveries dd on dd.directive_id = r.directive_id and dd.round = r.round
      cross join unnest(${daysOf(wanted)}::int[]) as n(days)
      where r.opened_at >= ${w.period}::date and r.opened_at < ${w.end}::date and ${cellFilter('dd.cell_id', w.cellIds)}
      group by dd.cell_id, n.days) d
    cross join lateral (values (${PREFIX} || d.days || ':delivered', d.delivered), (${PREFIX} || d.days || ':reached', d.reached)) k(key, value)`,
};

export const directivesReached: StandardKind<DirectivesReached> = {
  code: 'directives_reached',
  params: DirectivesReachedParams,
  keys: (p) => [sql<string>`${PREFIX} || (${p}->>'days') || ':reached'`, sql<string>`${PREFIX} || (${p}->>'days') || ':delivered'`],
  limit: (p) => sql<number>`(${p}->>'min')::float8`,
  passes: (x, y, lim) => sql<boolean>`${y} = 0 or ${x} / ${y} >= ${lim}`,
  detail: ({ x, y, lim }) => ({ reached: x, delivered: y, min: lim }),
  report: (d) => {
    const { part, whole, rate, min } = rateFigures(d.reached, d.delivered, d.min);
    return {
      figure: rate,
      limit: min,
      unit: 'percent',
      figureText: rate === null ? { key: 'directivesNone' } : { key: 'directivesFigure', params: { rate: Math.round(rate), part, whole } },
      limitText: { key: 'rateAtLeast', params: { rate: min } },
    };
  },
  i18n: { rule: 'rulebook.rule.directivesReached' },
  oracle: (f, p) => {
    const mine = f.deliveries.filter((d) => d.opened_on >= f.period && d.opened_on < f.end);
    const within = (d: (typeof mine)[number]) => {
      const limit = new Date(d.opened_at.getTime() + p.days * 86_400_000);
      const lastDay = new Date(Date.parse(`${d.opened_on}T00:00:00Z`) + p.days * 86_400_000).toISOString().slice(0, 10);
      return (d.acknowledged_at !== null && d.acknowledged_at < limit) || (d.briefed_on !== null && d.briefed_on <= lastDay);
    };
    return mine.length === 0 || mine.filter(within).length / mine.length >= p.min;
  },
};
