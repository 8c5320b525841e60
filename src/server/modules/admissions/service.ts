/**
 * Admissions (issue 13, task 7; decision 0024), the cell's steps: a nomination by two or more full
 * members of the cell as sponsors, their written recommendations, the criteria checked by the
 * secretary, the training tasks. The vote and the committee's decision are in decide.ts. Every step is
 * one transaction: its rows, its line on the timeline, its audit row and the pipeline's refresh.
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { canManagePath } from '../../access/actor.ts';
import { requireCell } from '../../access/lookups.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { badRequest, conflict, notFound } from '../../errors.ts';
import type { CreateNomination } from '../../../shared/schemas/admissions.ts';
import { OPEN_STATUSES } from '../../../shared/schemas/admissions.ts';
import { recordAudit } from '../audit/service.ts';
import { todayIso } from '../compliance/periods.ts';
import { criteriaFor, selectRules } from './rules.ts';
import { fullMemberSince, lockNomination, recordStep, selectMembershipsIn, type LockedNomination } from './queries.ts';

/** `day` moved by `months` calendar months (the last day of a shorter month when it has no such day). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** A nomination the actor manages (its cell's secretary, an official over it), open for the cell's steps. */
export async function lockManaged(db: Db, actor: Actor, id: number, open = true): Promise<LockedNomination> {
  const n = await lockNomination(db, id);
  if (!n || !canManagePath(actor, n.path)) throw notFound('nomination.notFound');
  if (open && !OPEN_STATUSES.includes(n.status)) throw conflict('nomination.closed');
  return n;
}

