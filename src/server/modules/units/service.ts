/** The rules of the unit tree: reading within scope, creating, renaming, moving and closing units. */
import { sql } from 'kysely';
import { canSeePersonalPath, type Actor } from '../../access/actor.ts';
import { findUnitInScope, findUnitManagedFromAbove, isCell } from '../../access/lookups.ts';
import { mayManage, mayRestructure } from '../../access/policies.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { AppError, badRequest, conflict, notFound } from '../../errors.ts';
import { decodeCursor, pageFrom } from '../../http/pagination.ts';
import type { CreateUnit, Unit } from '../../../shared/schemas/units.ts';
import { recordAudit } from '../audit/service.ts';
import { refreshCellEverywhere, withdrawCell } from '../compliance/engine.ts';
import { SUBTREE_TOTALS } from '../subtree-totals.ts';
import { todayIso as today } from '../compliance/periods.ts';
import { presentUnitSummary } from './present.ts';
import * as q from './queries.ts';

export async function getUnit(db: Db, actor: Actor, id: number): Promise<Unit> {
  const unit = await findUnitInScope(db, actor, id);
  if (!unit) throw notFound('unit.notFound');
  const [row, breadcrumb, officers, cellCount] = await Promise.all([
    q.selectUnitSummary(db, unit),
    q.selectBreadcrumb(db, actor, unit.path),
    isCell(unit) ? q.selectCellOfficers(db, unit) : Promise.resolve([]),
    isCell(unit) ? Promise.resolve(unit.closed_on ? 0 : 1) : q.selectSubtreeCellCount(db, unit),
  ]);
  const secretary = officers.find((o) => o.role === 'secretary');
  return {
    ...presentUnitSummary(actor, row),
    breadcrumb,
    cellCount,
    secretary: secretary ? { id: secretary.id, fullName: secretary.fullName } : null,
    deputies: officers.filter((o) => o.role === 'deputy_secretary').map((o) => ({ id: o.id, fullName: o.fullName })),
    canManage: mayManage(actor, unit),
    canSeePersonal: canSeePersonalPath(actor, unit.path),
    canRestructure: unit.parent_id !== null && mayRestructure(actor, unit),
  };
}

export async function listChildren(db: Db, actor: Actor, id: number, page: { limit: number; cursor?: string; includeClosed: boolean }) {
  const after = decodeCursor(page.cursor);
  if (!(await findUnitInScope(db, actor, id))) throw notFound('unit.notFound');
  const rows = await q.selectChildren(db, actor, id, { limit: page.limit, after, includeClosed: page.includeClosed });
  const result = pageFrom(rows, page.limit, (r) => [r.name, r.id]);
  return { items: result.items.map((r) => presentUnitSummary(actor, r)), nextCursor: result.nextCursor };
}

export async function listMembers(db: Db, actor: Actor, id: number, page: { limit: number; cursor?: string }) {
  const after = decodeCursor(page.cursor);
  const unit = await findUnitInScope(db, actor, id);
  if (!unit) throw notFound('unit.notFound');
  if (!isCell(unit)) return { items: [], nextCursor: null };
  const rows = await q.selectMembers(db, unit, { limit: page.limit, after });
  return pageFrom(rows, page.limit, (r) => [r.fullName, r.membershipId]);
}

export async function searchUnits(db: Db, actor: Actor, query: { q: string; kind?: 'committee' | 'cell'; limit: number }) {
  const rows = await q.searchUnits(db, actor, query.q, query.kind, query.limit);
  return { items: rows.map((r) => presentUnitSummary(actor, r)), nextCursor: null };
}

export function createUnit(db: Db, actor: Actor, input: CreateUnit): Promise<Unit> {
  return inTransaction(db, async (trx) => {
    await q.lockTree(trx, 'shared');
    const parent = await findUnitInScope(trx, actor, input.parentId, 'manage');
    if (!parent) throw notFound('unit.parentNotFound');
    if (parent.kind !== 'committee') throw badRequest('unit.addUnderCell');
    if (parent.closed_on) throw conflict('unit.parentClosed');
    const openedOn = input.openedOn ?? today();
    if (openedOn < parent.opened_on) throw badRequest('unit.opensBeforeParent');
    const { rows } = await sql<{ id: number }>`select nextval(pg_get_serial_sequence('units', 'id'))::int8 as id`.execute(trx);
    const id = rows[0]!.id;
    const created = await trx
      .insertInto('units')
      .values({
        id,
        parent_id: parent.id,
        kind: input.kind,
        name: input.name,
        code: input.code,
        sector: input.sector ?? null,
        path: `${parent.path}.${id}`,
        depth: parent.depth + 1,
        opened_on: openedOn,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'unit.create', entity: 'unit', entityId: id, after: created });
    if (created.kind === 'cell') await refreshCellEverywhere(trx, id);
    return getUnit(trx, actor, id);
  });
}

