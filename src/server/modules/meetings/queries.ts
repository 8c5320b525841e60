import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { pathInScope, type Need } from '../../access/scope.ts';
import { PREPARED, type Db } from '../../db/database.ts';

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

export type RollEntry = Awaited<ReturnType<typeof selectRoll>>[number];
export type AttendanceRow = { person_id: number; status: 'present' | 'excused' | 'absent'; reason: string | null };

/** The roll on the meeting's day (as selectRoll orders it) and what is recorded for the meeting, in one read. */
export async function selectRollAndAttendance(db: Db, cellId: number, meetingId: number, day: string): Promise<{ roll: RollEntry[]; saved: AttendanceRow[] }> {
  const { rows } = await sql<{ personId: number; fullName: string | null; role: RollEntry['role'] | null; status: AttendanceRow['status'] | null; reason: string | null }>`${sql.raw(PREPARED)}
    with roll as (
      select p.id, p.full_name, ms.role from memberships ms join people p on p.id = ms.person_id
      where ms.cell_id = ${cellId} and ms.from_date <= ${day}::date and (ms.to_date is null or ms.to_date > ${day}::date)),
    att as (select person_id, status, reason from attendance where cell_id = ${cellId} and meeting_id = ${meetingId})
    select coalesce(r.id, a.person_id) as "personId", r.full_name as "fullName", r.role, a.status, a.reason
    from roll r full join att a on a.person_id = r.id
    order by r.full_name, r.id`.execute(db);
  return {
    roll: rows.filter((r) => r.fullName !== null && r.role !== null).map((r) => ({ personId: r.personId, fullName: r.fullName!, role: r.role! })),
    saved: rows.filter((r) => r.status !== null).map((r) => ({ person_id: r.personId, status: r.status!, reason: r.reason })),
  };
}

/** A cell's follow-up actions, soonest due first; `open` keeps those not yet done or dropped. */
export function selectActions(db: Db, cellId: number, where: { open?: boolean }) {
  let q = db.selectFrom('decision_actions as a').leftJoin('people as p', 'p.id', 'a.owner_person_id')
    .select(['a.id', 'a.title', 'a.owner_person_id as ownerPersonId', 'p.full_name as ownerName', 'a.due_on as dueOn', 'a.status', 'a.closed_on as closedOn', 'a.decision_id as decisionId'])
    .where('a.cell_id', '=', cellId);
  if (where.open) q = q.where('a.status', '=', 'open');
  return q.orderBy('a.due_on').orderBy('a.id').execute();
}

type ActionEntry = Awaited<ReturnType<typeof selectActions>>[number];

/** The follow-up action as selectActions returns it, built in SQL for selectMeetingDetails. */
const actionJson = sql`json_build_object('id', a.id, 'title', a.title, 'ownerPersonId', a.owner_person_id, 'ownerName', p.full_name,
  'dueOn', a.due_on, 'status', a.status, 'closedOn', a.closed_on, 'decisionId', a.decision_id) order by a.due_on, a.id`;

/**
 * What a meeting page shows beside the roll, in one read: agenda, decisions, their actions, and the
 * actions still open from earlier meetings (which stay on the agenda until closed).
 */
export async function selectMeetingDetails(db: Db, cellId: number, meetingId: number, meetsOn: string) {
  const { rows } = await sql<{ agenda: Array<{ id: number; title: string }>; decisions: Array<{ id: number; text: string }>; actions: ActionEntry[]; openActions: ActionEntry[] }>`${sql.raw(PREPARED)}
    select
      (select coalesce(json_agg(json_build_object('id', i.id, 'title', i.title) order by i.position), '[]') from agenda_items i
        where i.cell_id = ${cellId} and i.meeting_id = ${meetingId}) as agenda,
      (select coalesce(json_agg(json_build_object('id', d.id, 'text', d.text) order by d.id), '[]') from decisions d
        where d.cell_id = ${cellId} and d.meeting_id = ${meetingId}) as decisions,
      (select coalesce(json_agg(${actionJson}), '[]') from decision_actions a
        join decisions d on d.cell_id = a.cell_id and d.id = a.decision_id left join people p on p.id = a.owner_person_id
        where a.cell_id = ${cellId} and d.meeting_id = ${meetingId}) as actions,
      (select coalesce(json_agg(${actionJson}), '[]') from decision_actions a
        join decisions d on d.cell_id = a.cell_id and d.id = a.decision_id left join people p on p.id = a.owner_person_id
        join meetings m on m.cell_id = d.cell_id and m.id = d.meeting_id
        where a.cell_id = ${cellId} and a.status = 'open' and m.meets_on < ${meetsOn}::date) as "openActions"`.execute(db);
  return rows[0]!;
}

export function selectMeetingCounts(db: Db, cellId: number, meetingIds: number[]) {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('attendance').select(['meeting_id',
    sql<number>`count(*) filter (where status = 'present')::int`.as('present'), sql<number>`count(*)::int`.as('expected')])
    .where('cell_id', '=', cellId).where('meeting_id', 'in', meetingIds).groupBy('meeting_id').execute();
}
