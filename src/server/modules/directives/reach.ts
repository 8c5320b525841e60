/**
 * Reach, per unit and round, read from the counters kept current (decision 0016): one primary-key read
 * for a unit, one per child for the drill-down. The list of members not reached reads deliveries of the
 * unit's subtree (a secretary's own cell; down the tree for officials), paged, and as CSV.
 */
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { stringify } from 'csv-stringify/sync';
import type { Actor } from '../../access/actor.ts';
import { requireDirective } from '../../access/directives.ts';
import { findUnitInScope } from '../../access/lookups.ts';
import type { Db } from '../../db/database.ts';
import { badRequest, notFound } from '../../errors.ts';
import { decodeCursor, pageFrom } from '../../http/pagination.ts';
import type { Reach, ReachFigures } from '../../../shared/schemas/directives.ts';
import { subtreeRange } from '../../db/ltree.ts';

type Counters = { members: number; acknowledged: number; briefed: number; acknowledged_in_time: number; briefed_in_time: number };

export function figures(c: Counters | undefined): ReachFigures {
  const members = c?.members ?? 0;
  const acknowledged = c?.acknowledged ?? 0;
  const briefed = c?.briefed ?? 0;
  const acknowledgedInTime = c?.acknowledged_in_time ?? 0;
  const briefedInTime = c?.briefed_in_time ?? 0;
  return {
    members,
    delivered: members,
    acknowledged,
    briefed,
    notReached: members - acknowledged - briefed,
    acknowledgedInTime,
    briefedInTime,
    notReachedInTime: members - acknowledgedInTime - briefedInTime,
  };
}

/** The directive, the unit (its members' figures need the right to see its people) and the round, or 404. */
async function scope(db: Db, actor: Actor, id: number, unitId: number, round: number | undefined) {
  await requireDirective(db, actor, id);
  const unit = await findUnitInScope(db, actor, unitId, 'personal');
  if (!unit) throw notFound('unit.notFound');
  let q = db.selectFrom('directive_rounds').selectAll().where('directive_id', '=', id);
  q = round === undefined ? q.orderBy('round', 'desc') : q.where('round', '=', round);
  const r = await q.executeTakeFirst();
  if (!r) throw notFound('directive.notFound');
  return { unit, round: r };
}

export async function getReach(db: Db, actor: Actor, id: number, unitId: number, round?: number): Promise<Reach> {
  const s = await scope(db, actor, id, unitId, round);
  const c = await db
    .selectFrom('directive_reach')
    .selectAll()
    .where('directive_id', '=', id)
    .where('round', '=', s.round.round)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  return {
    unitId,
    unitName: s.unit.name,
    unitKind: s.unit.kind,
    round: s.round.round,
    deadlineOn: s.round.deadline_on,
    fanOut: s.round.fanout_state,
    ...figures(c),
  };
}

/** Reach for each child of the unit (committees and cells), by name. */
export async function getReachChildren(db: Db, actor: Actor, id: number, unitId: number, round?: number) {
  const s = await scope(db, actor, id, unitId, round);
  const rows = await db
    .selectFrom('units as u')
    .leftJoin('directive_reach as r', (j) =>
      j.onRef('r.unit_id', '=', 'u.id').on('r.directive_id', '=', id).on('r.round', '=', s.round.round),
    )
    .select(['u.id', 'u.name', 'u.kind', 'r.members', 'r.acknowledged', 'r.briefed', 'r.acknowledged_in_time', 'r.briefed_in_time'])
    .where('u.parent_id', '=', unitId)
    .orderBy('u.name')
    .orderBy('u.id')
    .execute();
  return {
    unitId,
    round: s.round.round,
    items: rows.map((r) => ({
      unitId: Number(r.id),
      unitName: r.name,
      unitKind: r.kind,
      ...figures(r.members === null ? undefined : (r as Counters)),
    })),
  };
}

type NotReachedRow = { person_id: number; full_name: string; cell_id: number; cell_name: string; delivered_at: Date };

function notReachedQuery(db: Db, id: number, round: number, path: string) {
  return db
    .selectFrom('units as c')
    .innerJoin('directive_deliveries as dd', 'dd.cell_id', 'c.id')
    .innerJoin('people as p', 'p.id', 'dd.person_id')
    .select(['p.id as person_id', 'p.full_name', 'c.id as cell_id', 'c.name as cell_name', 'dd.delivered_at'])
    .where(subtreeRange('c.path', path))
    .where('c.kind', '=', 'cell')
    .where('dd.directive_id', '=', id)
    .where('dd.round', '=', round)
    .where('dd.acknowledged_at', 'is', null)
    .where('dd.briefed_on', 'is', null);
}

