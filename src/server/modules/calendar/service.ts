/**
 * Secret calendar feeds: a member's (the meetings of every cell they are on the roll of) and a cell's.
 * The URL carries a random token stored only as a hash; anyone with the URL sees the feed, as with any
 * calendar subscription, so it shows meeting times and kinds, never people.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import type { Db } from '../../db/database.ts';
import { badRequest, notFound } from '../../errors.ts';
import { hashToken } from '../../http/auth.ts';
import { recordAudit } from '../audit/service.ts';
import { requireCell } from '../../access/lookups.ts';
import { renderCalendar } from './ics.ts';

const feedUrl = (token: string) => `/api/v1/calendar/${token}.ics`;

export async function createPersonFeed(db: Db, actor: Actor) {
  if (actor.personId === null) throw badRequest('calendar.noPerson');
  const token = randomBytes(32).toString('base64url');
  await db.insertInto('calendar_feeds').values({ token_hash: hashToken(token), person_id: actor.personId, created_by: actor.accountId }).execute();
  await recordAudit(db, actor, { action: 'calendar.create', entity: 'person', entityId: actor.personId });
  return { url: feedUrl(token) };
}

export async function createCellFeed(db: Db, actor: Actor, cellId: number) {
  const cell = await requireCell(db, actor, cellId, 'read');
  const token = randomBytes(32).toString('base64url');
  await db.insertInto('calendar_feeds').values({ token_hash: hashToken(token), cell_id: cell.id, created_by: actor.accountId }).execute();
  await recordAudit(db, actor, { action: 'calendar.create', entity: 'unit', entityId: cell.id });
  return { url: feedUrl(token) };
}

export async function renderFeed(db: Db, token: string): Promise<string> {
  const feed = await db.selectFrom('calendar_feeds').select(['person_id', 'cell_id'])
    .where('token_hash', '=', hashToken(token)).where('revoked_at', 'is', null).executeTakeFirst();
  if (!feed) throw notFound('calendar.notFound');
  const cellIds = feed.cell_id !== null ? [feed.cell_id]
    : (await db.selectFrom('memberships').select('cell_id').where('person_id', '=', feed.person_id!).where('to_date', 'is', null).execute()).map((r) => r.cell_id);
  const meetings = cellIds.length === 0 ? [] : await db.selectFrom('meetings as m').innerJoin('units as u', 'u.id', 'm.cell_id')
    .innerJoin('meeting_kinds as k', 'k.code', 'm.kind')
    .select(['m.id', 'm.cell_id', 'm.title', 'm.starts_at', 'm.status', 'm.updated_at', 'k.name_en', 'u.name as cellName'])
    .where('m.cell_id', 'in', cellIds).where('m.starts_at', '>=', sql<Date>`now() - interval '90 days'`)
    .orderBy('m.starts_at').limit(1000).execute();
  const name = feed.cell_id !== null ? `${meetings[0]?.cellName ?? 'Cell'} meetings` : 'My cell meetings';
  return renderCalendar(name, meetings.map((m) => ({
    uid: `meeting-${m.cell_id}-${m.id}@cellwork`,
    start: new Date(m.starts_at), durationMinutes: 90,
    summary: `${m.title ?? m.name_en} (${m.cellName})`,
    status: m.status === 'not_held' ? 'CANCELLED' : 'CONFIRMED',
    updated: new Date(m.updated_at),
  })));
}
