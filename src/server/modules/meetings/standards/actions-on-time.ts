/** Follow-up actions that fell due in the month closed by their due date, at least X % (none due: met). */
import { sql } from 'kysely';
import { ActionsOnTimeParams, type ActionsOnTime } from '../../../../shared/schemas/standard-params.ts';
import type { StandardKind } from '../../compliance/plugin.ts';
import { rateFigures } from '../../compliance/report-figures.ts';

export const actionsOnTime: StandardKind<ActionsOnTime> = {
  code: 'actions_on_time',
  params: ActionsOnTimeParams,
  keys: () => [sql<string>`'actions_on_time'`, sql<string>`'actions_due'`],
  limit: (p) => sql<number>`(${p}->>'min')::float8`,
  passes: (x, y, lim) => sql<boolean>`${y} = 0 or ${x} / ${y} >= ${lim}`,
  detail: ({ x, y, lim }) => ({ due: y, onTime: x, min: lim }),
  report: (d) => {
    const { part, whole, rate, min } = rateFigures(d.onTime, d.due, d.min);
    return {
      figure: rate,
      limit: min,
      unit: 'percent',
      figureText: rate === null ? { key: 'actionsNone' } : { key: 'actionsFigure', params: { rate: Math.round(rate), part, whole } },
      limitText: { key: 'rateAtLeast', params: { rate: min } },
    };
  },
  i18n: { rule: 'rulebook.rule.actionsOnTime' },
  oracle: (f, p) => {
    const due = f.actions.filter((a) => a.status !== 'dropped' && a.due_on >= f.period && a.due_on < f.end);
    return (
      due.length === 0 ||
      due.filter((a) => a.status === 'done' && a.closed_on !== null && a.closed_on <= a.due_on).length / due.length >= p.min
    );
  },
};
