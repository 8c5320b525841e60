import { sql, type RawBuilder } from 'kysely';
import type { LockedMonth } from '../compliance/refresh.ts';
import type { Actor } from '../../access/actor.ts';
import { pathInScope, type Need } from '../../access/scope.ts';
import { PREPARED, type Db } from '../../db/database.ts';

/** A meeting whose cell lies in the actor's scope, with the cell's path. */
export function selectMeetingInScope(db: Db, actor: Actor, id: number, need: Need = 'read', lock = false) {
  let q = db
    .selectFrom('meetings as m')
    .innerJoin('units as u', 'u.id', 'm.cell_id')
    .innerJoin('meeting_kinds as k', 'k.code', 'm.kind')
    .selectAll('m')
    .select([sql<string>`u.path::text`.as('path'), 'u.closed_on as cell_closed_on', 'k.quorum'])
    .where('m.id', '=', id)
    .where(pathInScope(actor, 'u.path', need));
  if (lock) q = q.forUpdate('m');
  return q.executeTakeFirst();
}

/** The cell's roll on a day: memberships active then (from_date <= day < to_date). */
export function selectRoll(db: Db, cellId: number, day: string) {
  return db
    .selectFrom('memberships as ms')
    .innerJoin('people as p', 'p.id', 'ms.person_id')
    .select(['p.id as personId', 'p.full_name as fullName', 'ms.role'])
    .where('ms.cell_id', '=', cellId)
    .where('ms.from_date', '<=', day)
    .where((eb) => eb.or([eb('ms.to_date', 'is', null), eb('ms.to_date', '>', day)]))
    .orderBy('p.full_name')
    .orderBy('p.id')
    .execute();
}

export type RollEntry = Awaited<ReturnType<typeof selectRoll>>[number];
export type AttendanceRow = { person_id: number; status: 'present' | 'excused' | 'absent'; reason: string | null };
export type MeetingInScope = NonNullable<Awaited<ReturnType<typeof selectMeetingInScope>>>;
/** What a caller that has just read (or written) a meeting holds: its row, its roll and what is recorded. */
export type Known = { meeting: MeetingInScope; roll: RollEntry[]; saved: AttendanceRow[]; details?: MeetingDetails };

type RollAndAttendance = {
  personId: number;
  fullName: string | null;
  role: RollEntry['role'] | null;
  status: AttendanceRow['status'] | null;
  reason: string | null;
};

/** The memberships on the roll of a cell on a day (from_date <= day < to_date), over SQL expressions. */
const rollOn = (cellId: RawBuilder<unknown>, day: RawBuilder<unknown>) => sql`
  select p.id, p.full_name, ms.role from memberships ms join people p on p.id = ms.person_id
  where ms.cell_id = ${cellId} and ms.from_date <= ${day} and (ms.to_date is null or ms.to_date > ${day})`;

/** The roll on the meeting's day (as selectRoll orders it) and what is recorded for the meeting, in one read. */
export async function selectRollAndAttendance(
  db: Db,
  cellId: number,
  meetingId: number,
  day: string,
): Promise<{ roll: RollEntry[]; saved: AttendanceRow[] }> {
  const { rows } = await sql<RollAndAttendance>`${sql.raw(PREPARED)}
    with roll as (${rollOn(sql`${cellId}::bigint`, sql`${day}::date`)}),
    att as (select person_id, status, reason from attendance where cell_id = ${cellId} and meeting_id = ${meetingId})
    select coalesce(r.id, a.person_id) as "personId", r.full_name as "fullName", r.role, a.status, a.reason
    from roll r full join att a on a.person_id = r.id
    order by r.full_name, r.id`.execute(db);
  return splitRoll(rows);
}

function splitRoll(rows: RollAndAttendance[]): { roll: RollEntry[]; saved: AttendanceRow[] } {
  return {
    roll: rows
      .filter((r) => r.fullName !== null && r.role !== null)
      .map((r) => ({ personId: r.personId, fullName: r.fullName!, role: r.role! })),
    saved: rows.filter((r) => r.status !== null).map((r) => ({ person_id: r.personId, status: r.status!, reason: r.reason })),
  };
}

/** A cell's follow-up actions, soonest due first; `open` keeps those not yet done or dropped. */
export function selectActions(db: Db, cellId: number, where: { open?: boolean }) {
  let q = db
    .selectFrom('decision_actions as a')
    .leftJoin('people as p', 'p.id', 'a.owner_person_id')
    .select([
      'a.id',
      'a.title',
      'a.owner_person_id as ownerPersonId',
      'p.full_name as ownerName',
      'a.due_on as dueOn',
      'a.status',
      'a.closed_on as closedOn',
      'a.decision_id as decisionId',
    ])
    .where('a.cell_id', '=', cellId);
  if (where.open) q = q.where('a.status', '=', 'open');
  return q.orderBy('a.due_on').orderBy('a.id').execute();
}

