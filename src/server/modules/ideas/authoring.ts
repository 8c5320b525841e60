/**
 * What the authors of an idea may still do while it awaits evaluation (decision 0032): change its
 * texts, or withdraw it. Once evaluated (or withdrawn) the idea is the evaluator's record: 409. A
 * withdrawn idea stays, with its timeline, and leaves the counts (the `ideas` fact is named on the day
 * it was submitted, the month its `ideas:submitted` counted in, and the months after it through the
 * rolling-year source).
 */
import { storedAccountId, type Actor } from '../../access/actor.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { conflict, forbidden } from '../../errors.ts';
import type { EditIdea } from '../../../shared/schemas/ideas.ts';
import { recordAudit } from '../audit/service.ts';
import { refreshFacts } from '../compliance/engine.ts';
import { todayIso } from '../compliance/periods.ts';
import { recordStep, type IdeaRow } from './queries.ts';
import { getIdea } from './read.ts';
import { lockVisible } from './service.ts';

/** Whether the actor's person is one of the idea's authors. */
export async function isAuthor(db: Db, actor: Actor, i: { cell_id: number; id: number }): Promise<boolean> {
  if (actor.personId === null) return false;
  const row = await db
    .selectFrom('idea_authors')
    .select('person_id')
    .where('cell_id', '=', i.cell_id)
    .where('idea_id', '=', i.id)
    .where('person_id', '=', actor.personId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The idea, locked, if the actor is an author and it still awaits evaluation: 404, 403, 409 otherwise. */
async function lockOwnSubmitted(trx: Db, actor: Actor, id: number): Promise<IdeaRow> {
  const i = await lockVisible(trx, actor, id);
  if (!(await isAuthor(trx, actor, i))) throw forbidden('idea.notAuthor');
  if (i.status !== 'submitted') throw conflict('idea.notSubmitted');
  return i;
}

const by = (actor: Actor) => ({ accountId: storedAccountId(actor), personId: actor.personId });

/** An author changes the texts of an idea awaiting evaluation; the timeline notes which fields changed. */
export function editIdea(db: Db, actor: Actor, id: number, input: EditIdea, today = todayIso()) {
  return inTransaction(db, async (trx) => {
    const i = await lockOwnSubmitted(trx, actor, id);
    const set = {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.expectedBenefit !== undefined ? { expected_benefit: input.expectedBenefit } : {}),
    };
    await trx.updateTable('ideas').set(set).where('cell_id', '=', i.cell_id).where('id', '=', i.id).execute();
    const idea = { cell_id: Number(i.cell_id), id: Number(i.id) };
    await recordStep(trx, idea, 'edited', today, by(actor), { fields: Object.keys(input) });
    await recordAudit(trx, actor, {
      action: 'idea.edit',
      entity: 'idea',
      entityId: idea.id,
      unitId: idea.cell_id,
      before: { title: i.title, description: i.description, expectedBenefit: i.expected_benefit },
      after: input,
    });
    return getIdea(trx, actor, idea.id, today);
  });
}

/** An author withdraws an idea awaiting evaluation: it stays, marked withdrawn, and leaves the counts. */
export function withdrawIdea(db: Db, actor: Actor, id: number, note: string | undefined, today = todayIso()) {
  return inTransaction(db, async (trx) => {
    const i = await lockOwnSubmitted(trx, actor, id);
    await trx
      .updateTable('ideas')
      .set({ status: 'withdrawn', withdrawn_on: today })
      .where('cell_id', '=', i.cell_id)
      .where('id', '=', i.id)
      .execute();
    const idea = { cell_id: Number(i.cell_id), id: Number(i.id) };
    await recordStep(trx, idea, 'withdrawn', today, by(actor), note ? { note } : undefined);
    await recordAudit(trx, actor, {
      action: 'idea.withdraw',
      entity: 'idea',
      entityId: idea.id,
      unitId: idea.cell_id,
      before: { status: i.status },
      after: { status: 'withdrawn', withdrawnOn: today },
    });
    await refreshFacts(trx, [idea.cell_id], [{ fact: 'ideas', on: i.submitted_on }]);
    return { id: idea.id, status: 'withdrawn' as const };
  });
}
