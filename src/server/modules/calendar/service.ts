/**
 * Secret calendar feeds: a member's (the meetings of every cell they are on the roll of) and a cell's.
 * The URL carries a random token stored only as a hash; anyone with the URL sees the feed, as with any
 * calendar subscription, so it shows meeting times and kinds, never people.
 *
 * A feed lasts only as long as its owner (the account that made it) could still see what it shows
 * (decision 0014): every fetch rebuilds the owner's access from their live grants, and revoking a grant
 * or erasing a person revokes the feeds it leaves without an owner who may read them.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { buildActor, liveGrantsJson, type Actor } from '../../access/actor.ts';
import type { Db } from '../../db/database.ts';
import { badRequest, notFound } from '../../errors.ts';
import { hashToken } from '../../http/auth.ts';
import { recordAudit } from '../audit/service.ts';
import { requireCell } from '../../access/lookups.ts';
import { pathInScope } from '../../access/scope.ts';
import { renderCalendar } from './ics.ts';

const feedUrl = (token: string) => `/api/v1/calendar/${token}.ics`;

export async function createPersonFeed(db: Db, actor: Actor) {
  if (actor.personId === null) throw badRequest('calendar.noPerson');
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('calendar_feeds')
    .values({ token_hash: hashToken(token), person_id: actor.personId, created_by: actor.accountId })
    .execute();
  await recordAudit(db, actor, { action: 'calendar.create', entity: 'person', entityId: actor.personId });
  return { url: feedUrl(token) };
}

export async function createCellFeed(db: Db, actor: Actor, cellId: number) {
  const cell = await requireCell(db, actor, cellId, 'read');
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('calendar_feeds')
    .values({ token_hash: hashToken(token), cell_id: cell.id, created_by: actor.accountId })
    .execute();
  await recordAudit(db, actor, { action: 'calendar.create', entity: 'unit', entityId: cell.id });
  return { url: feedUrl(token) };
}

/** The owner of a live feed, as an actor built from their live grants; undefined when the account is disabled or gone. */
async function feedOwner(db: Db, tokenHash: Buffer) {
  const row = await db
    .selectFrom('calendar_feeds as f')
    .innerJoin('accounts as a', 'a.id', 'f.created_by')
    .select(['f.person_id', 'f.cell_id', 'a.id', 'a.login', 'a.person_id as accountPersonId', liveGrantsJson('a.id').as('grants')])
    .where('f.token_hash', '=', tokenHash)
    .where('f.revoked_at', 'is', null)
    .where('a.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const owner = buildActor({ id: row.id, login: row.login, personId: row.accountPersonId }, row.grants, {
    csrfToken: null,
    sessionId: null,
  });
  return { feed: { personId: row.person_id, cellId: row.cell_id }, owner };
}

/** The cells a feed shows: its cell, or its person's, as far as the owner may read them today. */
async function feedCells(db: Db, feed: { personId: number | null; cellId: number | null }, owner: Actor): Promise<number[]> {
  if (feed.cellId !== null) {
    const cell = await db
      .selectFrom('units as u')
      .select('u.id')
      .where('u.id', '=', feed.cellId)
      .where(pathInScope(owner, 'u.path'))
      .executeTakeFirst();
    if (!cell) throw notFound('calendar.notFound');
    return [cell.id];
  }
  if (feed.personId === null || feed.personId !== owner.personId) throw notFound('calendar.notFound');
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('units as u', 'u.id', 'm.cell_id')
    .select('m.cell_id')
    .where('m.person_id', '=', feed.personId)
    .where('m.to_date', 'is', null)
    .where(pathInScope(owner, 'u.path'))
    .execute();
  return rows.map((r) => r.cell_id);
}

/**
 * Revokes the feeds of an account that no longer has an owner who may read them: all of them when the
 * account is disabled or gone, else cell feeds whose cell left its scope and personal feeds of a person
 * it no longer belongs to. Called in the transaction that revokes a grant.
 */
export async function revokeLapsedFeeds(db: Db, accountId: number): Promise<void> {
  const row = await db
    .selectFrom('accounts as a')
    .select(['a.id', 'a.login', 'a.person_id', 'a.disabled_at', liveGrantsJson('a.id').as('grants')])
    .where('a.id', '=', accountId)
    .executeTakeFirst();
  const owner =
    row && !row.disabled_at
      ? buildActor({ id: row.id, login: row.login, personId: row.person_id }, row.grants, { csrfToken: null, sessionId: null })
      : undefined;
  await db
    .updateTable('calendar_feeds as f')
    .set({ revoked_at: sql<Date>`now()` })
    .where('f.created_by', '=', accountId)
    .where('f.revoked_at', 'is', null)
    .where((eb) =>
      owner === undefined
        ? sql<boolean>`true`
        : eb.or([
            eb.and([
              eb('f.cell_id', 'is not', null),
              eb.not(
                eb.exists(
                  eb
                    .selectFrom('units as u')
                    .select(sql`1`.as('one'))
                    .whereRef('u.id', '=', 'f.cell_id')
                    .where(pathInScope(owner, 'u.path')),
                ),
              ),
            ]),
            eb.and([
              eb('f.person_id', 'is not', null),
              owner.personId === null ? sql<boolean>`true` : eb('f.person_id', '!=', owner.personId),
            ]),
          ]),
    )
    .execute();
}

/** Revokes a person's own feeds and every feed their accounts made: for erasure, in its transaction. */
export async function revokeFeedsOfPerson(db: Db, personId: number, accountIds: number[]): Promise<void> {
  await db
    .updateTable('calendar_feeds')
    .set({ revoked_at: sql<Date>`now()` })
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('person_id', '=', personId), ...(accountIds.length ? [eb('created_by', 'in', accountIds)] : [])]))
    .execute();
}

export async function renderFeed(db: Db, token: string): Promise<string> {
  const found = await feedOwner(db, hashToken(token));
  if (!found) throw notFound('calendar.notFound');
  const { feed, owner } = found;
  const cellIds = await feedCells(db, feed, owner);
  const meetings =
    cellIds.length === 0
      ? []
      : await db
          .selectFrom('meetings as m')
          .innerJoin('units as u', 'u.id', 'm.cell_id')
          .innerJoin('meeting_kinds as k', 'k.code', 'm.kind')
          .select(['m.id', 'm.cell_id', 'm.title', 'm.starts_at', 'm.status', 'm.updated_at', 'k.name_en', 'u.name as cellName'])
          .where('m.cell_id', 'in', cellIds)
          .where('m.starts_at', '>=', sql<Date>`now() - interval '90 days'`)
          .orderBy('m.starts_at')
          .limit(1000)
          .execute();
  const name = feed.cellId !== null ? `${meetings[0]?.cellName ?? 'Cell'} meetings` : 'My cell meetings';
  return renderCalendar(
    name,
    meetings.map((m) => ({
      uid: `meeting-${m.cell_id}-${m.id}@cellwork`,
      start: new Date(m.starts_at),
      durationMinutes: 90,
      summary: `${m.title ?? m.name_en} (${m.cellName})`,
      status: m.status === 'not_held' ? 'CANCELLED' : 'CONFIRMED',
      updated: new Date(m.updated_at),
    })),
  );
}
