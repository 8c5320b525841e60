/** The SQL of work plans: a cell's plan with its goals, its list of periods, a committee's cells and their plans. */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import type { ScopedUnit } from '../../access/lookups.ts';
import { pathInScope } from '../../access/scope.ts';
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
  db.selectFrom('work_plan_goals').selectAll().where('cell_id', '=', cellId).where('plan_id', '=', planId).orderBy('position').execute();

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

/** The open cells under the unit (that the actor sees) and how many have a plan for the period, by status. */
export async function planCounts(db: Db, actor: Actor, unit: ScopedUnit, period: string) {
  const { rows } = await sql<{ cells: number; draft: number; adopted: number; reviewed: number }>`
    select count(*)::int as cells,
      (count(*) filter (where wp.status = 'draft'))::int as draft,
      (count(*) filter (where wp.status = 'adopted'))::int as adopted,
      (count(*) filter (where wp.status = 'reviewed'))::int as reviewed
    from units c
    left join work_plans wp on wp.cell_id = c.id and wp.period = ${period}
    where c.kind = 'cell' and c.closed_on is null and c.path <@ ${unit.path}::ltree and ${pathInScope(actor, 'c.path')}`.execute(db);
  const r = rows[0] ?? { cells: 0, draft: 0, adopted: 0, reviewed: 0 };
  return { ...r, missing: r.cells - r.draft - r.adopted - r.reviewed };
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