export function updateUnit(
  db: Db,
  actor: Actor,
  id: number,
  input: { name?: string; code?: string; sector?: string | null },
): Promise<Unit> {
  return inTransaction(db, async (trx) => {
    const before = await findUnitManagedFromAbove(trx, actor, id);
    if (!before) throw notFound('unit.notFound');
    const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    if (Object.keys(changes).length === 0) return getUnit(trx, actor, id);
    // A cell's sector decides which standards apply to it and which sector figures count it.
    const resector = before.kind === 'cell' && 'sector' in changes && changes.sector !== before.sector;
    if (resector) await withdrawCell(trx, id, before.path);
    const after = await trx
      .updateTable('units')
      .set({ ...changes, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (resector) await refreshCellEverywhere(trx, id);
    await recordAudit(trx, actor, { action: 'unit.update', entity: 'unit', entityId: id, before, after });
    return getUnit(trx, actor, id);
  });
}

export function moveUnit(db: Db, actor: Actor, id: number, newParentId: number): Promise<Unit> {
  return inTransaction(db, async (trx) => {
    await q.lockTree(trx, 'exclusive');
    const unit = await findUnitManagedFromAbove(trx, actor, id);
    if (!unit) throw notFound('unit.notFound');
    const parent = await findUnitInScope(trx, actor, newParentId, 'manage');
    if (!parent) throw notFound('unit.parentNotFound');
    if (unit.parent_id === null) throw badRequest('unit.moveTop');
    if (parent.kind !== 'committee') throw badRequest('unit.moveUnderCell');
    if (parent.closed_on) throw conflict('unit.newParentClosed');
    if (parent.path === unit.path || parent.path.startsWith(`${unit.path}.`)) throw badRequest('unit.moveUnderItself');
    if (unit.parent_id === parent.id) return getUnit(trx, actor, id);
    const shift = parent.depth + 1 - unit.depth;
    await sql`update units set
        path = ${parent.path}::ltree || subpath(path, nlevel(${unit.path}::ltree) - 1),
        depth = depth + ${shift}, updated_at = now()
      where path <@ ${unit.path}::ltree`.execute(trx);
    await trx.updateTable('units').set({ parent_id: parent.id }).where('id', '=', id).execute();
    for (const totals of SUBTREE_TOTALS) await totals.move(trx, id, unit.path, parent.path);
    await trx
      .insertInto('unit_moves')
      .values({
        unit_id: id,
        from_parent_id: unit.parent_id,
        to_parent_id: parent.id,
        from_path: unit.path,
        moved_by: actor.accountId,
      })
      .execute();
    await recordAudit(trx, actor, {
      action: 'unit.move',
      entity: 'unit',
      entityId: id,
      before: { parentId: unit.parent_id, path: unit.path },
      after: { parentId: parent.id, path: `${parent.path}.${id}` },
    });
    return getUnit(trx, actor, id);
  });
}

export function closeUnit(db: Db, actor: Actor, id: number, closedOn: string | undefined): Promise<Unit> {
  return inTransaction(db, async (trx) => {
    const unit = await findUnitManagedFromAbove(trx, actor, id);
    if (!unit) throw notFound('unit.notFound');
    if (unit.parent_id === null) throw badRequest('unit.closeTop');
    if (unit.closed_on) throw conflict('unit.alreadyClosed');
    const date = closedOn ?? today();
    if (date > today()) throw badRequest('unit.closeInFuture');
    if (date < unit.opened_on) throw badRequest('unit.closeBeforeOpened');
    const openChildren = await trx
      .selectFrom('units')
      .select('id')
      .where('parent_id', '=', id)
      .where('closed_on', 'is', null)
      .limit(1)
      .execute();
    if (openChildren.length) throw new AppError('conflict', 'unit.hasOpenUnits');
    if (unit.kind === 'cell' && unit.member_count > 0) throw new AppError('conflict', 'unit.hasMembers');
    await trx.updateTable('units').set({ closed_on: date, updated_at: sql<Date>`now()` }).where('id', '=', id).execute();
    await recordAudit(trx, actor, {
      action: 'unit.close',
      entity: 'unit',
      entityId: id,
      before: { closedOn: null },
      after: { closedOn: date },
    });
    if (unit.kind === 'cell') await refreshCellEverywhere(trx, id);
    return getUnit(trx, actor, id);
  });
}
