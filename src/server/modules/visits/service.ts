/**
 * Officials' planned visits (issue 14; decision 0028): an official plans a visit to a cell in their
 * subtree, may reschedule or cancel it before it is held, and files the report once: the day it was
 * held, how many members were met, what was found and the problems raised (each then tracked to a
 * solution, problems.ts). A held visit is the `visits` fact of the rulebook (coverage, the standard
 * "every cell visited every N months") and moves the cell's `last_visited_on`.
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { findUnitInScope } from '../../access/lookups.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { badRequest, conflict, forbidden, notFound } from '../../errors.ts';
import type { FileReport, PlanVisit, RaiseProblem, RescheduleVisit } from '../../../shared/schemas/visits.ts';
import { recordAudit } from '../audit/service.ts';
import { refreshFacts } from '../compliance/engine.ts';
import { addDays, todayIso } from '../compliance/periods.ts';
import { mayActOnVisit, maySeeVisit, plannedFrom } from './access.ts';
import { cellSecretary, findVisit, onRoll, rollSizeOn, type VisitRow } from './queries.ts';

/** Days a problem has by default, from the visit. */
export const DEFAULT_DUE_DAYS = 30;

/** An official over the cell plans a visit to it. */
export function planVisit(db: Db, actor: Actor, input: PlanVisit, today = todayIso()) {
  return inTransaction(db, async (trx) => {
    const unit = await findUnitInScope(trx, actor, input.unitId, 'read');
    if (!unit) throw notFound('cell.notFound');
    if (unit.kind !== 'cell') throw badRequest('visit.notCell', { details: { field: 'unitId' } });
    const from = plannedFrom(actor, unit.path);
    if (!from) throw forbidden('visit.officialsOnly');
    if (unit.closed_on) throw conflict('cell.closed');
    if (input.plannedOn < today) throw badRequest('visit.plannedInPast', { details: { field: 'plannedOn' } });
    const row = await trx
      .insertInto('visits')
      .values({
        cell_id: unit.id,
        planned_on: input.plannedOn,
        purpose: input.purpose ?? null,
        official_unit_id: from.unitId,
        planned_by: actor.accountId || null,
        planned_by_person: actor.personId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    await recordAudit(trx, actor, { action: 'visit.plan', entity: 'visit', entityId: id, unitId: unit.id, after: input });
    return { id };
  });
}

/** The visit, locked, that the actor may change; 404 if they cannot see it, 403 if they see it but it is not theirs. */
export async function lockActionable(trx: Db, actor: Actor, id: number): Promise<VisitRow> {
  const v = await findVisit(trx, id, true);
  if (!v || !maySeeVisit(actor, v)) throw notFound('visit.notFound');
  if (!mayActOnVisit(actor, v)) throw forbidden('visit.notYours');
  return v;
}

function requirePlanned(v: VisitRow): void {
  if (v.status === 'held') throw conflict('visit.alreadyReported');
  if (v.status === 'cancelled') throw conflict('visit.cancelled');
}

/** A new day or purpose for a visit still planned. */
export function rescheduleVisit(db: Db, actor: Actor, id: number, input: RescheduleVisit, today = todayIso()) {
  return inTransaction(db, async (trx) => {
    const v = await lockActionable(trx, actor, id);
    requirePlanned(v);
    if (input.plannedOn === undefined && input.purpose === undefined) throw badRequest('visit.nothingToChange');
    if (input.plannedOn !== undefined && input.plannedOn < today)
      throw badRequest('visit.plannedInPast', { details: { field: 'plannedOn' } });
    const changes = {
      ...(input.plannedOn !== undefined ? { planned_on: input.plannedOn } : {}),
      ...(input.purpose !== undefined ? { purpose: input.purpose } : {}),
    };
    await trx
      .updateTable('visits')
      .set({ ...changes, updated_at: sql<Date>`now()` })
      .where('cell_id', '=', v.cell_id)
      .where('id', '=', v.id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'visit.reschedule',
      entity: 'visit',
      entityId: Number(v.id),
      unitId: Number(v.cell_id),
      before: { plannedOn: v.planned_on, purpose: v.purpose },
      after: input,
    });
    return { id: Number(v.id) };
  });
}

/** Cancels a visit still planned; cancelling twice answers as the first time. */
export function cancelVisit(db: Db, actor: Actor, id: number, today = todayIso()) {
  return inTransaction(db, async (trx) => {
    const v = await lockActionable(trx, actor, id);
    if (v.status === 'cancelled') return { id: Number(v.id) };
    requirePlanned(v);
    await trx
      .updateTable('visits')
      .set({ status: 'cancelled', cancelled_on: today, updated_at: sql<Date>`now()` })
      .where('cell_id', '=', v.cell_id)
      .where('id', '=', v.id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'visit.cancel',
      entity: 'visit',
      entityId: Number(v.id),
      unitId: Number(v.cell_id),
      before: { status: v.status },
      after: { status: 'cancelled' },
    });
    return { id: Number(v.id) };
  });
}

