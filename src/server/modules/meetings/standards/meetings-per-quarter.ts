/**
 * At least N meetings of a kind per quarter (e.g. consultative meetings). A verdict is monthly, so
 * "per quarter" is a rolling quarter: the three months ending with the month judged. It is judged
 * every month, and a meeting held counts in its month and the two after it (the source carries forward).
 *
 * One metric source and one kind, the worked example of docs/modules.md.
 */
import { sql } from 'kysely';
import { MeetingsPerQuarterParams, type MeetingsPerQuarter } from '../../../../shared/schemas/standard-params.ts';
import type { MetricSource, StandardKind } from '../../compliance/plugin.ts';
import { num } from '../../compliance/report-figures.ts';
import { cellFilter, kindsOf } from '../metrics.ts';
import { requireLiveMeetingKind } from './meeting-kind-rule.ts';

const PREFIX = 'meetings_held_3m:';

/** The first day of the rolling quarter ending with `period` (its first day, 'YYYY-MM-01'). */
export function quarterStart(period: string): string {
  const d = new Date(`${period}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - 2);
  return d.toISOString().slice(0, 10);
}

/** meetings_held_3m:<kind> — meetings of that kind held in the three months ending with the month, for the kinds asked about. */
export const meetingsInQuarter: MetricSource = {
  name: 'meetings_held_3m',
  reads: ['meetings'],
  owns: [PREFIX],
  carriesForward: true,
  parameterised: true,
  rows: (w, wanted) => sql`
    select m.cell_id, ${PREFIX} || m.kind as key, count(*)::float8 as value
    from meetings m
    where m.status = 'held' and m.kind = any(${kindsOf(PREFIX, wanted)}::text[])
      and m.meets_on >= ${quarterStart(w.period)}::date and m.meets_on < ${w.end}::date and ${cellFilter('m.cell_id', w.cellIds)}
    group by m.cell_id, m.kind`,
};

export const meetingsPerQuarter: StandardKind<MeetingsPerQuarter> = {
  code: 'meetings_per_quarter',
  params: MeetingsPerQuarterParams,
  keys: (p) => [sql<string>`${PREFIX} || (${p}->>'kind')`, null],
  limit: (p) => sql<number>`(${p}->>'min')::float8`,
  passes: (x, _y, lim) => sql<boolean>`${x} >= ${lim}`,
  detail: ({ x, lim }) => ({ held: x, required: lim }),
  report: (d) => ({
    figure: num(d.held),
    limit: num(d.required),
    unit: 'meetings',
    figureText: { key: 'meetingsHeldQuarterFigure', params: { count: num(d.held) } },
    limitText: { key: 'meetingsAtLeastQuarter', params: { count: num(d.required) } },
  }),
  i18n: { rule: 'rulebook.rule.meetingsPerQuarter' },
  oracle: (f, p) => {
    const from = quarterStart(f.period);
    return f.held.filter((m) => m.kind === p.kind && m.meets_on >= from && m.meets_on < f.end).length >= p.min;
  },
  validate: requireLiveMeetingKind,
};
