/** Reading ideas: one with its timeline, a cell's ideas, the ideas awaiting a unit's evaluation. */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { findUnitInScope, requireCell } from '../../access/lookups.ts';
import type { Db } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import { decodeCursor, pageFrom } from '../../http/pagination.ts';
import type { Idea, IdeaListQuery } from '../../../shared/schemas/ideas.ts';
import { todayIso } from '../compliance/periods.ts';
import { evaluatorPath, mayCarryOut, mayEvaluate, maySeeIdea } from './access.ts';
import { isAuthor } from './authoring.ts';
import { authorsOf, findIdea, ideaQuery, timelineOf, toSummary, type IdeaRow } from './queries.ts';
import { selectIdeaRules } from './rules.ts';
import { addMonths } from './service.ts';

/** The idea with its timeline and what the reader may do now; 404 for whoever does not read its cell. */
export async function getIdea(db: Db, actor: Actor, id: number, today = todayIso()): Promise<Idea> {
  const i = await findIdea(db, id);
  if (!i || !maySeeIdea(actor, i)) throw notFound('idea.notFound');
  const rules = await selectIdeaRules(db);
  const evalPath = evaluatorPath(i.path, rules.evaluatorLevelsUp);
  const [authors, timeline, evaluator, author] = await Promise.all([
    authorsOf(db, [Number(i.cell_id)], [Number(i.id)]),
    timelineOf(db, Number(i.cell_id), Number(i.id)),
    i.evaluated_by_unit !== null
      ? db.selectFrom('units').select(['id', 'name', 'kind']).where('id', '=', i.evaluated_by_unit).executeTakeFirstOrThrow()
      : db.selectFrom('units').select(['id', 'name', 'kind']).where(sql<boolean>`path = ${evalPath}::ltree`).executeTakeFirstOrThrow(),
    i.status === 'submitted' ? isAuthor(db, actor, { cell_id: Number(i.cell_id), id: Number(i.id) }) : false,
  ]);
  const confirmableOn = i.introduced_on ? addMonths(i.introduced_on, rules.confirmationMonths) : null;
  const carries = mayCarryOut(actor, i);
  return {
    ...toSummary(i, authors),
    description: i.description,
    expectedBenefit: i.expected_benefit,
    evaluatedOn: i.evaluated_on,
    reasons: i.reasons,
    evaluator: { id: Number(evaluator.id), name: evaluator.name, kind: evaluator.kind },
    trialFrom: i.trial_from,
    benefit:
      i.benefit_amount === null || i.benefit_unit === null
        ? null
        : { amount: Number(i.benefit_amount), unit: i.benefit_unit, period: i.benefit_period },
    confirmedOn: i.confirmed_on,
    withdrawnOn: i.withdrawn_on,
    confirmableOn,
    timeline: timeline.map((e) => ({
      step: e.step as Idea['timeline'][number]['step'],
      on: e.on_day,
      at: new Date(e.at).toISOString(),
      by: e.by,
      detail: (e.detail as Record<string, unknown> | null) ?? null,
    })),
    can: {
      evaluate: i.status === 'submitted' && mayEvaluate(actor, i, rules.evaluatorLevelsUp),
      trial: i.status === 'accepted' && carries,
      introduce: (i.status === 'accepted' || i.status === 'in_trial') && carries,
      confirm: i.status === 'introduced' && carries && confirmableOn !== null && confirmableOn <= today,
      edit: author,
      withdraw: author,
    },
  };
}

async function pageOfIdeas(db: Db, rows: IdeaRow[], limit: number) {
  const page = pageFrom(rows, limit, (r) => ['i', Number(r.id)]);
  const authors = await authorsOf(
    db,
    page.items.map((r) => Number(r.cell_id)),
    page.items.map((r) => Number(r.id)),
  );
  return { items: page.items.map((r) => toSummary(r, authors)), nextCursor: page.nextCursor };
}

/** A cell's ideas, newest first, paged (optionally of one status). */
export async function listCellIdeas(db: Db, actor: Actor, cellId: number, q: IdeaListQuery) {
  const cell = await requireCell(db, actor, cellId, 'read');
  const after = decodeCursor(q.cursor);
  let query = ideaQuery(db).where('i.cell_id', '=', cell.id);
  if (q.status) query = query.where('i.status', '=', q.status);
  if (after) query = query.where('i.id', '<', after[1]);
  const rows = await query
    .orderBy('i.id', 'desc')
    .limit(q.limit + 1)
    .execute();
  return pageOfIdeas(db, rows, q.limit);
}

/**
 * The ideas awaiting the evaluation of a unit (a cell, or a committee the rule names), oldest first:
 * those of the cells exactly `evaluatorLevelsUp` levels below it (or, for the centre, any deeper).
 */
export async function listAwaiting(db: Db, actor: Actor, unitId: number, q: IdeaListQuery) {
  const unit = await findUnitInScope(db, actor, unitId, 'read');
  if (!unit) throw notFound('unit.notFound');
  const { evaluatorLevelsUp: up } = await selectIdeaRules(db);
  const depth = unit.path.split('.').length;
  const after = decodeCursor(q.cursor);
  let query = ideaQuery(db)
    .where('i.status', '=', 'submitted')
    .where(sql<boolean>`u.path <@ ${unit.path}::ltree`)
    .where(depth === 1 ? sql<boolean>`nlevel(u.path) <= ${1 + up}` : sql<boolean>`nlevel(u.path) = ${depth + up}`);
  if (after) query = query.where('i.id', '>', after[1]);
  const rows = await query
    .orderBy('i.id')
    .limit(q.limit + 1)
    .execute();
  return pageOfIdeas(db, rows, q.limit);
}
