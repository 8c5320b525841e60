/**
 * Ideas and inventions (issue 15, task 6; decision 0032): members submit an idea; the unit the rule
 * names evaluates it (accepted or rejected with reasons); an accepted idea may be tried, then is
 * introduced into production with its measured benefit; N months later the benefit is confirmed.
 * Every step is a row of the timeline and names the rulebook's `ideas` fact on its day, so the cell's
 * metrics and its committees' summed figures follow (decision 0022).
 */
import { sql } from 'kysely';
import { storedAccountId, type Actor } from '../../access/actor.ts';
import { requireCell } from '../../access/lookups.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { badRequest, conflict, forbidden, notFound } from '../../errors.ts';
import type { EvaluateIdea, IntroduceIdea, SubmitIdea } from '../../../shared/schemas/ideas.ts';
import { recordAudit } from '../audit/service.ts';
import { refreshFacts } from '../compliance/engine.ts';
import { todayIso } from '../compliance/periods.ts';
import { isCellSecretary, mayCarryOut, mayEvaluate, maySeeIdea } from './access.ts';
import { findIdea, onRoll, recordStep, type IdeaRow } from './queries.ts';
import { selectIdeaRules } from './rules.ts';

const by = (actor: Actor) => ({ accountId: storedAccountId(actor), personId: actor.personId });

/** The day `months` months after `day` (the month's last day when shorter). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** A person on the cell's roll, or its secretary, submits an idea of authors all on the roll. */
export function submitIdea(db: Db, actor: Actor, cellId: number, input: SubmitIdea, today = todayIso()) {
  return inTransaction(db, async (trx) => {
    const cell = await requireCell(trx, actor, cellId, 'read');
    if (cell.closed_on) throw conflict('cell.closed');
    const authorIds = [...new Set(input.authorIds)];
    const roll = await onRoll(trx, cell.id, actor.personId === null ? authorIds : [...authorIds, actor.personId]);
    const submitterOnRoll = actor.personId !== null && roll.has(actor.personId);
    if (!submitterOnRoll && !isCellSecretary(actor, cell.path)) throw forbidden('idea.membersOnly');
    const outsider = authorIds.find((id) => !roll.has(id));
    if (outsider !== undefined) throw badRequest('idea.authorNotInCell', { details: { field: 'authorIds', personId: outsider } });
    const row = await trx
      .insertInto('ideas')
      .values({
        cell_id: cell.id,
        title: input.title,
        description: input.description,
        expected_benefit: input.expectedBenefit ?? null,
        submitted_on: today,
        submitted_by: storedAccountId(actor),
      })
      .returning(['cell_id', 'id'])
      .executeTakeFirstOrThrow();
    const idea = { cell_id: Number(row.cell_id), id: Number(row.id) };
    await trx
      .insertInto('idea_authors')
      .values(authorIds.map((person_id) => ({ cell_id: idea.cell_id, idea_id: idea.id, person_id })))
      .execute();
    await recordStep(trx, idea, 'submitted', today, by(actor), { authorIds });
    await recordAudit(trx, actor, { action: 'idea.submit', entity: 'idea', entityId: idea.id, unitId: cell.id, after: input });
    // The engine's own day (not the step's, which tests may set in the past) decides what is built.
    await refreshFacts(trx, [cell.id], [{ fact: 'ideas', on: today }]);
    return { id: idea.id, status: 'submitted' as const };
  });
}

/** The idea, locked, that the actor sees; 404 otherwise. */
export async function lockVisible(trx: Db, actor: Actor, id: number): Promise<IdeaRow> {
  const i = await findIdea(trx, id, true);
  if (!i || !maySeeIdea(actor, i)) throw notFound('idea.notFound');
  return i;
}

/** One step: the idea's row changed, the timeline, the audit, the rulebook's fact on the day. */
async function takeStep(
  trx: Db,
  actor: Actor,
  i: IdeaRow,
  step: { name: string; on: string; set: Record<string, unknown>; detail?: Record<string, unknown> },
) {
  await trx.updateTable('ideas').set(step.set).where('cell_id', '=', i.cell_id).where('id', '=', i.id).execute();
  const idea = { cell_id: Number(i.cell_id), id: Number(i.id) };
  await recordStep(trx, idea, step.name, step.on, by(actor), step.detail);
  await recordAudit(trx, actor, {
    action: `idea.${step.name}`,
    entity: 'idea',
    entityId: idea.id,
    unitId: idea.cell_id,
    before: { status: i.status },
    after: step.set,
  });
  await refreshFacts(trx, [idea.cell_id], [{ fact: 'ideas', on: step.on }]);
  return { id: idea.id, status: (step.set.status as string) ?? i.status };
}

