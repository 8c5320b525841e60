/**
 * Mentorships (issue 13, tasks 8 and 9; decision 0025): a cell's secretary (or an official over the
 * cell) pairs a mentor on the cell's roll with a mentee: a member who is struggling (one takes one,
 * possibly of another cell the secretary manages: help across shifts and teams), a young person of
 * one of the cell's youth groups, or one of the cell's current candidates. The mentor (or the
 * secretary) logs their meetings; the secretary reviews the mentorship at the cell's review sessions
 * and ends it with an outcome. The log is read by the pair, the secretary and officials above only.
 */
import { canManagePath, storedAccountId, type Actor } from '../../access/actor.ts';
import { requireCell } from '../../access/lookups.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { badRequest, conflict, forbidden, notFound } from '../../errors.ts';
import type { EndMentorship, LogMeeting, MentorshipDetail, PairMentor, ReviewMentorship } from '../../../shared/schemas/mentorships.ts';
import { recordAudit } from '../audit/service.ts';
import { refreshFacts } from '../compliance/engine.ts';
import { todayIso } from '../compliance/periods.ts';
import { selectRoll } from '../meetings/queries.ts';
import * as q from './queries.ts';

const changed = (...days: string[]) => [...new Set(days)].map((on) => ({ fact: 'mentorships' as const, on }));

/** Who the actor is for this mentorship: one of the pair, someone who manages its cell, or nobody (404). */
function relation(actor: Actor, m: q.MentorshipRow) {
  const manages = canManagePath(actor, m.path);
  const mentor = actor.personId !== null && Number(m.mentor_id) === actor.personId;
  const mentee = actor.personId !== null && Number(m.mentee_id) === actor.personId;
  return { manages, mentor, mentee, sees: manages || mentor || mentee };
}

async function requireVisible(db: Db, actor: Actor, id: number, lock = false) {
  const m = await q.selectMentorship(db, id, lock);
  const rel = m && relation(actor, m);
  if (!m || !rel?.sees) throw notFound('mentorship.notFound');
  return { m, rel };
}

/** Checks the mentee fits the kind; returns the mentee's cell when it is another one. */
async function checkMentee(db: Db, actor: Actor, cellId: number, input: PairMentor, today: string): Promise<number | null> {
  if (input.kind === 'youth') {
    if (!(await q.isYoungPersonOf(db, cellId, input.menteeId)))
      throw badRequest('mentorship.notYoungPerson', { details: { field: 'menteeId' } });
    return null;
  }
  const cells = await q.selectCurrentMemberships(db, input.menteeId, today);
  if (input.kind === 'candidate') {
    if (!cells.some((c) => Number(c.cell_id) === cellId && c.role === 'candidate'))
      throw badRequest('mentorship.notCandidate', { details: { field: 'menteeId' } });
    return null;
  }
  // One takes one: a member of this cell, or of another cell the actor manages (help across cells).
  if (cells.some((c) => Number(c.cell_id) === cellId)) return null;
  const other = cells.find((c) => canManagePath(actor, c.path));
  if (!other) throw notFound('mentorship.menteeNotFound');
  return Number(other.cell_id);
}

export function pairMentor(db: Db, actor: Actor, cellId: number, input: PairMentor, today = todayIso()) {
  return inTransaction(db, async (trx) => {
    const cell = await requireCell(trx, actor, cellId, 'manage');
    if (cell.closed_on) throw conflict('cell.closed');
    if (input.mentorId === input.menteeId) throw badRequest('mentorship.selfMentor', { details: { field: 'menteeId' } });
    const roll = await selectRoll(trx, cell.id, today);
    const mentor = roll.find((r) => Number(r.personId) === input.mentorId);
    if (!mentor || mentor.role === 'candidate') throw badRequest('mentorship.mentorNotOnRoll', { details: { field: 'mentorId' } });
    const menteeCellId = await checkMentee(trx, actor, cell.id, input, today);
    const open = await trx
      .selectFrom('mentorships')
      .select('id')
      .where('mentor_id', '=', input.mentorId)
      .where('mentee_id', '=', input.menteeId)
      .where('ended_on', 'is', null)
      .executeTakeFirst();
    if (open) throw conflict('mentorship.duplicate');
    const row = await trx
      .insertInto('mentorships')
      .values({
        cell_id: cell.id,
        mentor_id: input.mentorId,
        mentee_id: input.menteeId,
        kind: input.kind,
        mentee_cell_id: menteeCellId,
        goals: input.goals || null,
        started_on: today,
        created_by: storedAccountId(actor),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'mentorship.pair',
      entity: 'mentorship',
      entityId: Number(row.id),
      unitId: cell.id,
      after: { mentorId: input.mentorId, menteeId: input.menteeId, kind: input.kind, menteeCellId },
    });
    await refreshFacts(trx, [cell.id], changed(today));
    return { id: Number(row.id) };
  });
}

export async function listCellMentorships(db: Db, actor: Actor, cellId: number, status: 'active' | 'ended' | 'all') {
  const cell = await requireCell(db, actor, cellId, 'personal');
  // Goals go with the log: a reader who does not manage the cell sees the pairs and their counts only.
  const manages = canManagePath(actor, cell.path);
  return {
    items: (await q.selectCellMentorships(db, cell.id, status)).map((r) => ({ ...q.toMentorship(r), goals: manages ? r.goals : null })),
  };
}