/** Members of the unit's subtree who neither acknowledged nor were briefed in the round, cell by cell, paged. */
export async function listNotReached(
  db: Db,
  actor: Actor,
  id: number,
  q: { unit: number; round?: number; limit: number; cursor?: string },
) {
  const s = await scope(db, actor, id, q.unit, q.round);
  // Cell by cell (in id order, the deliveries' key order), by name within a cell: the first page at the
  // centre stops after a few cells instead of sorting every member not reached.
  const after = decodeCursor(q.cursor);
  let position: [number, string] | undefined;
  try {
    position = after ? (JSON.parse(after[0]) as [number, string]) : undefined;
  } catch {
    throw badRequest('request.badCursor');
  }
  // The subtree's cells are walked in id order, 200 at a time, until the page is full: a plan that
  // sorts every delivery of the centre (2 s at scale M) is never offered to the planner.
  const rows: NotReachedRow[] = [];
  let fromCell = position?.[0] ?? 0;
  while (rows.length <= q.limit) {
    const cells = await db
      .selectFrom('units as c')
      .select('c.id')
      .where(subtreeRange('c.path', s.unit.path))
      .where('c.kind', '=', 'cell')
      .where('c.id', '>=', fromCell)
      .orderBy('c.id')
      .limit(CELLS_PER_STEP)
      .execute();
    if (cells.length === 0) break;
    let query = notReachedQuery(db, id, s.round.round, s.unit.path)
      .where(
        'dd.cell_id',
        'in',
        cells.map((c) => Number(c.id)),
      )
      .orderBy('dd.cell_id')
      .orderBy('p.full_name')
      .orderBy('p.id')
      .limit(q.limit + 1 - rows.length);
    if (after && position) {
      query = query.where(
        sql`(dd.cell_id, p.full_name, p.id)`,
        '>',
        sql`(${position[0]}::bigint, ${position[1]}::text, ${after[1]}::bigint)`,
      );
    }
    rows.push(...((await query.execute()) as NotReachedRow[]));
    if (cells.length < CELLS_PER_STEP) break;
    fromCell = Number(cells[cells.length - 1]!.id) + 1;
  }
  const page = pageFrom(rows, q.limit, (r) => [JSON.stringify([Number(r.cell_id), r.full_name]), Number(r.person_id)]);
  return {
    items: page.items.map((r) => ({
      personId: Number(r.person_id),
      fullName: r.full_name,
      cellId: Number(r.cell_id),
      cellName: r.cell_name,
      deliveredAt: new Date(r.delivered_at).toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
}

const CELLS_PER_STEP = 200;
const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

const CSV_PAGE = 5000;

/**
 * The same list as CSV (UTF-8 with a BOM so spreadsheets keep Korean names), streamed: pages of
 * 5,000 rows in (cell, person) order, each read by keyset from the deliveries' key, so the whole
 * centre's list is never held in memory. Scope is checked before the first byte.
 */
export async function notReachedCsv(db: Db, actor: Actor, id: number, q: { unit: number; round?: number }): Promise<Readable> {
  const s = await scope(db, actor, id, q.unit, q.round);
  const round = s.round.round;
  async function* chunks() {
    yield `\uFEFF${stringify([['person_id', 'full_name', 'cell_id', 'cell_name', 'round', 'delivered_at']])}`;
    let after: [number, number] | null = null;
    for (;;) {
      let page = notReachedQuery(db, id, round, s.unit.path).orderBy('dd.cell_id').orderBy('dd.person_id').limit(CSV_PAGE);
      if (after) page = page.where(sql`(dd.cell_id, dd.person_id)`, '>', sql`(${after[0]}::bigint, ${after[1]}::bigint)`);
      const rows = (await page.execute()) as NotReachedRow[];
      if (rows.length === 0) return;
      yield stringify(
        rows.map((r) => [
          Number(r.person_id),
          safe(r.full_name),
          Number(r.cell_id),
          safe(r.cell_name),
          round,
          new Date(r.delivered_at).toISOString(),
        ]),
      );
      const last = rows[rows.length - 1]!;
      after = [Number(last.cell_id), Number(last.person_id)];
      if (rows.length < CSV_PAGE) return;
    }
  }
  return Readable.from(chunks());
}
