/**
 * Reading lists: what the centre or a committee asks its subtree to read over a period (a month or a
 * range of days). A member sees the lists chosen for their cell's committees and the centre; an
 * official sets lists for the committees they manage (decision 0017).
 */
import { sql } from 'kysely';
import { canManagePath, canReadPath, type Actor } from '../../access/actor.ts';
import { findUnitInScope } from '../../access/lookups.ts';
import { maySetReadingList } from '../../access/policies.ts';
import { pathInOrAboveScope } from '../../access/scope.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { badRequest, notFound } from '../../errors.ts';
import { LIBRARY_LIMITS, type ReadingList, type SaveReadingList } from '../../../shared/schemas/library.ts';
import { recordAudit } from '../audit/service.ts';
import { missingPublished, selectSummaries } from './queries.ts';

type ListRow = { id: number; unit_id: number; path: string; parent_id: number | null; title: string; starts_on: string; ends_on: string };

function listsFrom(db: Db, actor: Actor) {
  return db
    .selectFrom('reading_lists as l')
    .innerJoin('units as lu', 'lu.id', 'l.unit_id')
    .select([
      'l.id',
      'l.unit_id',
      sql<string>`lu.path::text`.as('path'),
      'lu.parent_id',
      'l.title',
      sql<string>`l.starts_on::text`.as('starts_on'),
      sql<string>`l.ends_on::text`.as('ends_on'),
    ])
    .where(pathInOrAboveScope(actor, 'lu.path'));
}

async function present(db: Db, actor: Actor, rows: ListRow[]): Promise<ReadingList[]> {
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom('reading_list_items')
    .select(['list_id', 'item_id'])
    .where(
      'list_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('list_id')
    .orderBy('position')
    .execute();
  const summaries = new Map((await selectSummaries(db, actor, [...new Set(links.map((l) => l.item_id))])).map((s) => [s.id, s]));
  return rows.map((r) => ({
    id: r.id,
    ...(canReadPath(actor, r.path) ? { unitId: r.unit_id } : {}),
    byCentre: r.parent_id === null,
    title: r.title,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    items: links.filter((l) => l.list_id === r.id).flatMap((l) => summaries.get(l.item_id) ?? []),
    canEdit: canManagePath(actor, r.path),
  }));
}

/** The lists that apply to a unit (chosen for it or above it) and, for a committee, those chosen below it; optionally only those covering a day. */
export async function listReadingLists(db: Db, actor: Actor, unitId: number, on: string | undefined): Promise<{ items: ReadingList[] }> {
  const unit = await findUnitInScope(db, actor, unitId);
  if (!unit) throw notFound('unit.notFound');
  let q = listsFrom(db, actor).where(sql<boolean>`(lu.path @> ${unit.path}::ltree or lu.path <@ ${unit.path}::ltree)`);
  if (on) q = q.where('l.starts_on', '<=', on).where('l.ends_on', '>=', on);
  const rows = await q.orderBy('l.starts_on', 'desc').orderBy('lu.depth').orderBy('l.id', 'desc').limit(200).execute();
  return { items: await present(db, actor, rows) };
}

export async function getReadingList(db: Db, actor: Actor, id: number): Promise<ReadingList> {
  const row = await listsFrom(db, actor).where('l.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('library.listNotFound');
  return (await present(db, actor, [row]))[0]!;
}

const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;

async function checkInput(trx: Db, actor: Actor, input: SaveReadingList) {
  const unit = await findUnitInScope(trx, actor, input.unitId, 'manage');
  if (!unit) throw notFound('unit.notFound');
  if (!maySetReadingList(actor, unit))
    throw badRequest('library.unitNotCommittee', { details: [{ path: 'body.unitId', message: 'A cell' }] });
  if (days(input.startsOn, input.endsOn) > LIBRARY_LIMITS.listDays)
    throw badRequest('library.listTooLong', {
      params: { max: LIBRARY_LIMITS.listDays },
      details: [{ path: 'body.endsOn', message: 'Too long' }],
    });
  const ids = [...new Set(input.itemIds)];
  const missing = await missingPublished(trx, ids);
  if (missing.length)
    throw badRequest('library.itemsNotFound', {
      params: { ids: missing.join(', ') },
      details: [{ path: 'body.itemIds', message: 'No such published item' }],
    });
  return ids;
}

async function writeItems(trx: Db, listId: number, ids: number[]) {
  await trx.deleteFrom('reading_list_items').where('list_id', '=', listId).execute();
  await trx
    .insertInto('reading_list_items')
    .values(ids.map((item_id, position) => ({ list_id: listId, item_id, position })))
    .execute();
}

export function createReadingList(db: Db, actor: Actor, input: SaveReadingList): Promise<ReadingList> {
  return inTransaction(db, async (trx) => {
    const ids = await checkInput(trx, actor, input);
    const row = await trx
      .insertInto('reading_lists')
      .values({
        unit_id: input.unitId,
        title: input.title,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        created_by: actor.accountId || null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeItems(trx, row.id, ids);
    await recordAudit(trx, actor, {
      action: 'reading-list.create',
      entity: 'reading_list',
      entityId: row.id,
      after: input,
      unitId: input.unitId,
    });
    return getReadingList(trx, actor, row.id);
  });
}

/** The list as it stands, locked, if the actor manages the committee that chose it; anyone else gets 404. */
async function requireManagedList(trx: Db, actor: Actor, id: number) {
  const row = await listsFrom(trx, actor).where('l.id', '=', id).forUpdate('l').executeTakeFirst();
  if (!row || !canManagePath(actor, row.path)) throw notFound('library.listNotFound');
  return row;
}

export function updateReadingList(db: Db, actor: Actor, id: number, input: SaveReadingList): Promise<ReadingList> {
  return inTransaction(db, async (trx) => {
    const before = await requireManagedList(trx, actor, id);
    const ids = await checkInput(trx, actor, input);
    await trx
      .updateTable('reading_lists')
      .set({ unit_id: input.unitId, title: input.title, starts_on: input.startsOn, ends_on: input.endsOn })
      .where('id', '=', id)
      .execute();
    await writeItems(trx, id, ids);
    await recordAudit(trx, actor, {
      action: 'reading-list.update',
      entity: 'reading_list',
      entityId: id,
      before,
      after: input,
      unitId: input.unitId,
    });
    return getReadingList(trx, actor, id);
  });
}

export function deleteReadingList(db: Db, actor: Actor, id: number): Promise<void> {
  return inTransaction(db, async (trx) => {
    const before = await requireManagedList(trx, actor, id);
    await trx.deleteFrom('reading_lists').where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'reading-list.delete', entity: 'reading_list', entityId: id, before, unitId: before.unit_id });
  });
}
