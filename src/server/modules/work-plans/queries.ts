/** The SQL of work plans: a cell's plan with its goals, its list of periods, a committee's cells and their plans. */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import type { ScopedUnit } from '../../access/lookups.ts';
import { pathInScope } from '../../access/scope.ts';
import type { Period } from '../compliance/periods.ts';
import type { Db } from '../../db/database.ts';
import type { PlanState } from '../../../shared/schemas/work-plans.ts';

/** The plan of a cell for a period (locked for a change when `lock`), with its adopting meeting's title. */
export function findPlan(db: Db, cellId: number, period: string, lock = false) {
  const q = db
    .selectFrom('work_plans as wp')
    .leftJoin('meetings as m', (j) => j.onRef('m.cell_id', '=', 'wp.cell_id').onRef('m.id', '=', 'wp.adopted_meeting_id'))
    .selectAll('wp')
    .select('m.title as meeting_title')
    .where('wp.cell_id', '=', cellId)
    .where('wp.period', '=', period);
  return (lock ? q.forUpdate('wp') : q).executeTakeFirst();
}
export type PlanRow = NonNullable<Awaited<ReturnType<typeof findPlan>>>;

export const planGoals = (db: Db, cellId: number, planId: number) =>
  db
    .selectFrom('work_plan_goals as g')
    .leftJoin('assignments as a', (j) => j.onRef('a.cell_id', '=', 'g.cell_id').onRef('a.id', '=', 'g.assignment_id'))
    .selectAll('g')
    .select(['a.title as assignment_title', 'a.status as assignment_status', 'a.percent as assignment_percent'])
    .select(sql<string | null>`a.due_on::text`.as('assignment_due_on'))
    .where('g.cell_id', '=', cellId)
    .where('g.plan_id', '=', planId)
    .orderBy('g.position')
    .execute();

/** Every plan of a cell, newest period first, with its goals counted (a cell has four a year). */
export function cellPlans(db: Db, cellId: number) {
  return db
    .selectFrom('work_plans as wp')
    .leftJoin('work_plan_goals as g', (j) => j.onRef('g.cell_id', '=', 'wp.cell_id').onRef('g.plan_id', '=', 'wp.id'))
    .select([
      'wp.period',
      'wp.status',
      sql<string | null>`wp.adopted_on::text`.as('adopted_on'),
      sql<number>`count(g.id)::int`.as('goals'),
      sql<number>`(count(*) filter (where g.met))::int`.as('met'),
    ])
    .where('wp.cell_id', '=', cellId)
    .groupBy(['wp.cell_id', 'wp.id'])
    .orderBy('wp.period', 'desc')
    .limit(400)
    .execute();
}

export type PlanCounts = { cells: number; draft: number; adopted: number; reviewed: number; missing: number };
type CountsRow = { materialized: boolean; cells: number; sums: Record<string, number> | null };

/**
 * A unit's cells judged in the month and how many of them have a plan in each state, from the summed
 * roll-ups (`<prefix>draft|adopted|reviewed`, standards/plan-states.ts): one row per key, whatever the
 * size of the subtree (a cell reads its own metrics while judged). Whoever sees the unit sees its whole
 * subtree, so no scope filter is needed past the unit's own check. `materialized` false: the month is
 * not built yet.
 */
export async function planCountsFromSums(db: Db, unitId: number, month: Period, prefix: string): Promise<CountsRow> {
  const keys = ['draft', 'adopted', 'reviewed'].map((s) => prefix + s);
  const { rows } = await sql<CountsRow>`
    select exists (select 1 from metric_periods where period = ${month}::date) as materialized,
      coalesce((select f.cells_total from unit_figures f
        where f.unit_id = ${unitId} and f.period = ${month}::date and f.standard_code = '*'), 0)::int as cells,
      (select json_object_agg(x.key, x.value) from (
        select s.key, s.value from unit_sums s
        where s.unit_id = ${unitId} and s.period = ${month}::date and s.sector = '*' and s.key = any(${keys}::text[])
        union all
        select m.key, m.value from cell_metrics m
        where m.cell_id = ${unitId} and m.period = ${month}::date and m.key = any(${keys}::text[])
          and exists (select 1 from cell_compliance c where c.cell_id = m.cell_id and c.period = m.period and c.standard_code = '*')) x) as sums`.execute(
    db,
  );
  return rows[0]!;
}

