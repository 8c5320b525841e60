/** Mentorships' SQL (issue 13): one mentorship with its cell's path, a cell's list, a person's own. */
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { LogEntry, Mentorship } from '../../../shared/schemas/mentorships.ts';

/** The columns every list shows: the pair's names, the mentee's other cell, the log's counts. */
function listQuery(db: Db) {
  return db
    .selectFrom('mentorships as ms')
    .innerJoin('units as u', 'u.id', 'ms.cell_id')
    .innerJoin('people as mr', 'mr.id', 'ms.mentor_id')
    .innerJoin('people as me', 'me.id', 'ms.mentee_id')
    .leftJoin('units as mc', 'mc.id', 'ms.mentee_cell_id')
    .selectAll('ms')
    .select([
      'u.name as cell_name',
      sql<string>`u.path::text`.as('path'),
      'mr.full_name as mentor_name',
      'me.full_name as mentee_name',
      'mc.name as mentee_cell_name',
      sql<number>`(select count(*)::int from mentorship_log l where l.cell_id = ms.cell_id and l.mentorship_id = ms.id and l.kind = 'meeting')`.as(
        'meetings',
      ),
      sql<number>`(select count(*)::int from mentorship_log l where l.cell_id = ms.cell_id and l.mentorship_id = ms.id and l.kind = 'review')`.as(
        'reviews',
      ),
      sql<
        string | null
      >`(select max(l.met_on)::text from mentorship_log l where l.cell_id = ms.cell_id and l.mentorship_id = ms.id and l.kind = 'meeting')`.as(
        'last_met_on',
      ),
    ]);
}
export type MentorshipRow = Awaited<ReturnType<ReturnType<typeof listQuery>['executeTakeFirstOrThrow']>>;

export function toMentorship(r: MentorshipRow): Mentorship {
  return {
    id: Number(r.id),
    cellId: Number(r.cell_id),
    cellName: r.cell_name,
    kind: r.kind,
    mentor: { id: Number(r.mentor_id), fullName: r.mentor_name },
    mentee: { id: Number(r.mentee_id), fullName: r.mentee_name },
    menteeCell: r.mentee_cell_id === null ? null : { id: Number(r.mentee_cell_id), name: r.mentee_cell_name ?? '' },
    goals: r.goals,
    startedOn: r.started_on,
    endedOn: r.ended_on,
    outcome: r.outcome,
    meetings: Number(r.meetings),
    lastMetOn: r.last_met_on,
    reviews: Number(r.reviews),
  };
}

/** One mentorship by id (no scope: the service decides who may see it), optionally locked. */
export function selectMentorship(db: Db, id: number, lock = false) {
  let q = listQuery(db).where('ms.id', '=', id);
  if (lock) q = q.forUpdate('ms');
  return q.executeTakeFirst();
}

export function selectCellMentorships(db: Db, cellId: number, status: 'active' | 'ended' | 'all') {
  let q = listQuery(db).where('ms.cell_id', '=', cellId);
  if (status === 'active') q = q.where('ms.ended_on', 'is', null);
  if (status === 'ended') q = q.where('ms.ended_on', 'is not', null);
  return q
    .orderBy('ms.ended_on', (o) => o.desc().nullsFirst())
    .orderBy('ms.started_on', 'desc')
    .orderBy('ms.id', 'desc')
    .execute();
}

/** The person's mentorships as mentor or mentee, active ones first. */
export function selectMentorshipsOf(db: Db, personId: number) {
  return listQuery(db)
    .where((eb) => eb.or([eb('ms.mentor_id', '=', personId), eb('ms.mentee_id', '=', personId)]))
    .orderBy('ms.ended_on', (o) => o.desc().nullsFirst())
    .orderBy('ms.started_on', 'desc')
    .execute();
}

export async function selectLog(db: Db, cellId: number, mentorshipId: number): Promise<LogEntry[]> {
  const rows = await db
    .selectFrom('mentorship_log as l')
    .leftJoin('people as p', 'p.id', 'l.written_by_person')
    .select(['l.id', 'l.kind', 'l.met_on', 'l.meeting_id', 'l.note', 'l.created_at', 'p.full_name'])
    .where('l.cell_id', '=', cellId)
    .where('l.mentorship_id', '=', mentorshipId)
    .orderBy('l.met_on', 'desc')
    .orderBy('l.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    kind: r.kind,
    metOn: r.met_on,
    meetingId: r.meeting_id === null ? null : Number(r.meeting_id),
    note: r.note,
    writtenBy: r.full_name,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

/** The cells (with their paths) where the person is on the roll on `day`, with their role. */
export function selectCurrentMemberships(db: Db, personId: number, day: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('units as u', 'u.id', 'm.cell_id')
    .select(['m.cell_id', 'm.role', sql<string>`u.path::text`.as('path')])
    .where('m.person_id', '=', personId)
    .where('m.from_date', '<=', day)
    .where((eb) => eb.or([eb('m.to_date', 'is', null), eb('m.to_date', '>', day)]))
    .execute();
}

/** Whether the person is a young person of one of the cell's open youth groups. */
export async function isYoungPersonOf(db: Db, cellId: number, personId: number): Promise<boolean> {
  const row = await db
    .selectFrom('youth_group_members as y')
    .innerJoin('youth_groups as g', (j) => j.onRef('g.cell_id', '=', 'y.cell_id').onRef('g.id', '=', 'y.group_id'))
    .select('y.person_id')
    .where('y.cell_id', '=', cellId)
    .where('y.person_id', '=', personId)
    .where('g.closed_on', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}
