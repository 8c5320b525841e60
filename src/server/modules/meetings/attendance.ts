/**
 * Recording a meeting: the whole roll in one request, every member on the roll that day as present,
 * excused or absent, so rates are true. Saving marks the meeting held, bumps its version (optimistic
 * concurrency), audits what changed, opens follow-ups for members absent too often in a row, and
 * brings the cell's metrics and verdicts up to date in the same transaction (its committees' roll-ups
 * follow a moment later: decision 0022).
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { inTransaction, PREPARED, type Db } from '../../db/database.ts';
import { badRequest, notFound } from '../../errors.ts';
import type { Meeting, SaveAttendance } from '../../../shared/schemas/meetings.ts';
import { auditInsert, recordAudit } from '../audit/service.ts';
import type { Fact } from '../compliance/plugin.ts';
import { todayIso } from '../compliance/periods.ts';
import { lockedMonthsOf } from '../compliance/refresh.ts';
import { inForce } from '../compliance/standards.ts';
import { lockMeetingWithRoll, type AttendanceRow } from './queries.ts';
import { assertVersion, getMeeting, lockMeeting, refreshMeetingPeriod } from './service.ts';

/** What saving a roll changes: the meeting (now held), its attendance, and follow-ups it may open today. */
const SAVE_FACTS: readonly Fact[] = ['meetings', 'attendance', 'follow_ups'];

/**
 * `futureLeewayMs`: how far past the server's clock the meeting may start and still be recorded. Online it
 * is 0; the offline sync passes a few minutes, since a phone's clock runs ahead (decision 0034).
 */
export function saveAttendance(
  db: Db,
  actor: Actor,
  meetingId: number,
  input: SaveAttendance,
  { futureLeewayMs = 0 }: { futureLeewayMs?: number } = {},
): Promise<Meeting> {
  return inTransaction(db, async (trx) => {
    const today = todayIso();
    // The engine's month locks ride on the first read, so the refresh at the end is its statement alone.
    const locked = await lockMeetingWithRoll(trx, actor, meetingId, (meetsOn) =>
      lockedMonthsOf([meetsOn, sql`${today}::date`], SAVE_FACTS),
    );
    if (!locked) throw notFound('meeting.notFound');
    const { meeting: m, roll, saved: before, details } = locked;
    if (new Date(m.starts_at).getTime() > Date.now() + futureLeewayMs) throw badRequest('meeting.notBegun');
    checkCoversRoll(
      roll.map((r) => r.personId),
      input.records.map((r) => r.personId),
    );
    const next = input.records.map((r) => ({
      person_id: r.personId,
      status: r.status,
      reason: r.status === 'present' ? null : r.reason || null,
    }));
    const changed = diffAttendance(before, next);
    if (m.status === 'held' && changed.length === 0) return getMeeting(trx, actor, meetingId, locked); // the same roll again
    assertVersion(m, input.version);
    await writeRoll(
      trx,
      m,
      next,
      auditInsert(trx, actor, {
        action: m.status === 'held' ? 'attendance.correct' : 'attendance.record',
        entity: 'meeting',
        entityId: m.id,
        before: { status: m.status, records: changed.map((c) => c.before) },
        after: { status: 'held', records: changed.map((c) => c.after) },
      }),
    );
    await openAbsenceFollowUps(
      trx,
      m.cell_id,
      m.kind,
      next.filter((r) => r.status === 'absent').map((r) => r.person_id),
    );
    await refreshMeetingPeriod(trx, m.cell_id, m.meets_on, [{ fact: 'follow_ups', on: today }], locked.months);
    const meeting = { ...m, status: 'held' as const, not_held_reason: null, version: m.version + 1 };
    return getMeeting(trx, actor, meetingId, { meeting, roll, saved: next, details });
  });
}

/**
 * One statement: the roll's rows replace the recorded ones (unchanged rows stay untouched), the
 * meeting is marked held with a new version, and the audit entry is written.
 */
async function writeRoll(
  db: Db,
  m: { cell_id: number; id: number; meets_on: string },
  rows: AttendanceRow[],
  audit: ReturnType<typeof auditInsert>,
): Promise<void> {
  const ids = rows.map((r) => r.person_id);
  await sql`${sql.raw(PREPARED)}
    with gone as (delete from attendance where cell_id = ${m.cell_id} and meeting_id = ${m.id} and person_id <> all(${ids}::bigint[])),
    put as (
      insert into attendance (cell_id, meeting_id, meets_on, person_id, status, reason)
      select ${m.cell_id}, ${m.id}, ${m.meets_on}::date, r.person_id, r.status, r.reason
      from unnest(${ids}::bigint[], ${rows.map((r) => r.status)}::text[], ${rows.map((r) => r.reason)}::text[]) as r(person_id, status, reason)
      on conflict (cell_id, meeting_id, person_id) do update set status = excluded.status, reason = excluded.reason
      where (attendance.status, attendance.reason) is distinct from (excluded.status, excluded.reason)),
    audit as (${audit})
    update meetings set status = 'held', not_held_reason = null, version = version + 1, updated_at = now()
    where cell_id = ${m.cell_id} and id = ${m.id}`.execute(db);
}

