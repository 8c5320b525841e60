/**
 * "An adopted work plan for the period" (issue 15): judged every month, the cell passes when its plan
 * for the quarter of the month was adopted by the month's data end and has at least `minGoals` goals.
 * A plan adopted in February passes February and March, not January; one adopted at a meeting in
 * December for the next quarter passes all three of its months: the source carries forward.
 */
import { sql } from 'kysely';
import { WorkPlanAdoptedParams, type WorkPlanAdopted } from '../../../../shared/schemas/standard-params.ts';
import { quarterOf } from '../../../../shared/schemas/work-plans.ts';
import type { MetricSource, StandardKind } from '../../compliance/plugin.ts';
import { num } from '../../compliance/report-figures.ts';
import { cellFilter } from '../../meetings/metrics.ts';

const KEY = 'work_plans:adopted_goals';

/** work_plans:adopted_goals — the goals of the cell's plan for the month's quarter, when adopted before the data end. */
export const workPlanMetrics: MetricSource = {
  name: 'work_plans',
  reads: ['work_plans'],
  owns: ['work_plans:'],
  carriesForward: true,
  rows: (w) => sql`
    select wp.cell_id, ${KEY} as key, count(*)::float8 as value
    from work_plans wp
    join work_plan_goals g on g.cell_id = wp.cell_id and g.plan_id = wp.id
    where wp.period = ${quarterOf(w.period)} and wp.adopted_on < ${w.end}::date and ${cellFilter('wp.cell_id', w.cellIds)}
    group by wp.cell_id`,
};

/** The least number of goals, 1 when the stored params predate the field. */
const minGoals = (p: unknown) => sql<number>`coalesce((${p}->>'minGoals')::float8, 1)`;

export const workPlanAdopted: StandardKind<WorkPlanAdopted> = {
  code: 'work_plan_adopted',
  params: WorkPlanAdoptedParams,
  keys: () => [sql<string>`${KEY}`, null],
  limit: (p) => minGoals(p),
  passes: (x, _y, lim) => sql<boolean>`${x} >= greatest(${lim}, 1)`,
  detail: ({ x, lim }) => ({ goals: x, required: lim }),
  report: (d) => ({
    figure: num(d.goals),
    limit: num(d.required),
    unit: null,
    figureText: num(d.goals) > 0 ? { key: 'workPlanGoalsFigure', params: { count: num(d.goals) } } : { key: 'workPlanNone' },
    limitText: { key: 'workPlanAtLeast', params: { count: num(d.required) } },
  }),
  i18n: { rule: 'rulebook.rule.workPlanAdopted' },
  oracle: (f, p) => {
    const quarter = quarterOf(f.period);
    const plan = f.workPlans.find((wp) => wp.period === quarter && wp.adopted_on !== null && wp.adopted_on < f.end);
    return plan !== undefined && plan.goals >= Math.max(p.minGoals ?? 1, 1);
  },
};
