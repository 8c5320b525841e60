/**
 * The state of each cell's work plan as a summed roll-up (decision 0031), so that a committee's counts
 * of plans by state are one `unit_sums` row per state, whatever the size of its subtree:
 * - `plans:<status>` (draft, adopted, reviewed): 1 when the cell's plan for the quarter of the month
 *   is in that state now;
 * - `plans:next:<status>`: the same for the next quarter's plan, so that a plan drafted in December for
 *   January shows in the current month's row.
 * The state is the plan's current one, not as of the month's data end: a plan reviewed after its
 * quarter moves the quarter's months. A write names the `work_plans` fact on the first day of each
 * month whose row shows its plan (planStateFacts), which is what moves them.
 */
import { sql } from 'kysely';
import { quarterDays, quarterOf } from '../../../../shared/schemas/work-plans.ts';
import type { FactChange } from '../../compliance/engine.ts';
import type { MetricSource } from '../../compliance/plugin.ts';
import { nextPeriod, previousPeriod } from '../../compliance/periods.ts';
import { cellFilter } from '../../meetings/metrics.ts';

export const PLANS_PREFIX = 'plans:';
export const NEXT_PLANS_PREFIX = 'plans:next:';

/** The quarter after `period` (YYYY-Qn). */
export const nextQuarter = (period: string) => quarterOf(quarterDays(period).endsOn);

/** The first days of the three months of a quarter. */
export function quarterMonths(period: string): string[] {
  const first = quarterDays(period).startsOn;
  return [first, nextPeriod(first), nextPeriod(nextPeriod(first))];
}

export const planStateMetrics: MetricSource = {
  name: 'work_plan_states',
  reads: ['work_plans'],
  owns: [PLANS_PREFIX],
  carriesForward: false,
  rows: (w) => {
    const quarter = quarterOf(w.period);
    return sql`
      select wp.cell_id, case when wp.period = ${quarter} then ${PLANS_PREFIX} else ${NEXT_PLANS_PREFIX} end || wp.status as key,
        1::float8 as value
      from work_plans wp
      where wp.period in (${quarter}, ${nextQuarter(quarter)}) and ${cellFilter('wp.cell_id', w.cellIds)}`;
  },
};

/**
 * The facts a change of the state of a plan for `period` names: the months of its quarter (`plans:`)
 * and of the quarter before (`plans:next:`).
 */
export function planStateFacts(period: string): FactChange[] {
  const before = quarterOf(previousPeriod(quarterDays(period).startsOn));
  return [...quarterMonths(before), ...quarterMonths(period)].map((on) => ({ fact: 'work_plans' as const, on }));
}
