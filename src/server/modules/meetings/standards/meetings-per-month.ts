/** At least N meetings of a kind in the month (default: one general meeting). */
import { sql } from 'kysely';
import { MeetingsPerMonthParams, type MeetingsPerMonth } from '../../../../shared/schemas/standard-params.ts';
import type { StandardKind } from '../../compliance/plugin.ts';
import { num } from '../../compliance/report-figures.ts';
import { requireLiveMeetingKind } from './meeting-kind-rule.ts';

export const meetingsPerMonth: StandardKind<MeetingsPerMonth> = {
  code: 'meetings_per_month',
  params: MeetingsPerMonthParams,
  keys: (p) => [sql<string>`'meetings_held:' || (${p}->>'kind')`, null],
  limit: (p) => sql<number>`(${p}->>'min')::float8`,
  passes: (x, _y, lim) => sql<boolean>`${x} >= ${lim}`,
  detail: ({ x, lim }) => ({ held: x, required: lim }),
  report: (d) => ({
    figure: num(d.held),
    limit: num(d.required),
    unit: 'meetings',
    figureText: { key: 'meetingsHeldFigure', params: { count: num(d.held) } },
    limitText: { key: 'meetingsAtLeast', params: { count: num(d.required) } },
  }),
  i18n: { rule: 'rulebook.rule.meetingsPerMonth' },
  oracle: (f, p) => f.held.filter((m) => m.kind === p.kind && m.meets_on >= f.period && m.meets_on < f.end).length >= p.min,
  validate: requireLiveMeetingKind,
};
