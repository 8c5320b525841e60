/**
 * The share of the cell's members with a current learning plan (set or reviewed within 12 months, with
 * at least one theme) at least X %, on the data's last day. A cell with no members has nobody to miss.
 */
import { sql } from 'kysely';
import { LearningPlanShareParams, type LearningPlanShare } from '../../../../shared/schemas/standard-params.ts';
import type { OracleFacts, StandardKind } from '../../compliance/plugin.ts';
import { rateFigures } from '../../compliance/report-figures.ts';
import { PLAN_CURRENT_MONTHS } from '../plans.ts';

/** Plain TypeScript: the members on the last day, and whether each one's last plan before the end is current. */
export function planShareOf(f: OracleFacts): { current: number; members: number } {
  const end = Date.parse(`${f.end}T00:00:00Z`);
  const since = new Date(end);
  since.setUTCMonth(since.getUTCMonth() - PLAN_CURRENT_MONTHS);
  const current = f.members.filter((personId) => {
    const last = f.planHistory.filter((h) => h.person_id === personId && h.set_at.getTime() < end).sort((a, b) => b.id - a.id)[0];
    return last !== undefined && last.themes > 0 && last.set_at.getTime() >= since.getTime();
  });
  return { current: current.length, members: f.members.length };
}

export const learningPlanShare: StandardKind<LearningPlanShare> = {
  code: 'learning_plan_share',
  params: LearningPlanShareParams,
  keys: () => [sql<string>`'learning_plan:current'::text`, sql<string>`'learning_plan:members'::text`],
  limit: (p) => sql<number>`(${p}->>'min')::float8`,
  passes: (x, y, lim) => sql<boolean>`${y} = 0 or ${x} / ${y} >= ${lim}`,
  detail: ({ x, y, lim }) => ({ current: x, members: y, min: lim }),
  report: (d) => {
    const { part, whole, rate, min } = rateFigures(d.current, d.members, d.min);
    return {
      figure: rate,
      limit: min,
      unit: 'percent',
      figureText:
        rate === null ? { key: 'learningPlansNone' } : { key: 'learningPlansFigure', params: { rate: Math.round(rate), part, whole } },
      limitText: { key: 'rateAtLeast', params: { rate: min } },
    };
  },
  i18n: { rule: 'rulebook.rule.learningPlanShare' },
  oracle: (f, p) => {
    const { current, members } = planShareOf(f);
    return members === 0 || current / members >= p.min;
  },
};
