/**
 * A member's reading log, private to them (decision 0017): what they read alone is stored (marked by
 * them, nobody else reads it); what they read at a study session is derived from their attendance at
 * held study meetings and the items linked to those meetings, so a corrected roll or a changed link
 * shows at once and nothing is kept twice. Also the link itself: the items read at a study meeting.
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { badRequest, notFound } from '../../errors.ts';
import type { ReadingLogEntry } from '../../../shared/schemas/library.ts';
import { recordAudit } from '../audit/service.ts';
import { addDays, todayIso } from '../compliance/periods.ts';
import { selectMeetingInScope } from '../meetings/queries.ts';
import { STUDY_KIND } from './standards/reading-sessions-per-month.ts';
import { itemsFrom, missingPublished, presentSummary, selectSummaries, summaryColumns, visibleItem } from './queries.ts';

type MyReading = { readOn: string | null; sessions: Array<{ meetingId: number; meetsOn: string }> };

/** Study sessions `personId` attended (present, meeting held) where each item was read. */
function sessionsQuery(db: Db, personId: number) {
  return (
    db
      .selectFrom('attendance as a')
      .innerJoin('meetings as m', (j) => j.onRef('m.cell_id', '=', 'a.cell_id').onRef('m.id', '=', 'a.meeting_id'))
      .innerJoin('study_readings as r', (j) => j.onRef('r.cell_id', '=', 'a.cell_id').onRef('r.meeting_id', '=', 'a.meeting_id'))
      .select(['r.item_id', 'm.id as meeting_id', sql<string>`m.meets_on::text`.as('meets_on')])
      .where('a.person_id', '=', personId)
      .where('a.status', '=', 'present')
      .where('m.status', '=', 'held')
      // Links are only made on study meetings; one whose kind was changed since no longer counts as a session.
      .where('m.kind', '=', STUDY_KIND)
  );
}

/** The signed-in member's own record of one item; null for an account with no person. */
export async function myReadingOf(db: Db, actor: Actor, itemId: number): Promise<MyReading | null> {
  if (actor.personId === null) return null;
  const [solo, sessions] = await Promise.all([
    db
      .selectFrom('reading_log')
      .select(sql<string>`read_on::text`.as('read_on'))
      .where('person_id', '=', actor.personId)
      .where('item_id', '=', itemId)
      .executeTakeFirst(),
    sessionsQuery(db, actor.personId).where('r.item_id', '=', itemId).orderBy('m.meets_on').execute(),
  ]);
  return { readOn: solo?.read_on ?? null, sessions: sessions.map((s) => ({ meetingId: s.meeting_id, meetsOn: s.meets_on })) };
}

const requirePerson = (actor: Actor): number => {
  if (actor.personId === null) throw badRequest('library.noPerson');
  return actor.personId;
};

async function requireVisibleItem(db: Db, actor: Actor, itemId: number): Promise<void> {
  const row = await db
    .selectFrom('library_items as i')
    .select('i.id')
    .where('i.id', '=', itemId)
    .where(visibleItem(actor))
    .executeTakeFirst();
  if (!row) throw notFound('library.itemNotFound');
}

/** Marks an item read alone on a day (today by default); marking again moves the day, never adds a row. */
export async function markRead(db: Db, actor: Actor, itemId: number, readOn: string | undefined): Promise<MyReading> {
  const personId = requirePerson(actor);
  await requireVisibleItem(db, actor, itemId);
  const day = readOn ?? todayIso();
  // A day ahead of UTC is allowed: the organization's today may be UTC's tomorrow.
  if (day > addDays(todayIso(), 1))
    throw badRequest('library.readInFuture', { details: [{ path: 'body.readOn', message: 'In the future' }] });
  await db
    .insertInto('reading_log')
    .values({ person_id: personId, item_id: itemId, read_on: day })
    .onConflict((oc) => oc.columns(['person_id', 'item_id']).doUpdateSet({ read_on: day }))
    .execute();
  return (await myReadingOf(db, actor, itemId))!;
}

/** Takes back a solo reading (sessions attended stay: they are the meeting's record). */
export async function unmarkRead(db: Db, actor: Actor, itemId: number): Promise<void> {
  const personId = requirePerson(actor);
  await requireVisibleItem(db, actor, itemId);
  await db.deleteFrom('reading_log').where('person_id', '=', personId).where('item_id', '=', itemId).execute();
}

