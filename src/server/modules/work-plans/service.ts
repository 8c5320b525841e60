/**
 * Cells' work plans (issue 15; decision 0031): the secretary (or an official managing the cell) drafts
 * the goals of a quarter, the plan is adopted at a held general meeting of the cell, and from the
 * quarter's last month on each goal is marked met or not with a note. Adopted goals no longer change.
 * Adoption is the `work_plans` fact of the rulebook (the kind "an adopted work plan for the period");
 * every change of a plan's state names it too, for the committees' counts (standards/plan-states.ts).
 */
import { sql } from 'kysely';
import { canManagePath, type Actor } from '../../access/actor.ts';
import { requireCell } from '../../access/lookups.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { badRequest, conflict, forbidden, notFound } from '../../errors.ts';
import { quarterDays, type AdoptPlan, type ReviewPlan, type SavePlan } from '../../../shared/schemas/work-plans.ts';
import { recordAudit } from '../audit/service.ts';
import { refreshFacts } from '../compliance/engine.ts';
import { todayIso } from '../compliance/periods.ts';
import { findPlan, planGoals } from './queries.ts';
import { getPlan } from './read.ts';
import { planStateFacts } from './standards/plan-states.ts';

/** The meeting kind at which a plan is adopted. */
export const ADOPTING_KIND = 'general';

/** The cell, if the actor drafts, adopts and reviews its plans: 404 out of view, 403 in view but not theirs. */
async function requireEditableCell(db: Db, actor: Actor, cellId: number) {
  const cell = await requireCell(db, actor, cellId, 'read');
  if (!canManagePath(actor, cell.path)) throw forbidden('workPlan.notAllowed');
  return cell;
}

/** A goal names a target only if it is a target goal, an assignment only if an assignment goal, and one of the cell's. */
async function checkGoalLinks(trx: Db, cellId: number, input: SavePlan): Promise<void> {
  for (const [i, g] of input.goals.entries()) {
    if (g.targetId !== undefined && g.kind !== 'target')
      throw badRequest('workPlan.targetOnOtherKind', { details: { field: `goals.${i}.targetId` } });
    if (g.assignmentId !== undefined && g.kind !== 'assignment')
      throw badRequest('workPlan.assignmentOnOtherKind', { details: { field: `goals.${i}.assignmentId` } });
  }
  const named = input.goals.flatMap((g) => (g.assignmentId === undefined ? [] : [g.assignmentId]));
  if (named.length === 0) return;
  const found = await trx.selectFrom('assignments').select('id').where('cell_id', '=', cellId).where('id', 'in', named).execute();
  const ids = new Set(found.map((r) => Number(r.id)));
  const missing = input.goals.findIndex((g) => g.assignmentId !== undefined && !ids.has(g.assignmentId));
  if (missing >= 0) throw badRequest('workPlan.assignmentNotInCell', { details: { field: `goals.${missing}.assignmentId` } });
}

/** Drafts (or redrafts) the plan's goals; refused once adopted. */
export function savePlan(db: Db, actor: Actor, cellId: number, period: string, input: SavePlan) {
  return inTransaction(db, async (trx) => {
    const cell = await requireEditableCell(trx, actor, cellId);
    if (cell.closed_on) throw conflict('cell.closed');
    await checkGoalLinks(trx, cell.id, input);
    const days = quarterDays(period);
    // The upsert locks the plan's row; a plan already adopted keeps its status and refuses the change.
    const plan = await trx
      .insertInto('work_plans')
      .values({ cell_id: cell.id, period, starts_on: days.startsOn, ends_on: days.endsOn, drafted_by: actor.accountId || null })
      .onConflict((oc) =>
        oc.columns(['cell_id', 'period']).doUpdateSet({ updated_at: sql<Date>`now()`, drafted_by: actor.accountId || null }),
      )
      .returning(['id', 'status', sql<boolean>`xmax = 0`.as('inserted')])
      .executeTakeFirstOrThrow();
    if (plan.status !== 'draft') throw conflict('workPlan.adopted');
    const before = await planGoals(trx, cell.id, Number(plan.id));
    await trx.deleteFrom('work_plan_goals').where('cell_id', '=', cell.id).where('plan_id', '=', plan.id).execute();
    await trx
      .insertInto('work_plan_goals')
      .values(
        input.goals.map((g, position) => ({
          cell_id: cell.id,
          plan_id: Number(plan.id),
          position,
          kind: g.kind,
          title: g.title,
          target_id: g.targetId ?? null,
          assignment_id: g.assignmentId ?? null,
        })),
      )
      .execute();
    await recordAudit(trx, actor, {
      action: 'work_plan.save',
      entity: 'work_plan',
      entityId: Number(plan.id),
      unitId: cell.id,
      before: before.length
        ? { goals: before.map((g) => ({ kind: g.kind, title: g.title, targetId: g.target_id, assignmentId: g.assignment_id })) }
        : null,
      after: { period, ...input },
    });
    // A first draft moves the committees' counts (a plan's state); a redraft changes no state.
    if (plan.inserted) await refreshFacts(trx, [cell.id], planStateFacts(period));
    return getPlan(trx, actor, cell.id, period);
  });
}

