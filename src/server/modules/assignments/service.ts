/**
 * Assignments (issue 12): a cell's secretary (or an official over the cell: whoever records the cell's
 * meetings) gives work to members on its roll, one row per person; the assignee reports progress and
 * marks it done; the secretary evaluates done work on the configured scale. A second evaluation
 * replaces the first (the audit trail keeps both). Every write names the fact it changed
 * (`assignments`) so the rulebook's figures stay current.
 */
import type { Actor } from '../../access/actor.ts';
import { requireCell } from '../../access/lookups.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { badRequest, conflict, forbidden, notFound } from '../../errors.ts';
import type { Evaluate, GiveAssignment, ReportProgress } from '../../../shared/schemas/assignments.ts';
import { recordAudit } from '../audit/service.ts';
import { refreshFacts, type FactChange } from '../compliance/engine.ts';
import { todayIso } from '../compliance/periods.ts';
import { selectRoll } from '../meetings/queries.ts';
import * as q from './queries.ts';

const changed = (...days: Array<string | null>): FactChange[] =>
  [...new Set(days.filter((d): d is string => d !== null))].map((on) => ({ fact: 'assignments', on }));

/** Gives the same assignment to each person named; `today` is the giving day (tests and benches may set it). */
export function giveAssignments(db: Db, actor: Actor, cellId: number, input: GiveAssignment, today = todayIso()) {
  return inTransaction(db, async (trx) => {
    const cell = await requireCell(trx, actor, cellId, 'manage');
    if (cell.closed_on) throw conflict('cell.closed');
    if (input.dueOn < today) throw badRequest('assignment.dueBeforeToday', { details: { field: 'dueOn' } });
    const personIds = [...new Set(input.personIds)];
    const roll = new Set((await selectRoll(trx, cell.id, today)).map((r) => Number(r.personId)));
    const notOnRoll = personIds.filter((p) => !roll.has(p));
    if (notOnRoll.length) throw badRequest('assignment.notOnRoll', { details: { notOnRoll } });
    if (input.meetingDecisionId !== undefined) {
      const decision = await trx
        .selectFrom('decisions')
        .select('id')
        .where('cell_id', '=', cell.id)
        .where('id', '=', input.meetingDecisionId)
        .executeTakeFirst();
      if (!decision) throw badRequest('assignment.decisionNotInCell', { details: { field: 'meetingDecisionId' } });
    }
    const rows = await trx
      .insertInto('assignments')
      .values(
        personIds.map((personId) => ({
          cell_id: cell.id,
          person_id: personId,
          title: input.title,
          description: input.description || null,
          done_when: input.doneWhen || null,
          due_on: input.dueOn,
          decision_id: input.meetingDecisionId ?? null,
          given_on: today,
          given_by: actor.accountId || null,
        })),
      )
      .returningAll()
      .execute();
    await recordAudit(trx, actor, {
      action: 'assignment.give',
      entity: 'unit',
      entityId: cell.id,
      unitId: cell.id,
      after: { ids: rows.map((r) => Number(r.id)), ...input, personIds },
    });
    await refreshFacts(trx, [cell.id], changed(today, input.dueOn));
    return { items: rows.map(q.toAssignment) };
  });
}

/** The signed-in member's assignments (open ones only with `openOnly`), with their evaluations. */
export async function listMyAssignments(db: Db, actor: Actor, openOnly = false) {
  if (actor.personId === null) return { items: [] };
  const rows = await q.selectAssignmentsOf(db, actor.personId, openOnly);
  return { items: rows.map((r) => ({ ...q.toAssignment(r), cellName: r.cell_name, lastNote: r.last_note })) };
}

/** The assignee reports progress or marks the work done; reports are kept as history. Anyone else: 404. */
export function reportProgress(db: Db, actor: Actor, id: number, input: ReportProgress, today = todayIso()) {
  return inTransaction(db, async (trx) => {
    const a = await q.lockOwnAssignment(trx, actor, id);
    if (!a) throw notFound('assignment.notFound');
    if (a.status === 'cancelled' || a.score !== null) throw conflict('assignment.closed');
    const done = input.status === 'done';
    const percent = done ? 100 : (input.percent ?? a.percent);
    const closedOn = done ? (a.closed_on ?? today) : null;
    await trx
      .insertInto('assignment_reports')
      .values({ cell_id: a.cell_id, assignment_id: a.id, status: input.status, percent: input.percent ?? null, note: input.note || null })
      .execute();
    const row = await trx
      .updateTable('assignments')
      .set({ status: input.status, percent, closed_on: closedOn })
      .where('cell_id', '=', a.cell_id)
      .where('id', '=', a.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    // Done (or reopened) moves the "active" figure from the earlier of the two days on.
    const from = a.closed_on !== null && a.closed_on < today ? a.closed_on : today;
    await refreshFacts(trx, [a.cell_id], changed(from));
    return q.toAssignment(row);
  });
}

/**
 * The secretary's evaluation of done work, on the configured scale; a second one replaces the first.
 * Nobody evaluates their own assignment (403): a secretary's work is evaluated by an official above.
 */
export function evaluateAssignment(db: Db, actor: Actor, id: number, input: Evaluate, today = todayIso()) {
  return inTransaction(db, async (trx) => {
    const a = await q.lockManagedAssignment(trx, actor, id);
    if (!a) throw notFound('assignment.notFound');
    // A secretary's own work is evaluated from above, like anyone's: no one marks themself.
    if (actor.personId !== null && Number(a.person_id) === actor.personId) throw forbidden('assignment.ownWork');
    const scale = await q.selectScale(trx);
    if (input.score < scale.min || input.score > scale.max)
      throw badRequest('assignment.offScale', { params: { min: scale.min, max: scale.max }, details: { field: 'score' } });
    if (a.status !== 'done') throw conflict('assignment.notDone');
    const row = await trx
      .updateTable('assignments')
      .set({ score: input.score, evaluation_comment: input.comment || null, evaluated_on: today, evaluated_by: actor.accountId || null })
      .where('cell_id', '=', a.cell_id)
      .where('id', '=', a.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'assignment.evaluate',
      entity: 'assignment',
      entityId: a.id,
      unitId: a.cell_id,
      before: a.score === null ? null : { score: a.score, comment: a.evaluation_comment },
      after: { score: input.score, comment: input.comment ?? null },
    });
    await refreshFacts(trx, [a.cell_id], changed(a.due_on));
    return q.toAssignment(row);
  });
}

/** The secretary cancels work not yet evaluated; it no longer counts as due or active. */
export function cancelAssignment(db: Db, actor: Actor, id: number, today = todayIso()) {
  return inTransaction(db, async (trx) => {
    const a = await q.lockManagedAssignment(trx, actor, id);
    if (!a) throw notFound('assignment.notFound');
    if (a.status === 'cancelled') return q.toAssignment(a);
    if (a.score !== null) throw conflict('assignment.closed');
    const row = await trx
      .updateTable('assignments')
      .set({ status: 'cancelled', closed_on: today })
      .where('cell_id', '=', a.cell_id)
      .where('id', '=', a.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'assignment.cancel',
      entity: 'assignment',
      entityId: a.id,
      unitId: a.cell_id,
      before: { status: a.status },
      after: { status: 'cancelled' },
    });
    await refreshFacts(trx, [a.cell_id], changed(a.closed_on ?? today, a.due_on));
    return q.toAssignment(row);
  });
}