/** The member's whole log, latest first: solo readings and sessions attended, one entry per item. */
export async function myReadingLog(db: Db, actor: Actor): Promise<{ items: ReadingLogEntry[] }> {
  const personId = requirePerson(actor);
  const [solo, sessions] = await Promise.all([
    db
      .selectFrom('reading_log')
      .select(['item_id', sql<string>`read_on::text`.as('read_on')])
      .where('person_id', '=', personId)
      .execute(),
    sessionsQuery(db, personId).orderBy('m.meets_on').execute(),
  ]);
  const entries = new Map<number, MyReading>();
  const entry = (id: number) => entries.get(id) ?? entries.set(id, { readOn: null, sessions: [] }).get(id)!;
  for (const s of solo) entry(s.item_id).readOn = s.read_on;
  for (const s of sessions) entry(s.item_id).sessions.push({ meetingId: s.meeting_id, meetsOn: s.meets_on });
  const summaries = await selectSummaries(db, actor, [...entries.keys()]);
  const last = (r: MyReading) => [r.readOn ?? '', ...r.sessions.map((s) => s.meetsOn)].sort().at(-1)!;
  const items = summaries.map((item) => ({ item, ...entries.get(item.id)! }));
  items.sort((a, b) => last(b).localeCompare(last(a)) || b.item.id - a.item.id);
  return { items };
}

/** The items read at a meeting the actor may see. */
export async function getStudyReadings(db: Db, actor: Actor, meetingId: number) {
  const meeting = await selectMeetingInScope(db, actor, meetingId);
  if (!meeting) throw notFound('meeting.notFound');
  const rows = await itemsFrom(db)
    .innerJoin('study_readings as r', 'r.item_id', 'i.id')
    .select([summaryColumns(actor).as('summary')])
    .where('r.cell_id', '=', meeting.cell_id)
    .where('r.meeting_id', '=', meeting.id)
    .orderBy('i.title')
    .execute();
  return { meetingId: meeting.id, items: rows.map((r) => presentSummary(r.summary)) };
}

/** Sets the items read at a study meeting of a cell the actor manages (the whole set, replacing the last). */
export function setStudyReadings(db: Db, actor: Actor, meetingId: number, itemIds: number[]) {
  return inTransaction(db, async (trx) => {
    const meeting = await selectMeetingInScope(trx, actor, meetingId, 'manage', true);
    if (!meeting) throw notFound('meeting.notFound');
    if (meeting.kind !== STUDY_KIND) throw badRequest('library.notStudyMeeting');
    const ids = [...new Set(itemIds)];
    const missing = ids.length ? await missingPublished(trx, ids) : [];
    if (missing.length)
      throw badRequest('library.itemsNotFound', {
        params: { ids: missing.join(', ') },
        details: [{ path: 'body.itemIds', message: 'No such published item' }],
      });
    const before = await trx
      .selectFrom('study_readings')
      .select('item_id')
      .where('cell_id', '=', meeting.cell_id)
      .where('meeting_id', '=', meeting.id)
      .execute();
    await trx.deleteFrom('study_readings').where('cell_id', '=', meeting.cell_id).where('meeting_id', '=', meeting.id).execute();
    if (ids.length)
      await trx
        .insertInto('study_readings')
        .values(ids.map((item_id) => ({ cell_id: meeting.cell_id, meeting_id: meeting.id, item_id })))
        .execute();
    await recordAudit(trx, actor, {
      action: 'meeting.readings',
      entity: 'meeting',
      entityId: meeting.id,
      before: before.map((r) => r.item_id),
      after: ids,
    });
    return getStudyReadings(trx, actor, meeting.id);
  });
}

/** What the person marked read alone, for their data export (GET /me/export). */
export function selectSoloReadings(db: Db, personId: number) {
  return db
    .selectFrom('reading_log as r')
    .innerJoin('library_items as i', 'i.id', 'r.item_id')
    .select(['i.id as itemId', 'i.title', sql<string>`r.read_on::text`.as('readOn')])
    .where('r.person_id', '=', personId)
    .orderBy('r.read_on')
    .orderBy('i.id')
    .execute();
}

/** Erasure takes what the person read alone with it; the study meetings they attended stay the cell's record, under the erased name. */
export async function eraseReadingLog(db: Db, personId: number): Promise<void> {
  await db.deleteFrom('reading_log').where('person_id', '=', personId).execute();
}
