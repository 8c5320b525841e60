/**
 * Laudable deeds (issue 15; decision 0031): the cell's secretary or a committee over it records a deed
 * of the cell or of members on its roll (what, when, who saw it); a committee publishes it to its
 * subtree, where it shows on every member's board, newest first; it may withdraw it again.
 */
import { sql } from 'kysely';
import { canManagePath, canReadPath, type Actor } from '../../access/actor.ts';
import { findUnitInScope, requireCell } from '../../access/lookups.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { decodeDayCursor, pageFrom } from '../../http/pagination.ts';
import { badRequest, conflict, forbidden, notFound } from '../../errors.ts';
import type { Deed, DeedListQuery, PublishDeed, RecordDeed } from '../../../shared/schemas/deeds.ts';
import { recordAudit } from '../audit/service.ts';
import { todayIso } from '../compliance/periods.ts';
import { managedAbove, mayPublish, mayUnpublish } from './access.ts';
import { boardDeeds, cellDeeds, findDeed, onRollOn, type DeedRow } from './queries.ts';

const present = (actor: Actor, r: DeedRow): Deed => ({
  id: Number(r.id),
  cellId: Number(r.cell_id),
  cellName: r.cell_name,
  title: r.title,
  description: r.description,
  on: r.done_on,
  witnesses: r.witnesses,
  people: r.people,
  recordedBy: { id: Number(r.recorder_id), name: r.recorder_name },
  published:
    r.published_unit_id !== null && r.published_at
      ? { unitId: Number(r.published_unit_id), unitName: r.published_name ?? '', at: new Date(r.published_at).toISOString() }
      : null,
  canPublish: mayPublish(actor, r.path),
});

/** Records a deed of the cell, or of members on its roll on the day. */
export function recordDeed(db: Db, actor: Actor, cellId: number, input: RecordDeed, today = todayIso()) {
  return inTransaction(db, async (trx) => {
    const cell = await requireCell(trx, actor, cellId, 'read');
    if (!canManagePath(actor, cell.path)) throw forbidden('deed.notAllowed');
    if (cell.closed_on) throw conflict('cell.closed');
    if (input.on > today) throw badRequest('deed.inFuture', { details: { field: 'on' } });
    const people = [...new Set(input.personIds ?? [])];
    if (people.length && (await onRollOn(trx, cell.id, people, input.on)) !== people.length)
      throw badRequest('deed.personNotInCell', { details: { field: 'personIds' } });
    const row = await trx
      .insertInto('deeds')
      .values({
        cell_id: cell.id,
        title: input.title,
        description: input.description,
        done_on: input.on,
        witnesses: input.witnesses ?? null,
        recorded_by_unit_id: managedAbove(actor, cell.path)[0]?.unitId ?? null,
        recorded_by: actor.accountId || null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    if (people.length)
      await trx
        .insertInto('deed_people')
        .values(people.map((person_id) => ({ cell_id: cell.id, deed_id: id, person_id })))
        .execute();
    await recordAudit(trx, actor, { action: 'deed.record', entity: 'deed', entityId: id, unitId: cell.id, after: input });
    return { id };
  });
}

/** The deed, locked, that the actor sees; 404 otherwise. */
async function lockVisible(trx: Db, actor: Actor, id: number): Promise<DeedRow> {
  const d = await findDeed(trx, id, true);
  if (!d || !canReadPath(actor, d.path)) throw notFound('deed.notFound');
  return d;
}

/** Publishes the deed to the subtree of a committee above its cell that the actor manages (their deepest by default). */
export function publishDeed(db: Db, actor: Actor, id: number, input: PublishDeed) {
  return inTransaction(db, async (trx) => {
    const d = await lockVisible(trx, actor, id);
    if (!mayPublish(actor, d.path)) throw forbidden('deed.publishNotAllowed');
    let target: { id: number; path: string };
    if (input.unitId !== undefined) {
      const unit = await findUnitInScope(trx, actor, input.unitId, 'manage');
      if (!unit || unit.kind !== 'committee' || !d.path.startsWith(`${unit.path}.`))
        throw badRequest('deed.publishUnit', { details: { field: 'unitId' } });
      target = { id: unit.id, path: unit.path };
    } else {
      const deepest = managedAbove(actor, d.path)[0];
      target = deepest
        ? { id: deepest.unitId, path: deepest.path }
        : await trx
            .selectFrom('units')
            .select(['id', sql<string>`path::text`.as('path')])
            .where(sql<boolean>`path = subpath(${d.path}::ltree, 0, 1)`)
            .executeTakeFirstOrThrow()
            .then((u) => ({ id: Number(u.id), path: u.path }));
    }
    await trx
      .updateTable('deeds')
      .set({
        published_unit_id: target.id,
        published_path: target.path,
        published_at: sql<Date>`now()`,
        published_by: actor.accountId || null,
      })
      .where('cell_id', '=', d.cell_id)
      .where('id', '=', d.id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'deed.publish',
      entity: 'deed',
      entityId: Number(d.id),
      unitId: Number(d.cell_id),
      before: { publishedUnitId: d.published_unit_id },
      after: { publishedUnitId: target.id },
    });
    return present(actor, (await findDeed(trx, Number(d.id)))!);
  });
}

/** Withdraws a publication: who manages the committee it was published to. Unpublishing twice answers as once. */
export function unpublishDeed(db: Db, actor: Actor, id: number) {
  return inTransaction(db, async (trx) => {
    const d = await lockVisible(trx, actor, id);
    if (d.published_path === null) {
      if (!mayPublish(actor, d.path)) throw forbidden('deed.publishNotAllowed');
      return present(actor, d);
    }
    if (!mayUnpublish(actor, d.published_path)) throw forbidden('deed.publishNotAllowed');
    await trx
      .updateTable('deeds')
      .set({ published_unit_id: null, published_path: null, published_at: null, published_by: null })
      .where('cell_id', '=', d.cell_id)
      .where('id', '=', d.id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'deed.unpublish',
      entity: 'deed',
      entityId: Number(d.id),
      unitId: Number(d.cell_id),
      before: { publishedUnitId: d.published_unit_id },
      after: { publishedUnitId: null },
    });
    return present(actor, (await findDeed(trx, Number(d.id)))!);
  });
}

/** A cell's deeds, newest first: whoever sees the cell. */
export async function listCellDeeds(db: Db, actor: Actor, cellId: number, q: DeedListQuery) {
  const cell = await requireCell(db, actor, cellId, 'read');
  const rows = await cellDeeds(db, cell.id, decodeDayCursor(q.cursor), q.limit + 1);
  const page = pageFrom(rows, q.limit, (r) => [r.done_on, Number(r.id)]);
  return { items: page.items.map((r) => present(actor, r)), nextCursor: page.nextCursor };
}

/** The signed-in member's board: the deeds published to the committees above their cells (and their grants' units), newest first. */
export async function listMyBoard(db: Db, actor: Actor, q: DeedListQuery) {
  const paths = actor.grants.map((g) => g.path).filter((p): p is string => p !== null);
  const rows = await boardDeeds(db, actor.personId, paths, decodeDayCursor(q.cursor), q.limit + 1);
  const page = pageFrom(rows, q.limit, (r) => [r.done_on, Number(r.id)]);
  return { items: page.items.map((r) => present(actor, r)), nextCursor: page.nextCursor };
}