/** "The cell did not meet" is a fact to record too. */
export function markNotHeld(db: Db, actor: Actor, meetingId: number, input: { reason: string; version?: number }): Promise<Meeting> {
  return inTransaction(db, async (trx) => {
    const m = await lockMeeting(trx, actor, meetingId, input.version);
    if (m.status === 'not_held' && m.not_held_reason === input.reason) return getMeeting(trx, actor, meetingId);
    await trx.deleteFrom('attendance').where('cell_id', '=', m.cell_id).where('meeting_id', '=', m.id).execute();
    await trx
      .updateTable('meetings')
      .set({ status: 'not_held', not_held_reason: input.reason, version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
      .where('cell_id', '=', m.cell_id)
      .where('id', '=', m.id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'meeting.not-held',
      entity: 'meeting',
      entityId: m.id,
      before: { status: m.status },
      after: { status: 'not_held', reason: input.reason },
    });
    await refreshMeetingPeriod(trx, m.cell_id, m.meets_on);
    return getMeeting(trx, actor, meetingId);
  });
}

function checkCoversRoll(roll: number[], sent: number[]): void {
  const onRoll = new Set(roll);
  const seen = new Set<number>();
  const duplicates = sent.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
  const notOnRoll = sent.filter((id) => !onRoll.has(id));
  const missing = roll.filter((id) => !seen.has(id));
  if (duplicates.length || notOnRoll.length || missing.length) {
    throw badRequest('attendance.rollMismatch', { details: { duplicates, notOnRoll, missing } });
  }
}

type Row = { person_id: number; status: string; reason: string | null };

function diffAttendance(before: Row[], after: Row[]) {
  const old = new Map(before.map((r) => [r.person_id, r]));
  return after
    .filter((r) => {
      const o = old.get(r.person_id);
      return !o || o.status !== r.status || o.reason !== r.reason;
    })
    .map((r) => ({ before: old.get(r.person_id) ?? null, after: r }))
    .concat(
      before.filter((r) => !after.some((a) => a.person_id === r.person_id)).map((r) => ({ before: r, after: null as unknown as Row })),
    );
}

/**
 * A member absent (not excused) from the last N held meetings of the rulebook's kind gets a follow-up
 * item for the secretary, unless one is already open.
 *
 * A member's last N meetings are read from the cell's last 3N held meetings of the kind (`recent`: a
 * few index lookups on pages the save has just warmed) whenever they were on N of those rolls, which
 * is nearly always; only someone who missed more rolls than that (a member who moved away and back)
 * has their whole history in the cell scanned. Scanning it for everyone read a page per meeting of the
 * year for each absentee, mostly from outside the buffer cache (2 to 3 ms a save at scale M).
 */
async function openAbsenceFollowUps(db: Db, cellId: number, kind: string, absent: number[]): Promise<void> {
  if (absent.length === 0) return;
  const today = todayIso();
  // The newest version in force today decides; it applies to this meeting only if it counts this kind.
  const rule = db
    .selectFrom('standards')
    .select('params')
    .where('kind', '=', 'absence_follow_up')
    .where(inForce('standards', today))
    .orderBy('valid_from', 'desc')
    .limit(1);
  await sql`${sql.raw(PREPARED)}
    with rule as materialized (select coalesce((params->>'consecutive')::int, 3) as n from (${rule}) r where r.params->>'kind' = ${kind}),
    recent as materialized (
      select m.id, m.meets_on from meetings m
      where m.cell_id = ${cellId} and m.kind = ${kind} and m.status = 'held' and exists (select 1 from rule)
      order by m.meets_on desc, m.id desc limit (select 3 * n from rule))
    insert into follow_ups (cell_id, person_id, reason, created_on)
    select ${cellId}, p.person_id, 'repeated_absence', ${today}::date
    from rule
    cross join unnest(${absent}::bigint[]) as p(person_id)
    cross join lateral (
      select count(*) as rolls, array_agg(a.status order by r.meets_on desc, r.id desc) as statuses
      from recent r join attendance a on a.cell_id = ${cellId} and a.meeting_id = r.id and a.person_id = p.person_id) w
    where case when w.rolls >= rule.n then w.statuses[1:rule.n] <@ array['absent']
      else (select count(*) = rule.n and bool_and(last.status = 'absent') from (
        select a.status from attendance a join meetings m on m.cell_id = a.cell_id and m.id = a.meeting_id
        where a.cell_id = ${cellId} and a.person_id = p.person_id and m.kind = ${kind} and m.status = 'held'
        order by m.meets_on desc, m.id desc limit rule.n) last) end
    on conflict (cell_id, person_id, reason) where resolved_on is null do nothing`.execute(db);
}
