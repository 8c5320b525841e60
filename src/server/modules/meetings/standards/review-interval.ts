/**
 * A meeting of a kind at least every N weeks (default: a review session every 6): the longest stretch
 * without one, from the last one before the month (or the cell's opening) to the data end.
 */
import { sql } from 'kysely';
import { ReviewIntervalParams, type ReviewInterval } from '../../../../shared/schemas/standard-params.ts';
import type { StandardKind } from '../../compliance/plugin.ts';
import { num } from '../../compliance/report-figures.ts';
import { requireLiveMeetingKind } from './meeting-kind-rule.ts';

/** A gap longer than a year means none on record (the metric counts from far back). */
const NO_REVIEW_DAYS = 366;

const dayDiff = (a: string, b: string) => (Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;

export const reviewInterval: StandardKind<ReviewInterval> = {
  code: 'review_interval',
  params: ReviewIntervalParams,
  keys: (p) => [sql<string>`'max_gap_days:' || (${p}->>'kind')`, null],
  limit: (p) => sql<number>`(${p}->>'weeks')::float8 * 7`,
  passes: (x, _y, lim) => sql<boolean>`${x} <= ${lim}`,
  detail: ({ x, lim }) => ({ maxGapDays: x, limitDays: lim }),
  report: (d) => {
    const gap = Math.round(num(d.maxGapDays));
    const limit = Math.round(num(d.limitDays));
    const none = gap > NO_REVIEW_DAYS;
    return {
      figure: none ? null : gap,
      limit,
      unit: 'days',
      figureText: none ? { key: 'reviewNone' } : { key: 'reviewGap', params: { count: gap } },
      limitText: { key: 'reviewAtMost', params: { count: limit } },
    };
  },
  i18n: { rule: 'rulebook.rule.reviewInterval' },
  oracle: (f, p) => {
    const ofKind = f.held.filter((m) => m.kind === p.kind);
    const before = ofKind
      .filter((m) => m.meets_on < f.period)
      .map((m) => m.meets_on)
      .sort();
    const days = [
      before.at(-1) ?? f.cell.opened_on,
      ...ofKind.filter((m) => m.meets_on >= f.period && m.meets_on < f.end).map((m) => m.meets_on),
      f.end,
    ].sort();
    let gap = 0;
    for (let i = 1; i < days.length; i++) gap = Math.max(gap, dayDiff(days[i]!, days[i - 1]!));
    return gap <= p.weeks * 7;
  },
  validate: requireLiveMeetingKind,
};
