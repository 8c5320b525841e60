/**
 * Learning plans: the themes a member needs most, picked by their cell's secretary (or an official
 * managing the cell), shown on the member's home with the completed ones ticked. Saving replaces the
 * whole set and appends to the plan's history (who set it, when, which themes). Saving an unchanged
 * plan is a review: it makes the plan current again. A plan is current for 12 months after it was
 * last set or reviewed.
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { findPersonInScope } from '../../access/lookups.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import type { LearningPlan, SetLearningPlan } from '../../../shared/schemas/education.ts';
import { recordAudit } from '../audit/service.ts';
import { refreshFacts } from '../compliance/engine.ts';
import { todayIso } from '../compliance/periods.ts';
import { selectEnrolments } from './enrolments.ts';
import { selectCompletions, selectPlanThemes } from './queries.ts';
import { requireLiveThemes } from './sessions.ts';

/** How long a plan stays current after it was set or reviewed. */
export const PLAN_CURRENT_MONTHS = 12;

async function readPlan(db: Db, personId: number, withHistory: boolean): Promise<LearningPlan> {
  const [plan, themes, history] = await Promise.all([
    db
      .selectFrom('learning_plans')
      .select([
        sql<string>`to_char(set_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`.as('set_at'),
        sql<boolean>`set_at > now() - make_interval(months => ${PLAN_CURRENT_MONTHS})`.as('current'),
      ])
      .where('person_id', '=', personId)
      .executeTakeFirst(),
    selectPlanThemes(db, personId),
    withHistory
      ? db
          .selectFrom('learning_plan_history as h')
          .leftJoin('accounts as a', 'a.id', 'h.set_by')
          .select([sql<string>`to_char(h.set_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`.as('set_at'), 'a.login', 'h.theme_ids'])
          .where('h.person_id', '=', personId)
          .orderBy('h.id', 'desc')
          .limit(50)
          .execute()
      : Promise.resolve(undefined),
  ]);
  return {
    personId,
    setAt: plan?.set_at ?? null,
    current: plan?.current ?? false,
    themes: themes.map((t) => ({
      id: t.id,
      title: t.title,
      titleKo: t.title_ko,
      programme: { id: t.programme_id, title: t.programme_title, titleKo: t.programme_title_ko },
      completed: t.completed_on !== null,
      completedOn: t.completed_on,
      retired: t.retired_at !== null,
    })),
    ...(history ? { history: history.map((h) => ({ setAt: h.set_at, setBy: h.login, themeIds: h.theme_ids.map(Number) })) } : {}),
  };
}

/** The signed-in member's own plan (an empty one for an account with no person): for `GET /me/learning-plan` and the home page. */
export async function getMyLearningPlan(db: Db, actor: Actor): Promise<LearningPlan> {
  if (actor.personId === null) return { personId: 0, setAt: null, current: false, themes: [] };
  return readPlan(db, actor.personId, false);
}

/** A person's plan with its history, for their cell's officers and the officials above (personal data). */
export async function getLearningPlan(db: Db, actor: Actor, personId: number): Promise<LearningPlan> {
  const person = personId === actor.personId ? { id: personId } : await findPersonInScope(db, actor, personId, 'personal');
  if (!person) throw notFound('person.notFound');
  return readPlan(db, person.id, true);
}

/** The cells the person is a member of today: their plan counts in these cells' figures. */
async function currentCells(db: Db, personId: number): Promise<number[]> {
  const day = todayIso();
  const rows = await db
    .selectFrom('memberships')
    .select('cell_id')
    .where('person_id', '=', personId)
    .where('from_date', '<=', day)
    .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>', day)]))
    .execute();
  return rows.map((r) => Number(r.cell_id));
}

/** Sets (or reviews) a person's plan: by whoever manages their cell. Unknown or retired themes are a 400. */
export function setLearningPlan(db: Db, actor: Actor, personId: number, input: SetLearningPlan): Promise<LearningPlan> {
  return inTransaction(db, async (trx) => {
    const person = await findPersonInScope(trx, actor, personId, 'manage');
    if (!person) throw notFound('person.notFound');
    const ids = [...new Set(input.themeIds)];
    // Themes already in the plan may stay though retired since; only new ones must be live.
    const kept = new Set(
      (await trx.selectFrom('learning_plan_themes').select('theme_id').where('person_id', '=', person.id).execute()).map((r) =>
        Number(r.theme_id),
      ),
    );
    await requireLiveThemes(
      trx,
      ids.filter((id) => !kept.has(id)),
      'body.themeIds',
    );
    const setBy = actor.accountId || null;
    await trx
      .insertInto('learning_plans')
      .values({ person_id: person.id, set_by: setBy })
      .onConflict((oc) => oc.column('person_id').doUpdateSet({ set_at: sql<Date>`now()`, set_by: setBy }))
      .execute();
    await trx.deleteFrom('learning_plan_themes').where('person_id', '=', person.id).execute();
    if (ids.length)
      await trx
        .insertInto('learning_plan_themes')
        .values(ids.map((theme_id) => ({ person_id: person.id, theme_id })))
        .execute();
    await trx.insertInto('learning_plan_history').values({ person_id: person.id, set_by: setBy, theme_ids: ids }).execute();
    await recordAudit(trx, actor, { action: 'person.learningPlan', entity: 'person', entityId: person.id, before: [...kept], after: ids });
    await refreshFacts(trx, await currentCells(trx, person.id), [{ fact: 'learning_plans', on: todayIso() }]);
    return readPlan(trx, person.id, true);
  });
}

/** The person's plan with its history, the themes they completed and their enrolments: their data export. */
export async function educationForExport(db: Db, personId: number) {
  const [learningPlan, completions, enrolments] = await Promise.all([
    readPlan(db, personId, true),
    selectCompletions(db, personId),
    selectEnrolments(db, personId),
  ]);
  return { learningPlan, completions, enrolments };
}

/** Erasure takes the plan, its history and the enrolments; attendance at study meetings stays the cell's record. */
export async function erasePlanAndEnrolments(db: Db, personId: number): Promise<void> {
  const cells = await currentCells(db, personId);
  await db.deleteFrom('learning_plan_history').where('person_id', '=', personId).execute();
  await db.deleteFrom('learning_plans').where('person_id', '=', personId).execute();
  await db.deleteFrom('enrolments').where('person_id', '=', personId).execute();
  await refreshFacts(db, cells, [{ fact: 'learning_plans', on: todayIso() }]);
}
