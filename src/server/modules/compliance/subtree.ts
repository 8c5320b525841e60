/**
 * Reading the cells under a committee, in the order a page needs. Two plans, chosen by how many cells
 * the committee's figures count this month:
 * - a small subtree: its cells found first through the tree's path index (materialized), then their
 *   verdicts by primary key, then sorted: a few thousand rows at most;
 * - a large one (the centre, a region): walk the month's rows in the page's index order and stop at the
 *   page's end, instead of sorting hundreds of thousands of cells.
 */
import { sql, type SqlBool } from 'kysely';
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

/**
 * `column` (an ltree) lies in the subtree at `path`, written so that a btree index on the column scans
 * only that stretch. ltree sorts label by label, and a label sorts before every longer label it
 * begins, so the subtree at a.b lies between a.b and a.b0 (the last label with a '0' appended). That
 * range can also hold a few paths outside the subtree (a label such as b-x, never an id), so `<@`
 * keeps the answer exact.
 */
export function subtreeRange(column: string, path: string) {
  const c = sql.ref(column);
  return sql<SqlBool>`(${c} >= ${path}::ltree and ${c} < ${`${path}0`}::ltree and ${c} <@ ${path}::ltree)`;
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
