/** SQL for the unit tree. Subtree figures come from `member_count` on cells, summed over an ltree range. */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import type { ScopedCell, ScopedUnit } from '../../access/lookups.ts';
import { pathInScope } from '../../access/scope.ts';
import type { Db } from '../../db/database.ts';

export const unitSummaries = (db: Db) =>
  db.selectFrom('units as u').select([
    'u.id',
    'u.kind',
    'u.name',
    'u.code',
    'u.sector',
    'u.parent_id',
    'u.depth',
    'u.opened_on',
    'u.closed_on',
    sql<string>`u.path::text`.as('path'),
    sql<number>`(select count(*) from units c where c.parent_id = u.id and c.closed_on is null)::int`.as('child_count'),
    sql<number>`case when u.kind = 'cell' then u.member_count else
      (select coalesce(sum(d.member_count), 0) from units d where d.path <@ u.path and d.kind = 'cell' and d.closed_on is null)::int end`.as(
      'member_count',
    ),
  ]);

export type UnitSummaryRow = Awaited<ReturnType<typeof selectUnitSummary>>;

/** The summary of a unit found in scope (access/lookups.ts). */
export async function selectUnitSummary(db: Db, unit: ScopedUnit) {
  return unitSummaries(db).where('u.id', '=', unit.id).executeTakeFirstOrThrow();
}

export function selectChildren(
  db: Db,
  actor: Actor,
  parentId: number,
  opts: {
    limit: number;
    after?: [string, number];
    includeClosed: boolean;
  },
) {
  let q = unitSummaries(db).where('u.parent_id', '=', parentId).where(pathInScope(actor, 'u.path'));
  if (!opts.includeClosed) q = q.where('u.closed_on', 'is', null);
  if (opts.after) q = q.where(sql<boolean>`(u.name, u.id) > (${opts.after[0]}, ${opts.after[1]})`);
  return q
    .orderBy('u.name')
    .orderBy('u.id')
    .limit(opts.limit + 1)
    .execute();
}

export function searchUnits(db: Db, actor: Actor, q: string, kind: 'committee' | 'cell' | undefined, limit: number) {
  const like = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  let query = unitSummaries(db)
    .where((eb) => eb.or([eb(sql`lower(u.name)`, 'like', like), eb(sql`lower(u.code)`, 'like', like)]))
    .where(pathInScope(actor, 'u.path'));
  if (kind) query = query.where('u.kind', '=', kind);
  return query.orderBy(sql`u.closed_on is not null`).orderBy('u.depth').orderBy('u.name').limit(limit).execute();
}

/** Ancestors of a path (itself included) that the actor may see, top first. */
export function selectBreadcrumb(db: Db, actor: Actor, path: string) {
  return db
    .selectFrom('units as u')
    .select(['u.id', 'u.name', 'u.kind'])
    .where(sql<boolean>`u.path @> ${path}::ltree`)
    .where(pathInScope(actor, 'u.path'))
    .orderBy('u.depth')
    .execute();
}

export async function selectSubtreeCellCount(db: Db, unit: ScopedUnit): Promise<number> {
  const row = await db
    .selectFrom('units')
    .select(sql<number>`count(*)::int`.as('n'))
    .where(sql<boolean>`path <@ ${unit.path}::ltree`)
    .where('kind', '=', 'cell')
    .where('closed_on', 'is', null)
    .executeTakeFirst();
  return row?.n ?? 0;
}

export function selectCellOfficers(db: Db, cell: ScopedCell) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select(['p.id', 'p.full_name as fullName', 'm.role'])
    .where('m.cell_id', '=', cell.id)
    .where('m.to_date', 'is', null)
    .where('m.role', 'in', ['secretary', 'deputy_secretary'])
    .orderBy('p.full_name')
    .execute();
}

/** The current roll of a cell found in scope: names and roles only (fields beyond them are per reader, access/fields.ts). */
export function selectMembers(db: Db, cell: ScopedCell, opts: { limit: number; after?: [string, number] }) {
  let q = db
    .selectFrom('memberships as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select(['m.id as membershipId', 'p.id as personId', 'p.full_name as fullName', 'm.role', 'm.from_date as fromDate'])
    .where('m.cell_id', '=', cell.id)
    .where('m.to_date', 'is', null);
  if (opts.after) q = q.where(sql<boolean>`(p.full_name, m.id) > (${opts.after[0]}, ${opts.after[1]})`);
  return q
    .orderBy('p.full_name')
    .orderBy('m.id')
    .limit(opts.limit + 1)
    .execute();
}

/** Recount a cell's current roll after memberships change (same transaction). */
export async function refreshMemberCounts(db: Db, cellIds: number[]): Promise<void> {
  if (cellIds.length === 0) return;
  await db
    .updateTable('units as u')
    .set({ member_count: sql<number>`(select count(*) from memberships m where m.cell_id = u.id and m.to_date is null)` })
    .where('u.id', 'in', [...new Set(cellIds)])
    .execute();
}

/** Restructuring the tree (moves) excludes path reads that would write children under a stale path. */
export async function lockTree(db: Db, mode: 'shared' | 'exclusive'): Promise<void> {
  if (mode === 'shared') await sql`select pg_advisory_xact_lock_shared(7340031)`.execute(db);
  else await sql`select pg_advisory_xact_lock(7340031)`.execute(db);
}
