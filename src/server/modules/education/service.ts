/**
 * Education (issue 12): programmes of themes, written by the centre's administrators and read by every
 * signed-in user (a member's plan names its themes). A theme that has been studied is never deleted:
 * it is retired, leaving pickers and new plans while its completions and history stay.
 *
 * Learning plans (plans.ts): a plan is **current** when it was set or reviewed (saved again, even
 * unchanged) within the last 12 months; the share of members with a current plan is a rulebook kind.
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { requireCentralAdministrator } from '../../access/policies.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { badRequest, notFound } from '../../errors.ts';
import type { CreateProgramme, Programme, ThemeInput, UpdateProgramme } from '../../../shared/schemas/education.ts';
import { recordAudit } from '../audit/service.ts';
import { missingPublished } from '../library/queries.ts';
import { selectThemes } from './queries.ts';

export { getMyLearningPlan } from './plans.ts';

const themeColumns = (t: Partial<ThemeInput>) => ({
  ...(t.title === undefined ? {} : { title: t.title.normalize('NFC') }),
  ...(t.titleKo === undefined ? {} : { title_ko: t.titleKo || null }),
  ...(t.summary === undefined ? {} : { summary: t.summary || null }),
  ...(t.materialUrl === undefined ? {} : { material_url: t.materialUrl || null }),
  ...(t.planMinutes === undefined ? {} : { plan_minutes: t.planMinutes }),
  ...(t.planFormat === undefined ? {} : { plan_format: t.planFormat }),
  ...(t.planText === undefined ? {} : { plan_text: t.planText || null }),
});

async function setMaterials(trx: Db, themeId: number, itemIds: number[] | undefined): Promise<void> {
  if (itemIds === undefined) return;
  const ids = [...new Set(itemIds)];
  const missing = ids.length ? await missingPublished(trx, ids) : [];
  if (missing.length)
    throw badRequest('library.itemsNotFound', {
      params: { ids: missing.join(', ') },
      details: [{ path: 'body.themes', message: 'No such item' }],
    });
  await trx.deleteFrom('theme_materials').where('theme_id', '=', themeId).execute();
  if (ids.length)
    await trx
      .insertInto('theme_materials')
      .values(ids.map((item_id) => ({ theme_id: themeId, item_id })))
      .execute();
}

async function insertThemes(trx: Db, programmeId: number, themes: ThemeInput[]): Promise<void> {
  const last = await trx
    .selectFrom('programme_themes')
    .select(sql<number>`coalesce(max(position), -1)::int`.as('p'))
    .where('programme_id', '=', programmeId)
    .executeTakeFirstOrThrow();
  for (const [i, t] of themes.entries()) {
    const row = await trx
      .insertInto('programme_themes')
      .values({ programme_id: programmeId, position: last.p + 1 + i, title: t.title.normalize('NFC'), ...themeColumns(t) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await setMaterials(trx, row.id, t.itemIds);
  }
}

export function createProgramme(db: Db, actor: Actor, input: CreateProgramme): Promise<Programme> {
  return inTransaction(db, async (trx) => {
    requireCentralAdministrator(actor);
    const row = await trx
      .insertInto('programmes')
      .values({
        title: input.title.normalize('NFC'),
        title_ko: input.titleKo || null,
        description: input.description || null,
        created_by: actor.accountId || null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertThemes(trx, row.id, input.themes);
    await recordAudit(trx, actor, { action: 'programme.create', entity: 'programme', entityId: row.id, after: input, unitId: null });
    return getProgramme(trx, actor, row.id);
  });
}

/** Changes the wording, adds themes, changes themes and retires themes; a theme is never deleted. */
export function updateProgramme(db: Db, actor: Actor, id: number, input: UpdateProgramme): Promise<Programme> {
  return inTransaction(db, async (trx) => {
    requireCentralAdministrator(actor);
    const before = await trx.selectFrom('programmes').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw notFound('education.programmeNotFound');
    const own = new Set(
      (await trx.selectFrom('programme_themes').select('id').where('programme_id', '=', id).execute()).map((t) => Number(t.id)),
    );
    const foreign = [...(input.updateThemes ?? []).map((t) => t.id), ...(input.retireThemeIds ?? [])].filter((t) => !own.has(t));
    if (foreign.length) throw badRequest('education.themesNotFound', { params: { ids: [...new Set(foreign)].join(', ') } });
    await trx
      .updateTable('programmes')
      .set({
        ...(input.title === undefined ? {} : { title: input.title.normalize('NFC') }),
        ...(input.titleKo === undefined ? {} : { title_ko: input.titleKo || null }),
        ...(input.description === undefined ? {} : { description: input.description || null }),
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .execute();
    for (const t of input.updateThemes ?? []) {
      const columns = themeColumns(t);
      if (Object.keys(columns).length) await trx.updateTable('programme_themes').set(columns).where('id', '=', t.id).execute();
      await setMaterials(trx, t.id, t.itemIds);
    }
    if (input.retireThemeIds?.length)
      await trx
        .updateTable('programme_themes')
        .set({ retired_at: sql<Date>`now()` })
        .where('id', 'in', input.retireThemeIds)
        .where('retired_at', 'is', null)
        .execute();
    await insertThemes(trx, id, input.addThemes ?? []);
    await recordAudit(trx, actor, { action: 'programme.update', entity: 'programme', entityId: id, before, after: input, unitId: null });
    return getProgramme(trx, actor, id);
  });
}

type ProgrammeRow = { id: number; title: string; title_ko: string | null; description: string | null };
async function present(db: Db, rows: ProgrammeRow[]): Promise<Programme[]> {
  const themes = await selectThemes(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    titleKo: r.title_ko,
    description: r.description,
    themes: themes.filter((t) => t.programmeId === r.id),
  }));
}

/** Every programme with its themes (retired ones flagged): read by every signed-in user. */
export async function listProgrammes(db: Db, _actor: Actor): Promise<{ items: Programme[] }> {
  const rows = await db.selectFrom('programmes').select(['id', 'title', 'title_ko', 'description']).orderBy('id').execute();
  return { items: await present(db, rows) };
}

export async function getProgramme(db: Db, _actor: Actor, id: number): Promise<Programme> {
  const row = await db.selectFrom('programmes').select(['id', 'title', 'title_ko', 'description']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('education.programmeNotFound');
  return (await present(db, [row]))[0]!;
}