/** Who owns each problem: the one named (a person on the roll, or the reporting official), else the cell's secretary. */
async function ownersOf(trx: Db, actor: Actor, cellId: number, problems: RaiseProblem[]) {
  const secretary = await cellSecretary(trx, cellId);
  const owners: Array<number | null> = [];
  for (const [i, p] of problems.entries()) {
    if (p.ownerPersonId === undefined) owners.push(secretary);
    else if (p.ownerPersonId === actor.personId || (await onRoll(trx, cellId, p.ownerPersonId))) owners.push(p.ownerPersonId);
    else throw badRequest('visit.ownerNotInCell', { details: { field: `problems.${i}.ownerPersonId` } });
  }
  return owners;
}

/** The report's figures against the visit's cell: held on a past day while the cell was open, no more met than were on its roll then. */
export async function checkReport(trx: Db, v: VisitRow, heldOn: string, membersMet: number, problems: RaiseProblem[], today: string) {
  if (heldOn > today) throw badRequest('visit.heldInFuture', { details: { field: 'heldOn' } });
  if (heldOn < v.opened_on) throw badRequest('visit.heldBeforeOpened', { details: { field: 'heldOn' } });
  const roll = await rollSizeOn(trx, Number(v.cell_id), heldOn);
  if (membersMet > roll) throw badRequest('visit.membersMetOverRoll', { params: { roll }, details: { field: 'membersMet' } });
  for (const [i, p] of problems.entries()) {
    if (p.dueOn !== undefined && p.dueOn < heldOn) throw badRequest('visit.dueBeforeHeld', { details: { field: `problems.${i}.dueOn` } });
  }
}

/** Raises the problems found at a visit held on `heldOn`; their ids. */
export async function raiseProblems(trx: Db, actor: Actor, v: VisitRow, problems: RaiseProblem[], heldOn: string): Promise<number[]> {
  if (problems.length === 0) return [];
  const cellId = Number(v.cell_id);
  const owners = await ownersOf(trx, actor, cellId, problems);
  const rows = await trx
    .insertInto('visit_problems')
    .values(
      problems.map((p, i) => ({
        cell_id: cellId,
        visit_id: Number(v.id),
        title: p.title,
        detail: p.detail ?? null,
        owner_person_id: owners[i] ?? null,
        due_on: p.dueOn ?? addDays(heldOn, DEFAULT_DUE_DAYS),
        raised_on: heldOn,
        updated_by: actor.accountId || null,
      })),
    )
    .returning('id')
    .execute();
  return rows.map((p) => Number(p.id));
}

/** The report, once: the visit becomes held, its problems are raised, and the rulebook's figures follow. */
export function fileReport(db: Db, actor: Actor, id: number, input: FileReport, today = todayIso()) {
  return inTransaction(db, async (trx) => {
    const v = await lockActionable(trx, actor, id);
    requirePlanned(v);
    await checkReport(trx, v, input.heldOn, input.membersMet, input.problems, today);
    const cellId = Number(v.cell_id);
    await trx
      .updateTable('visits')
      .set({
        status: 'held',
        held_on: input.heldOn,
        members_met: input.membersMet,
        findings: input.findings ?? null,
        reported_by: actor.accountId || null,
        reported_at: sql<Date>`now()`,
        updated_at: sql<Date>`now()`,
      })
      .where('cell_id', '=', cellId)
      .where('id', '=', v.id)
      .execute();
    const problemIds = await raiseProblems(trx, actor, v, input.problems, input.heldOn);
    await sql`update units set last_visited_on = greatest(last_visited_on, ${input.heldOn}::date) where id = ${cellId}`.execute(trx);
    await recordAudit(trx, actor, {
      action: 'visit.report',
      entity: 'visit',
      entityId: Number(v.id),
      unitId: cellId,
      before: { status: v.status },
      after: { status: 'held', heldOn: input.heldOn, membersMet: input.membersMet, problemIds },
    });
    await refreshFacts(trx, [cellId], [{ fact: 'visits', on: input.heldOn }]);
    return { id: Number(v.id), problemIds };
  });
}