/** The plan, locked, of a cell the actor edits; 404 when none was drafted. */
async function lockPlan(trx: Db, actor: Actor, cellId: number, period: string) {
  const cell = await requireEditableCell(trx, actor, cellId);
  const plan = await findPlan(trx, cell.id, period, true);
  if (!plan) throw notFound('workPlan.notFound');
  return { cell, plan };
}

/** Adopts the draft at a held general meeting of the cell, held before the period's end. */
export function adoptPlan(db: Db, actor: Actor, cellId: number, period: string, input: AdoptPlan) {
  return inTransaction(db, async (trx) => {
    const { cell, plan } = await lockPlan(trx, actor, cellId, period);
    if (plan.status !== 'draft') throw conflict('workPlan.alreadyAdopted');
    const meeting = await trx
      .selectFrom('meetings')
      .select(['id', 'kind', 'status', 'meets_on'])
      .where('cell_id', '=', cell.id)
      .where('id', '=', input.meetingId)
      .executeTakeFirst();
    const field = { details: { field: 'meetingId' } };
    if (!meeting) throw badRequest('workPlan.meetingNotFound', field);
    if (meeting.status !== 'held') throw badRequest('workPlan.meetingNotHeld', field);
    if (meeting.kind !== ADOPTING_KIND) throw badRequest('workPlan.meetingNotGeneral', field);
    if (meeting.meets_on >= plan.ends_on) throw badRequest('workPlan.meetingAfterPeriod', field);
    await trx
      .updateTable('work_plans')
      .set({
        status: 'adopted',
        adopted_meeting_id: Number(meeting.id),
        adopted_on: meeting.meets_on,
        adopted_by: actor.accountId || null,
        updated_at: sql<Date>`now()`,
      })
      .where('cell_id', '=', cell.id)
      .where('id', '=', plan.id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'work_plan.adopt',
      entity: 'work_plan',
      entityId: Number(plan.id),
      unitId: cell.id,
      before: { status: plan.status },
      after: { status: 'adopted', meetingId: Number(meeting.id), on: meeting.meets_on },
    });
    await refreshFacts(trx, [cell.id], [{ fact: 'work_plans', on: meeting.meets_on }, ...planStateFacts(period)]);
    return getPlan(trx, actor, cell.id, period);
  });
}

/** Marks each goal of the adopted plan met or not, with a note; from the period's last month on, and again to correct it. */
export function reviewPlan(db: Db, actor: Actor, cellId: number, period: string, input: ReviewPlan, today = todayIso()) {
  return inTransaction(db, async (trx) => {
    const { cell, plan } = await lockPlan(trx, actor, cellId, period);
    if (plan.status === 'draft') throw conflict('workPlan.notAdopted');
    const from = quarterDays(period).lastMonth;
    if (today < from) throw conflict('workPlan.reviewTooEarly', { params: { from } });
    const goals = await planGoals(trx, cell.id, Number(plan.id));
    const marked = input.goals.map((g) => g.id);
    const ids = new Set(goals.map((g) => Number(g.id)));
    if (new Set(marked).size !== marked.length || marked.length !== ids.size || marked.some((id) => !ids.has(id)))
      throw badRequest('workPlan.reviewGoals', { details: { field: 'goals' } });
    await sql`update work_plan_goals g set met = r.met, review_note = r.note
      from unnest(${marked}::bigint[], ${input.goals.map((g) => g.met)}::boolean[], ${input.goals.map((g) => g.note ?? null)}::text[]) as r(id, met, note)
      where g.cell_id = ${cell.id} and g.plan_id = ${plan.id} and g.id = r.id`.execute(trx);
    await trx
      .updateTable('work_plans')
      .set({ status: 'reviewed', reviewed_on: today, reviewed_by: actor.accountId || null, updated_at: sql<Date>`now()` })
      .where('cell_id', '=', cell.id)
      .where('id', '=', plan.id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'work_plan.review',
      entity: 'work_plan',
      entityId: Number(plan.id),
      unitId: cell.id,
      before: { status: plan.status, goals: goals.map((g) => ({ id: Number(g.id), met: g.met, note: g.review_note })) },
      after: input,
    });
    await refreshFacts(trx, [cell.id], planStateFacts(period));
    return getPlan(trx, actor, cell.id, period);
  });
}
