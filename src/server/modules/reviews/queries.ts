/** The SQL of review sessions: the review meeting in scope, feedback about a person as its readers may see it. */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { pathInScope } from '../../access/scope.ts';
import type { Db } from '../../db/database.ts';
import { REVIEW_LIMITS } from '../../../shared/schemas/reviews.ts';
import { addDays, todayIso } from '../compliance/periods.ts';

/**
 * A meeting the actor may read, with its cell's path and its closing. `share` locks the meeting row
 * against a concurrent close (which takes it for update), so nothing is written into a closed session.
 */
export async function selectReviewMeeting(db: Db, actor: Actor, id: number, lock: 'share' | 'update' | null = null) {
  let q = db
    .selectFrom('meetings as m')
    .innerJoin('units as u', 'u.id', 'm.cell_id')
    .leftJoin('review_closures as c', (j) => j.onRef('c.cell_id', '=', 'm.cell_id').onRef('c.meeting_id', '=', 'm.id'))
    .select(['m.cell_id', 'm.id', 'm.kind', 'm.meets_on', 'm.status', 'c.closed_at', sql<string>`u.path::text`.as('path')])
    .where('m.id', '=', id)
    .where(pathInScope(actor, 'u.path', 'read'));
  if (lock === 'share') q = q.forShare('m');
  if (lock === 'update') q = q.forUpdate('m');
  const row = await q.executeTakeFirst();
  if (!row) return undefined;
  const closesOn = addDays(row.meets_on, REVIEW_LIMITS.openDays);
  return { ...row, closesOn, closed: row.closed_at !== null || closesOn < todayIso() };
}
export type ReviewMeeting = NonNullable<Awaited<ReturnType<typeof selectReviewMeeting>>>;

/** A review session is closed once its secretary closed it or `openDays` after the meeting (as SQL, for lists). */
const closedSql = () => sql<boolean>`(c.meeting_id is not null or m.meets_on + ${REVIEW_LIMITS.openDays}::int < ${todayIso()}::date)`;

type FeedbackRow = {
  meetingId: number;
  meetsOn: string;
  text: string;
  anonymous: boolean;
  authorId: number | null;
  authorName: string | null;
};
type SessionRow = { meetingId: number; meetsOn: string; closed: boolean; authors: number; anonymous: number };

/**
 * Feedback about a person in the review sessions `cells` allows (null: every cell, for the person
 * themself), optionally one meeting. Anonymous items come only from closed sessions where at least
 * `anonymousAuthors` distinct author keys wrote about the person; the author key never leaves the
 * database, and items are ordered by their text, never by when they were written.
 */
export async function selectFeedbackAbout(db: Db, personId: number, cells: string[] | null, meetingId?: number) {
  const { rows: sessions } = await sql<SessionRow>`
    select m.id as "meetingId", m.meets_on::text as "meetsOn", ${closedSql()} as closed,
      count(distinct f.author_key)::int as authors, count(f.author_key)::int as anonymous
    from feedback f
    join meetings m on m.cell_id = f.cell_id and m.id = f.meeting_id
    join units u on u.id = m.cell_id
    left join review_closures c on c.cell_id = m.cell_id and c.meeting_id = m.id
    where f.about_person_id = ${personId}
      and ${meetingId === undefined ? sql`true` : sql`m.id = ${meetingId}`}
      and ${cells === null ? sql`true` : sql`u.path <@ any(${cells}::ltree[])`}
    group by m.cell_id, m.id, m.meets_on, c.meeting_id
    order by m.meets_on desc, m.id desc`.execute(db);
  const released = sessions.filter((s) => s.closed && s.authors >= REVIEW_LIMITS.anonymousAuthors).map((s) => s.meetingId);
  const { rows: items } = await sql<FeedbackRow>`
    select f.meeting_id as "meetingId", m.meets_on::text as "meetsOn", f.text, f.author_key is not null as anonymous,
      f.author_person_id as "authorId", p.full_name as "authorName"
    from feedback f
    join meetings m on m.cell_id = f.cell_id and m.id = f.meeting_id
    left join people p on p.id = f.author_person_id
    where f.about_person_id = ${personId} and f.meeting_id = any(${sessions.map((s) => s.meetingId)}::bigint[])
      and (f.author_key is null or f.meeting_id = any(${released}::bigint[]))
    order by m.meets_on desc, f.meeting_id desc, f.text collate "C", f.author_person_id nulls first`.execute(db);
  return { sessions, items };
}

/** Feedback the person wrote: named items by their id, anonymous ones by the author keys the server computed. */
export async function selectFeedbackBy(db: Db, personId: number, keys: Array<{ meetingId: number; key: string }>, meetingId?: number) {
  const { rows } = await sql<{
    meetingId: number;
    meetsOn: string;
    aboutPersonId: number;
    aboutName: string;
    text: string;
    anonymous: boolean;
  }>`
    select f.meeting_id as "meetingId", m.meets_on::text as "meetsOn", f.about_person_id as "aboutPersonId", p.full_name as "aboutName",
      f.text, f.author_key is not null as anonymous
    from feedback f
    join meetings m on m.cell_id = f.cell_id and m.id = f.meeting_id
    join people p on p.id = f.about_person_id
    where (f.author_person_id = ${personId}
      or (f.meeting_id, f.author_key) in (select * from unnest(${keys.map((k) => k.meetingId)}::bigint[], ${keys.map((k) => k.key)}::text[])))
      and ${meetingId === undefined ? sql`true` : sql`f.meeting_id = ${meetingId}`}
    order by m.meets_on desc, f.meeting_id desc, p.full_name, f.text collate "C"`.execute(db);
  return rows;
}

/** The review meetings with anonymous feedback in the cells the person belonged to: where their own items may be. */
export async function selectAnonymousSessionsOf(db: Db, personId: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    select distinct f.meeting_id as id from feedback f
    where f.author_key is not null and f.cell_id in (select ms.cell_id from memberships ms where ms.person_id = ${personId})`.execute(db);
  return rows.map((r) => r.id);
}

/** The member's attendance at their cell's held meetings in the months before a session (and on its day). */
export function selectOwnAttendance(db: Db, cellId: number, personId: number, until: string, months: number) {
  return db
    .selectFrom('meetings as m')
    .leftJoin('attendance as a', (j) =>
      j.onRef('a.cell_id', '=', 'm.cell_id').onRef('a.meeting_id', '=', 'm.id').on('a.person_id', '=', personId),
    )
    .select(['m.id as meetingId', sql<string>`m.meets_on::text`.as('meetsOn'), 'm.kind', 'a.status'])
    .where('m.cell_id', '=', cellId)
    .where('m.status', '=', 'held')
    .where('m.meets_on', '<=', until)
    .where('m.meets_on', '>', sql<string>`(${until}::date - make_interval(months => ${months}))::date`)
    .orderBy('m.meets_on', 'desc')
    .orderBy('m.id', 'desc')
    .execute();
}
