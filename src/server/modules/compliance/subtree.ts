/**
 * Reading the cells under a committee, in the order a page needs, without sorting every cell under it
 * where an index can give the order (`cellOrderPlan`):
 * - a committee at depth 1 to 4: the index of the cells under each committee of that depth in name
 *   order (migration 2400);
 * - the centre: the cells walked in name order, stopping at the page's end;
 * - deeper and small: the cells gathered through the tree's path index, then the page's first rows
 *   kept by a top-N sort.
 * A subtree counts as small by the cells the committee's figures count this month.
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { pathInScope } from '../../access/scope.ts';
import type { Db } from '../../db/database.ts';
import type { CursorKey } from '../../http/pagination.ts';
import { ensurePeriod } from './engine.ts';
import { openIn, type Period } from './periods.ts';

/** Above this many cells, a page is read in index order rather than gathered and sorted. */
export const SMALL_SUBTREE = 5_000;

/** A unit's counts for a month: its open cells, and those judged by one standard and meeting it. */
export type SubtreeFigures = { cells: number; judged: number; meeting: number; small: boolean };

/** Undefined when the month has no figures for the unit (not built, or no open cell under it). */
async function readFigures(db: Db, unitId: number, period: Period, standard: string): Promise<SubtreeFigures | undefined> {
  const rows = await db
    .selectFrom('unit_figures')
    .select(['standard_code', 'cells_total', 'cells_meeting'])
    .where('unit_id', '=', unitId)
    .where('period', '=', period)
    .where('standard_code', 'in', ['*', standard])
    .execute();
  const all = rows.find((r) => r.standard_code === '*');
  if (!all) return undefined;
  const one = rows.find((r) => r.standard_code === standard);
  return {
    cells: all.cells_total,
    judged: one?.cells_total ?? 0,
    meeting: one?.cells_meeting ?? 0,
    small: all.cells_total <= SMALL_SUBTREE,
  };
}

/**
 * Makes sure the month is built (ensurePeriod) and reads the unit's figures for `standard` ('*' for
 * the size alone), both at once (two connections, one round trip's wait). The figures are read again
 * if the month was built meanwhile, by this call or by another whose commit fell between the two reads.
 */
export async function ensurePeriodAndFigures(db: Db, unitId: number, period: Period, standard = '*'): Promise<SubtreeFigures> {
  const [built, figures] = await Promise.all([ensurePeriod(db, period), readFigures(db, unitId, period, standard)]);
  const fresh = built || figures === undefined ? await readFigures(db, unitId, period, standard) : figures;
  return fresh ?? { cells: 0, judged: 0, meeting: 0, small: true };
}

export type CellRow = { id: number; name: string; code: string; kind: 'cell'; parent_id: number };
type CellPageRow = Pick<CellRow, 'id' | 'name' | 'code'>;

/** The cells under `path` that the actor may see, as a from-item aliased `u`, left for the planner to order. */
export function cellsUnder(actor: Actor, path: string) {
  return sql<CellRow>`(select id, name, code, kind, parent_id from units
    where kind = 'cell' and path <@ ${path}::ltree and ${pathInScope(actor, 'path')})`.as('u');
}

/** Committee depths whose cells have an index in name order (migration 2400, units_cells_under_depth<d>_idx). */
const INDEXED_DEPTHS = new Set([1, 2, 3, 4]);

export type CellOrderPlan = 'by-ancestor' | 'gather' | 'walk';

/** The plan for the cells under `path` in name order, by its depth and (`small`) its size. */
export function cellOrderPlan(path: string, small: boolean): CellOrderPlan {
  return INDEXED_DEPTHS.has(path.split('.').length - 1) ? 'by-ancestor' : small ? 'gather' : 'walk';
}

/**
 * The next `take` cells under `path` (that the actor may see) open in `period`, in name order, after
 * the keyset `after`, as a from-item aliased `u` (id, name, code). Only cells open that month have
 * verdicts, so with the month's own standards every cell read has one. By the committee:
 * - at a depth of 1 to 4: one short range of the index of the cells under each committee of that
 *   depth in name order (its expression, `subpath(path, 0, depth + 1)` with literal numbers, is
 *   written as the index has it, or the planner cannot use it);
 * - the centre: the cells walked in name order (units_cell_name_idx) until `take`;
 * - deeper, small subtrees (a few dozen cells): gathered through the tree's path index, then cut to
 *   the first `take` by a top-N sort (given a LIMIT, the planner would rather walk every cell in name
 *   order).
 */
export function cellsInNameOrder(
  actor: Actor,
  path: string,
  period: Period,
  plan: CellOrderPlan,
  after: CursorKey | undefined,
  take: number,
) {
  const labels = path.split('.').length;
  const later = after ? sql`(name, id) > (${after[0]}, ${after[1]})` : sql`true`;
  if (plan === 'by-ancestor') {
    const ancestor = sql`subpath(path, 0, ${sql.lit(labels)})`;
    const from = after ? sql`(${ancestor}, name, id) > (${path}::ltree, ${after[0]}, ${after[1]})` : sql`true`;
    return sql<CellPageRow>`(select id, name, code from units
      where kind = 'cell' and nlevel(path) > ${sql.lit(labels)} and ${ancestor} = ${path}::ltree and ${from}
        and ${openIn('', period)} and ${pathInScope(actor, 'path')}
      order by ${ancestor}, name, id limit ${take})`.as('u');
  }
  return (
    plan === 'gather'
      ? sql<CellPageRow>`(with c as materialized (select id, name, code from units
        where kind = 'cell' and path <@ ${path}::ltree and ${openIn('', period)} and ${pathInScope(actor, 'path')})
      select * from c where ${later} order by name, id limit ${take})`
      : sql<CellPageRow>`(select id, name, code from units
      where kind = 'cell' and path <@ ${path}::ltree and ${openIn('', period)} and ${pathInScope(actor, 'path')} and ${later}
      order by name, id limit ${take})`
  ).as('u');
}