/** The counts of a row of sums: missing = the cells judged without a plan. */
export function countsOf(row: CountsRow, prefix: string): PlanCounts {
  const n = (s: string) => Number(row.sums?.[prefix + s] ?? 0);
  const [draft, adopted, reviewed] = [n('draft'), n('adopted'), n('reviewed')];
  return { cells: row.cells, draft, adopted, reviewed, missing: Math.max(0, row.cells - draft - adopted - reviewed) };
}

/**
 * The plans of a quarter beyond the next one, counted directly: they are few (nobody plans a year
 * ahead); the cells are the current month's judged ones.
 */
export async function farPlanCounts(db: Db, unit: ScopedUnit, period: string, month: Period): Promise<PlanCounts> {
  const [base, { rows }] = await Promise.all([
    planCountsFromSums(db, unit.id, month, 'none:'),
    sql<{ status: string; n: number }>`select wp.status, count(*)::int as n from work_plans wp join units c on c.id = wp.cell_id
      where wp.period = ${period} and c.path <@ ${unit.path}::ltree and c.closed_on is null group by wp.status`.execute(db),
  ]);
  const sums = Object.fromEntries(rows.map((r) => [r.status, r.n]));
  return countsOf({ ...base, sums }, '');
}

/** Committee depths whose cells have an index in name order (migration 2400). */
const INDEXED_DEPTHS = new Set([1, 2, 3, 4]);

export type CommitteePlanRow = {
  id: number;
  name: string;
  status: PlanState;
  goals: number;
  met: number;
  adopted_on: string | null;
};

/**
 * The next `take` open cells under the unit in name order after `after`, with their plan for the
 * period, keeping those in `status` ('all': every one). A committee at depth 1 to 4 reads a range of
 * the index of its cells in name order (the expression written as the index has it), the centre walks
 * the cells by name, a deeper committee gathers its few cells.
 */
export async function committeePlanPage(
  db: Db,
  actor: Actor,
  unit: ScopedUnit,
  period: string,
  status: PlanState | 'all',
  after: [string, number] | undefined,
  take: number,
): Promise<CommitteePlanRow[]> {
  const labels = unit.path.split('.').length;
  const later = after ? sql`(c.name, c.id) > (${after[0]}, ${after[1]}::bigint)` : sql`true`;
  const open = sql`c.kind = 'cell' and c.closed_on is null and ${pathInScope(actor, 'c.path')}`;
  const ancestor = sql`subpath(c.path, 0, ${sql.lit(labels)})`;
  const under =
    unit.kind === 'cell'
      ? sql`c.id = ${unit.id}`
      : INDEXED_DEPTHS.has(labels - 1)
        ? sql`nlevel(c.path) > ${sql.lit(labels)} and ${ancestor} = ${unit.path}::ltree`
        : sql`c.path <@ ${unit.path}::ltree`;
  const order = unit.kind !== 'cell' && INDEXED_DEPTHS.has(labels - 1) ? sql`${ancestor}, c.name, c.id` : sql`c.name, c.id`;
  const state = sql`coalesce(wp.status, 'missing')`;
  const { rows } = await sql<CommitteePlanRow>`
    select c.id, c.name, ${state} as status, coalesce(g.goals, 0)::int as goals, coalesce(g.met, 0)::int as met,
      wp.adopted_on::text as adopted_on
    from units c
    left join work_plans wp on wp.cell_id = c.id and wp.period = ${period}
    left join lateral (select count(*) as goals, count(*) filter (where met) as met from work_plan_goals
      where cell_id = wp.cell_id and plan_id = wp.id) g on true
    where ${open} and ${under} and ${later} and (${status} = 'all' or ${state} = ${status})
    order by ${order} limit ${take}`.execute(db);
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}