/** The nominee: an existing person not on any roll (or, for full membership, a current candidate of the cell), or a new person. */
async function resolveNominee(db: Db, actor: Actor, cell: { id: number; path: string }, input: CreateNomination, today: string) {
  if (input.person) {
    const p = input.person;
    const created = await db
      .insertInto('people')
      .values({
        full_name: p.fullName,
        birth_year: p.birthYear ?? null,
        workplace: p.workplace || null,
        phone: p.phone || null,
        email: p.email ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordStepPersonCreated(db, actor, Number(created.id), cell.id, p);
    return Number(created.id);
  }
  const personId = input.personId!;
  const person = await db.selectFrom('people').select('id').where('id', '=', personId).executeTakeFirst();
  if (!person) throw notFound('nomination.personNotFound');
  const open = await db
    .selectFrom('memberships as ms')
    .innerJoin('units as u', 'u.id', 'ms.cell_id')
    .select(['ms.cell_id', 'ms.role', 'ms.from_date'])
    .where('ms.person_id', '=', personId)
    .where('ms.to_date', 'is', null)
    .executeTakeFirst();
  if (input.kind === 'full_membership') {
    if (!open || Number(open.cell_id) !== cell.id || open.role !== 'candidate') throw conflict('nomination.notCandidate');
    const rules = await selectRules(db);
    const over = addMonths(open.from_date, rules.candidacyMonths);
    if (over > today) throw conflict('nomination.candidacyNotOver', { params: { date: over } });
    return personId;
  }
  if (open) throw conflict('nomination.alreadyOnRoll');
  // Someone on no roll is in nobody's subtree: a secretary may name them only if they once were on a
  // roll the secretary manages (a returning member), are a young person of a youth group of such a
  // cell, or were nominated there before (a nomination withdrawn or not passed); the centre may name anyone.
  if (!actor.all) {
    const known = await sql<{ path: string }>`
      select u.path::text as path from memberships ms join units u on u.id = ms.cell_id where ms.person_id = ${personId}
      union all
      select u.path::text from youth_group_members ym join units u on u.id = ym.cell_id where ym.person_id = ${personId}
      union all
      select u.path::text from nominations n join units u on u.id = n.cell_id where n.person_id = ${personId}`.execute(db);
    if (!known.rows.some((r) => canManagePath(actor, r.path))) throw notFound('nomination.personNotFound');
  }
  return personId;
}

async function recordStepPersonCreated(db: Db, actor: Actor, personId: number, cellId: number, p: NonNullable<CreateNomination['person']>) {
  await recordAudit(db, actor, {
    action: 'person.create',
    entity: 'person',
    entityId: personId,
    unitId: cellId,
    after: { ...p, nominee: true },
  });
}

/** The sponsors must be full members of the cell, for the rule's months unless the cell is younger than that. */
async function checkSponsors(db: Db, cell: { id: number; opened_on: string }, personId: number, sponsorIds: number[], today: string) {
  if (sponsorIds.includes(personId)) throw badRequest('nomination.sponsorIsNominee', { details: { field: 'sponsorIds' } });
  const rows = await selectMembershipsIn(db, cell.id, sponsorIds);
  const rules = await selectRules(db);
  const waived = cell.opened_on > addMonths(today, -rules.sponsorMinMonths);
  const notMembers: number[] = [];
  const tooRecent: number[] = [];
  for (const id of sponsorIds) {
    const since = fullMemberSince(
      rows.filter((r) => Number(r.person_id) === id),
      today,
    );
    if (since === null) notMembers.push(id);
    else if (!waived && since > addMonths(today, -rules.sponsorMinMonths)) tooRecent.push(id);
  }
  if (notMembers.length) throw badRequest('nomination.sponsorNotMember', { details: { field: 'sponsorIds', notMembers } });
  if (tooRecent.length)
    throw badRequest('nomination.sponsorTooRecent', {
      params: { months: rules.sponsorMinMonths },
      details: { field: 'sponsorIds', tooRecent },
    });
}

/** The secretary (or an official over the cell) nominates a person, with two or more sponsors from its roll. */
export function nominate(db: Db, actor: Actor, cellId: number, input: CreateNomination, today = todayIso()) {
  return inTransaction(db, async (trx) => {
    const cell = await requireCell(trx, actor, cellId, 'manage');
    if (cell.closed_on) throw conflict('cell.closed');
    const sponsorIds = [...new Set(input.sponsorIds)];
    if (sponsorIds.length < 2) throw badRequest('nomination.sponsorNotMember', { details: { field: 'sponsorIds' } });
    if (input.personId !== undefined) await checkSponsors(trx, cell, input.personId, sponsorIds, today);
    const personId = await resolveNominee(trx, actor, cell, input, today);
    if (input.person) await checkSponsors(trx, cell, personId, sponsorIds, today);
    const already = await trx
      .selectFrom('nominations')
      .select('id')
      .where('person_id', '=', personId)
      .where('status', 'in', [...OPEN_STATUSES])
      .executeTakeFirst();
    if (already) throw conflict('nomination.alreadyOpen');
    const row = await trx
      .insertInto('nominations')
      .values({
        cell_id: cell.id,
        kind: input.kind,
        person_id: personId,
        reason: input.reason || null,
        nominated_on: today,
        nominated_by: actor.accountId || null,
      })
      .returning(['cell_id', 'id', 'status'])
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('nomination_sponsors')
      .values(sponsorIds.map((s) => ({ cell_id: cell.id, nomination_id: row.id, person_id: s })))
      .execute();
    await recordStep(trx, actor, row, 'nominated', today, { kind: input.kind, personId, sponsorIds, reason: input.reason ?? null });
    return { id: Number(row.id), status: row.status };
  });
}

/** A sponsor's written recommendation, recorded by the secretary or written by the sponsor themself. */
export function recordRecommendation(db: Db, actor: Actor, id: number, input: { sponsorId: number; text: string }, today = todayIso()) {
  return inTransaction(db, async (trx) => {
    const n = await lockNomination(trx, id);
    const bySponsor = n !== undefined && actor.personId === input.sponsorId;
    if (!n || !(bySponsor || canManagePath(actor, n.path))) throw notFound('nomination.notFound');
    if (!OPEN_STATUSES.includes(n.status)) throw conflict('nomination.closed');
    const updated = await trx
      .updateTable('nomination_sponsors')
      .set({ recommendation: input.text, recommended_on: today })
      .where('cell_id', '=', n.cell_id)
      .where('nomination_id', '=', n.id)
      .where('person_id', '=', input.sponsorId)
      .returning('person_id')
      .executeTakeFirst();
    if (!updated) throw badRequest('nomination.notSponsor', { details: { field: 'sponsorId' } });
    await recordStep(trx, actor, n, 'recommendation', today, { sponsorId: input.sponsorId });
    return { ok: true };
  });
}

/** The secretary checks one criterion with a note and the day; a second check replaces the first (the timeline keeps both). */
export function checkCriterion(
  db: Db,
  actor: Actor,
  id: number,
  input: { criterionId: number; note?: string; checkedOn?: string },
  today = todayIso(),
) {
  return inTransaction(db, async (trx) => {
    const n = await lockManaged(trx, actor, id);
    const applies = (await criteriaFor(trx, n.path)).some((c) => Number(c.id) === input.criterionId);
    if (!applies) throw badRequest('nomination.criterionNotFound', { details: { field: 'criterionId' } });
    const checkedOn = input.checkedOn ?? today;
    if (checkedOn > today) throw badRequest('nomination.dateInFuture', { details: { field: 'checkedOn' } });
    const values = { note: input.note || null, checked_on: checkedOn, checked_by: actor.accountId || null };
    await trx
      .insertInto('nomination_checks')
      .values({ cell_id: n.cell_id, nomination_id: n.id, criterion_id: input.criterionId, ...values })
      .onConflict((oc) => oc.columns(['cell_id', 'nomination_id', 'criterion_id']).doUpdateSet(values))
      .execute();
    await recordStep(trx, actor, n, 'criterion', today, { criterionId: input.criterionId, note: values.note, checkedOn });
    return { ok: true };
  });
}

/** A training task; the first one moves the nomination into training from today. */
export function addTask(db: Db, actor: Actor, id: number, input: { title: string; dueOn: string }, today = todayIso()) {
  return inTransaction(db, async (trx) => {
    const n = await lockManaged(trx, actor, id);
    if (n.status === 'voted') throw conflict('nomination.alreadyVoted');
    const task = await trx
      .insertInto('nomination_tasks')
      .values({ cell_id: n.cell_id, nomination_id: n.id, title: input.title, due_on: input.dueOn })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (n.status === 'nominated') {
      await trx
        .updateTable('nominations')
        .set({ status: 'in_training', training_from: today })
        .where('cell_id', '=', n.cell_id)
        .where('id', '=', n.id)
        .execute();
    }
    await recordStep(trx, actor, n, 'task', today, { taskId: Number(task.id), ...input });
    return { id: Number(task.id) };
  });
}

/** A training task done (today unless a day is given; not in the future). */
export function completeTask(db: Db, actor: Actor, id: number, taskId: number, input: { doneOn?: string }, today = todayIso()) {
  return inTransaction(db, async (trx) => {
    const n = await lockManaged(trx, actor, id);
    const doneOn = input.doneOn ?? today;
    if (doneOn > today) throw badRequest('nomination.dateInFuture', { details: { field: 'doneOn' } });
    const row = await trx
      .updateTable('nomination_tasks')
      .set({ done_on: doneOn })
      .where('cell_id', '=', n.cell_id)
      .where('nomination_id', '=', n.id)
      .where('id', '=', taskId)
      .returning('id')
      .executeTakeFirst();
    if (!row) throw notFound('nomination.taskNotFound');
    await recordStep(trx, actor, n, 'task_done', today, { taskId, doneOn });
    return { ok: true };
  });
}

/** The cell withdraws an open nomination (the nominee changed their mind, moved away): it ends today, its record kept. */
export function withdraw(db: Db, actor: Actor, id: number, input: { reason?: string }, today = todayIso()) {
  return inTransaction(db, async (trx) => {
    const n = await lockManaged(trx, actor, id);
    await trx
      .updateTable('nominations')
      .set({ status: 'withdrawn', withdrawn_on: today, withdrawal_reason: input.reason || null })
      .where('cell_id', '=', n.cell_id)
      .where('id', '=', n.id)
      .execute();
    await recordStep(trx, actor, n, 'withdrawn', today, { reason: input.reason ?? null }, { status: n.status });
    return { id: Number(n.id), status: 'withdrawn' };
  });
}
