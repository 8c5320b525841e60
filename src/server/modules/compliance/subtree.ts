/**
 * Reading the cells under a committee, in the order a page needs. Two plans, chosen by how many cells
 * the committee's figures count this month:
 * - a small subtree: its cells found first through the tree's path index (materialized), then their
 *   verdicts by primary key, then sorted: a few thousand rows at most;
 * - a large one (the centre, a region): walk the month's rows in the page's index order and stop at the
 *   page's end, instead of sorting hundreds of thousands of cells.
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { pathInScope } from '../../access/scope.ts';
import type { Db } from '../../db/database.ts';
import type { Period } from './periods.ts';

/** Above this many cells, a page is read in index order rather than gathered and sorted. */
export const SMALL_SUBTREE = 5_000;

export async function isSmallSubtree(db: Db, unitId: number, period: Period): Promise<boolean> {
  const all = await db.selectFrom('unit_figures').select('cells_total')
    .where('unit_id', '=', unitId).where('period', '=', period).where('standard_code', '=', '*').executeTakeFirst();
  return (all?.cells_total ?? 0) <= SMALL_SUBTREE;
}

export type CellRow = { id: number; name: string; code: string; kind: 'cell'; parent_id: number };

/**
 * The cells under `path` that the actor may see, as a from-item aliased `u`. For a small subtree the
 * subquery is fenced (OFFSET 0), so it is planned on its own through the path index and the verdicts
 * are then probed by primary key; for a large one it is left to the planner, which walks the cells in
 * name order (units_cell_name_idx) and stops at the page's end.
 */
export function cellsUnder(actor: Actor, path: string, small: boolean) {
  // Small: sorted by name inside the fence, so a name-ordered page probes only its own rows' verdicts.
  return sql<CellRow>`(select id, name, code, kind, parent_id from units
    where kind = 'cell' and path <@ ${path}::ltree and ${pathInScope(actor, 'path')} ${small ? sql`order by name, id offset 0` : sql``})`.as('u');
}