export async function listMyMentorships(db: Db, actor: Actor) {
  if (actor.personId === null) return { items: [] };
  return { items: (await q.selectMentorshipsOf(db, actor.personId)).map(q.toMentorship) };
}

export async function getMentorship(db: Db, actor: Actor, id: number): Promise<MentorshipDetail> {
  const { m, rel } = await requireVisible(db, actor, id);
  const log = await q.selectLog(db, Number(m.cell_id), Number(m.id));
  return { ...q.toMentorship(m), log, canLog: m.ended_on === null && (rel.mentor || rel.manages), canManage: rel.manages };
}

/** The mentor or those who manage the cell log a meeting of the pair; the mentee reads it (403 to write), others 404. */
export function logMeeting(db: Db, actor: Actor, id: number, input: LogMeeting, today = todayIso()) {
  return inTransaction(db, async (trx) => {
    const { m, rel } = await requireVisible(trx, actor, id, true);
    if (!rel.mentor && !rel.manages) throw forbidden('mentorship.logByMentor');
    if (m.ended_on !== null) throw conflict('mentorship.ended');
    const metOn = input.metOn ?? today;
    if (metOn > today || metOn < m.started_on)
      throw badRequest('mentorship.metOnOutOfRange', { params: { from: m.started_on }, details: { field: 'metOn' } });
    const row = await trx
      .insertInto('mentorship_log')
      .values({
        cell_id: m.cell_id,
        mentorship_id: m.id,
        kind: 'meeting',
        met_on: metOn,
        note: input.note,
        written_by: storedAccountId(actor),
        written_by_person: actor.personId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The note itself stays out of the audit trail: it is the pair's, and erasure removes it.
    await recordAudit(trx, actor, {
      action: 'mentorship.log',
      entity: 'mentorship',
      entityId: Number(m.id),
      unitId: Number(m.cell_id),
      after: { logId: Number(row.id), metOn },
    });
    await refreshFacts(trx, [Number(m.cell_id)], changed(metOn));
    return { id: Number(row.id) };
  });
}

/** The secretary (or an official over the cell) reviews the mentorship at one of the cell's review sessions, once per session. */
export function reviewMentorship(db: Db, actor: Actor, id: number, input: ReviewMentorship, today = todayIso()) {
  return inTransaction(db, async (trx) => {
    const { m, rel } = await requireVisible(trx, actor, id, true);
    if (!rel.manages) throw forbidden('mentorship.manageOnly');
    if (m.ended_on !== null) throw conflict('mentorship.ended');
    const meeting = await trx
      .selectFrom('meetings')
      .select(['id', 'kind', 'status', 'meets_on'])
      .where('cell_id', '=', m.cell_id)
      .where('id', '=', input.meetingId)
      .executeTakeFirst();
    if (!meeting || meeting.kind !== 'review') throw badRequest('mentorship.notReviewSession', { details: { field: 'meetingId' } });
    if (meeting.status === 'not_held' || meeting.meets_on > today)
      throw badRequest('mentorship.reviewNotHeld', { details: { field: 'meetingId' } });
    const done = await trx
      .selectFrom('mentorship_log')
      .select('id')
      .where('cell_id', '=', m.cell_id)
      .where('mentorship_id', '=', m.id)
      .where('meeting_id', '=', meeting.id)
      .executeTakeFirst();
    if (done) throw conflict('mentorship.alreadyReviewed');
    const row = await trx
      .insertInto('mentorship_log')
      .values({
        cell_id: m.cell_id,
        mentorship_id: m.id,
        kind: 'review',
        met_on: meeting.meets_on,
        meeting_id: meeting.id,
        note: input.note,
        written_by: storedAccountId(actor),
        written_by_person: actor.personId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'mentorship.review',
      entity: 'mentorship',
      entityId: Number(m.id),
      unitId: Number(m.cell_id),
      after: { logId: Number(row.id), meetingId: Number(meeting.id) },
    });
    await refreshFacts(trx, [Number(m.cell_id)], changed(meeting.meets_on));
    return { id: Number(row.id) };
  });
}

/** Ends the mentorship with an outcome (the secretary or an official over the cell). */
export function endMentorship(db: Db, actor: Actor, id: number, input: EndMentorship, today = todayIso()) {
  return inTransaction(db, async (trx) => {
    const { m, rel } = await requireVisible(trx, actor, id, true);
    if (!rel.manages) throw forbidden('mentorship.manageOnly');
    if (m.ended_on !== null) throw conflict('mentorship.ended');
    const endedOn = input.endedOn ?? today;
    if (endedOn > today || endedOn < m.started_on)
      throw badRequest('mentorship.endedOnOutOfRange', { params: { from: m.started_on }, details: { field: 'endedOn' } });
    await trx
      .updateTable('mentorships')
      .set({ ended_on: endedOn, outcome: input.outcome })
      .where('cell_id', '=', m.cell_id)
      .where('id', '=', m.id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'mentorship.end',
      entity: 'mentorship',
      entityId: Number(m.id),
      unitId: Number(m.cell_id),
      before: { endedOn: null },
      after: { endedOn, outcome: input.outcome },
    });
    await refreshFacts(trx, [Number(m.cell_id)], changed(endedOn));
    return getMentorship(trx, actor, Number(m.id));
  });
}
