import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { pathInScope, type Need } from '../../access/scope.ts';
import type { Db } from '../../db/database.ts';

/** A meeting whose cell lies in the actor's scope, with the cell's path. */
export function selectMeetingInScope(db: Db, actor: Actor, id: number, need: Need = 'read', lock = false) {
  let q = db.selectFrom('meetings as m').innerJoin('units as u', 'u.id', 'm.cell_id').innerJoin('meeting_kinds as k', 'k.code', 'm.kind')
    .selectAll('m')
    .select([sql<string>`u.path::text`.as('path'), 'u.closed_on as cell_closed_on', 'k.quorum'])
    .where('m.id', '=', id)
    .where(pathInScope(actor, 'u.path', need));
  if (lock) q = q.forUpdate('m');
  return q.executeTakeFirst();
}

/** The cell's roll on a day: memberships active then (from_date <= day < to_date). */
export function selectRoll(db: Db, cellId: number, day: string) {
  return db.selectFrom('memberships as ms').innerJoin('people as p', 'p.id', 'ms.person_id')
    .select(['p.id as personId', 'p.full_name as fullName', 'ms.role'])
    .where('ms.cell_id', '=', cellId)
    .where('ms.from_date', '<=', day)
    .where((eb) => eb.or([eb('ms.to_date', 'is', null), eb('ms.to_date', '>', day)]))
    .orderBy('p.full_name').orderBy('p.id')
    .execute();
}

export function selectAttendance(db: Db, cellId: number, meetingId: number) {
  return db.selectFrom('attendance').select(['person_id', 'status', 'reason'])
    .where('cell_id', '=', cellId).where('meeting_id', '=', meetingId).execute();
}

export function selectActions(db: Db, cellId: number, where: { meetingId?: number; openBefore?: string; open?: boolean }) {
  let q = db.selectFrom('decision_actions as a').innerJoin('decisions as d', (j) => j.onRef('d.cell_id', '=', 'a.cell_id').onRef('d.id', '=', 'a.decision_id'))
    .leftJoin('people as p', 'p.id', 'a.owner_person_id')
    .select(['a.id', 'a.title', 'a.owner_person_id as ownerPersonId', 'p.full_name as ownerName', 'a.due_on as dueOn', 'a.status', 'a.closed_on as closedOn', 'a.decision_id as decisionId'])
    .where('a.cell_id', '=', cellId);
  if (where.meetingId !== undefined) q = q.where('d.meeting_id', '=', where.meetingId);
  if (where.open) q = q.where('a.status', '=', 'open');
  if (where.openBefore !== undefined) {
    q = q.where('a.status', '=', 'open').where('d.meeting_id', 'in',
      db.selectFrom('meetings').select('id').where('cell_id', '=', cellId).where('meets_on', '<', where.openBefore));
  }
  return q.orderBy('a.due_on').orderBy('a.id').execute();
}

export function selectMeetingCounts(db: Db, cellId: number, meetingIds: number[]) {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('attendance').select(['meeting_id',
    sql<number>`count(*) filter (where status = 'present')::int`.as('present'), sql<number>`count(*)::int`.as('expected')])
    .where('cell_id', '=', cellId).where('meeting_id', 'in', meetingIds).groupBy('meeting_id').execute();
}