/** The evaluating unit (the rule's) accepts or rejects a submitted idea, with its reasons. */
export function evaluateIdea(db: Db, actor: Actor, id: number, input: EvaluateIdea, today = todayIso()) {
  return inTransaction(db, async (trx) => {
    const i = await lockVisible(trx, actor, id);
    const rules = await selectIdeaRules(trx);
    if (!mayEvaluate(actor, i, rules.evaluatorLevelsUp)) throw forbidden('idea.notEvaluator');
    if (i.status === 'withdrawn') throw conflict('idea.withdrawn');
    if (i.status !== 'submitted') throw conflict('idea.alreadyEvaluated');
    const unit = await trx
      .selectFrom('units')
      .select('id')
      .where(sql<boolean>`path = subpath(${i.path}::ltree, 0, greatest(1, nlevel(${i.path}::ltree) - ${rules.evaluatorLevelsUp}))`)
      .executeTakeFirstOrThrow();
    return takeStep(trx, actor, i, {
      name: input.decision,
      on: today,
      set: {
        status: input.decision,
        evaluated_on: today,
        evaluated_by: storedAccountId(actor),
        evaluated_by_unit: Number(unit.id),
        reasons: input.reasons,
      },
      detail: { reasons: input.reasons },
    });
  });
}

const requireCarrier = (actor: Actor, i: IdeaRow) => {
  if (!mayCarryOut(actor, i)) throw forbidden('idea.notManager');
};

/** An accepted idea goes into trial (today). */
export function startTrial(db: Db, actor: Actor, id: number, note: string | undefined, today = todayIso()) {
  return inTransaction(db, async (trx) => {
    const i = await lockVisible(trx, actor, id);
    requireCarrier(actor, i);
    if (i.status !== 'accepted') throw conflict(i.status === 'in_trial' ? 'idea.alreadyInTrial' : 'idea.notAccepted');
    return takeStep(trx, actor, i, {
      name: 'trial',
      on: today,
      set: { status: 'in_trial', trial_from: today },
      detail: note ? { note } : undefined,
    });
  });
}

/** An accepted (or tried) idea is introduced into production on a day, with its measured benefit. */
export function introduceIdea(db: Db, actor: Actor, id: number, input: IntroduceIdea, today = todayIso()) {
  return inTransaction(db, async (trx) => {
    const i = await lockVisible(trx, actor, id);
    requireCarrier(actor, i);
    if (i.status === 'introduced' || i.status === 'confirmed') throw conflict('idea.alreadyIntroduced');
    if (i.status !== 'accepted' && i.status !== 'in_trial') throw conflict('idea.notAccepted');
    if (input.introducedOn > today) throw badRequest('idea.introducedInFuture', { details: { field: 'introducedOn' } });
    if (input.introducedOn < i.submitted_on)
      throw badRequest('idea.introducedBeforeSubmission', { params: { submittedOn: i.submitted_on }, details: { field: 'introducedOn' } });
    const benefit = input.benefit;
    return takeStep(trx, actor, i, {
      name: 'introduced',
      on: input.introducedOn,
      set: {
        status: 'introduced',
        introduced_on: input.introducedOn,
        benefit_amount: benefit.amount,
        benefit_unit: benefit.unit,
        benefit_period: benefit.period ?? null,
      },
      detail: { benefit },
    });
  });
}

/** The benefit of an introduced idea is confirmed, N months (the rule) after the introduction or later. */
export function confirmIdea(db: Db, actor: Actor, id: number, note: string | undefined, today = todayIso()) {
  return inTransaction(db, async (trx) => {
    const i = await lockVisible(trx, actor, id);
    requireCarrier(actor, i);
    if (i.status === 'confirmed') throw conflict('idea.alreadyConfirmed');
    if (i.status !== 'introduced' || i.introduced_on === null) throw conflict('idea.notIntroduced');
    const rules = await selectIdeaRules(trx);
    const from = addMonths(i.introduced_on, rules.confirmationMonths);
    if (today < from) throw conflict('idea.confirmationTooEarly', { params: { from } });
    return takeStep(trx, actor, i, {
      name: 'confirmed',
      on: today,
      set: { status: 'confirmed', confirmed_on: today },
      detail: note ? { note } : undefined,
    });
  });
}