type ActionEntry = Awaited<ReturnType<typeof selectActions>>[number];

/** The follow-up action as selectActions returns it, built in SQL for selectMeetingDetails. */
const actionJson = sql`json_build_object('id', a.id, 'title', a.title, 'ownerPersonId', a.owner_person_id, 'ownerName', p.full_name,
  'dueOn', a.due_on, 'status', a.status, 'closedOn', a.closed_on, 'decisionId', a.decision_id) order by a.due_on, a.id`;

export type MeetingDetails = {
  agenda: Array<{ id: number; title: string }>;
  decisions: Array<{ id: number; text: string }>;
  actions: ActionEntry[];
  openActions: ActionEntry[];
};

/** The columns of selectMeetingDetails over SQL expressions for the meeting's cell, id and day. */
const detailColumns = (cellId: RawBuilder<unknown>, meetingId: RawBuilder<unknown>, meetsOn: RawBuilder<unknown>) => sql`
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
        where a.cell_id = ${cellId} and a.status = 'open' and m.meets_on < ${meetsOn}) as "openActions"`;

/**
 * What a meeting page shows beside the roll, in one read: agenda, decisions, their actions, and the
 * actions still open from earlier meetings (which stay on the agenda until closed).
 */
export async function selectMeetingDetails(db: Db, cellId: number, meetingId: number, meetsOn: string): Promise<MeetingDetails> {
  const { rows } = await sql<MeetingDetails>`${sql.raw(PREPARED)}
    select ${detailColumns(sql`${cellId}::bigint`, sql`${meetingId}::bigint`, sql`${meetsOn}::date`)}`.execute(db);
  return rows[0]!;
}

/**
 * For a change of the roll, in one round trip: the manageable meeting, locked (FOR UPDATE), with the
 * roll on its day, what is recorded for it and its details (none of which the change touches).
 * Undefined when the meeting is not there for the actor (404).
 */
export async function lockMeetingWithRoll(
  db: Db,
  actor: Actor,
  id: number,
  refreshLocks: (meetsOn: RawBuilder<unknown>) => RawBuilder<LockedMonth[]>,
): Promise<(Known & { details: MeetingDetails; months: LockedMonth[] }) | undefined> {
  const {
    rows: [row],
  } = await sql<MeetingInScope & MeetingDetails & { entries: RollAndAttendance[]; months: LockedMonth[] }>`${sql.raw(PREPARED)}
    with locked as materialized (
      select m.cell_id, m.id, m.kind, m.title, m.starts_at, m.meets_on, m.status, m.not_held_reason, m.minutes, m.version,
        m.created_at, m.created_by, m.updated_at, u.path::text as path, u.closed_on as cell_closed_on, k.quorum
      from meetings m join units u on u.id = m.cell_id join meeting_kinds k on k.code = m.kind
      where m.id = ${id}::bigint and ${pathInScope(actor, 'u.path', 'manage')}
      for update of m)
    select locked.*,
      (select coalesce(json_agg(json_build_object('personId', coalesce(r.id, a.person_id), 'fullName', r.full_name, 'role', r.role,
          'status', a.status, 'reason', a.reason) order by r.full_name, r.id), '[]')
        from (${rollOn(sql`locked.cell_id`, sql`locked.meets_on`)}) r
        full join (select person_id, status, reason from attendance where cell_id = locked.cell_id and meeting_id = locked.id) a on a.person_id = r.id) as entries,
      ${detailColumns(sql`locked.cell_id`, sql`locked.id`, sql`locked.meets_on`)},
      ${refreshLocks(sql`locked.meets_on`)} as months
    from locked`.execute(db);
  if (!row) return undefined;
  const { entries, agenda, decisions, actions, openActions, months, ...meeting } = row;
  return { meeting, ...splitRoll(entries), details: { agenda, decisions, actions, openActions }, months };
}

export function selectMeetingCounts(db: Db, cellId: number, meetingIds: number[]) {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('attendance')
    .select([
      'meeting_id',
      sql<number>`count(*) filter (where status = 'present')::int`.as('present'),
      sql<number>`count(*)::int`.as('expected'),
    ])
    .where('cell_id', '=', cellId)
    .where('meeting_id', 'in', meetingIds)
    .groupBy('meeting_id')
    .execute();
}
