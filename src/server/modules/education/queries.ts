/** Education's SQL: themes with their materials, completions (derived, see the migration's view) and a plan's themes. */
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Theme } from '../../../shared/schemas/education.ts';

/** Every theme of these programmes (retired ones included, flagged), in programme order, with their library items. */
export async function selectThemes(db: Db, programmeIds: number[]): Promise<Theme[]> {
  if (!programmeIds.length) return [];
  const rows = await db
    .selectFrom('programme_themes as t')
    .selectAll('t')
    .select(
      sql<
        Array<{ id: number; title: string }>
      >`coalesce((select json_agg(json_build_object('id', i.id, 'title', i.title) order by i.title, i.id)
        from theme_materials tm join library_items i on i.id = tm.item_id where tm.theme_id = t.id), '[]'::json)`.as('items'),
    )
    .where('t.programme_id', 'in', programmeIds)
    .orderBy('t.programme_id')
    .orderBy('t.position')
    .orderBy('t.id')
    .execute();
  return rows.map((t) => ({
    id: t.id,
    programmeId: t.programme_id,
    title: t.title,
    titleKo: t.title_ko,
    summary: t.summary,
    materialUrl: t.material_url,
    items: t.items,
    planMinutes: t.plan_minutes,
    planFormat: t.plan_format,
    planText: t.plan_text,
    retired: t.retired_at !== null,
  }));
}

/** The ids among `ids` that are no theme, and those that are retired. */
export async function checkThemes(db: Db, ids: number[]): Promise<{ unknown: number[]; retired: number[] }> {
  if (!ids.length) return { unknown: [], retired: [] };
  const rows = await db.selectFrom('programme_themes').select(['id', 'retired_at']).where('id', 'in', ids).execute();
  const found = new Map(rows.map((r) => [r.id, r.retired_at !== null]));
  return { unknown: ids.filter((id) => !found.has(id)), retired: ids.filter((id) => found.get(id) === true) };
}

/** The themes of a person's plan with their programme and the person's completion of each. */
export function selectPlanThemes(db: Db, personId: number) {
  return db
    .selectFrom('learning_plan_themes as lp')
    .innerJoin('programme_themes as t', 't.id', 'lp.theme_id')
    .innerJoin('programmes as p', 'p.id', 't.programme_id')
    .leftJoin('education_completions as c', (j) => j.onRef('c.person_id', '=', 'lp.person_id').onRef('c.theme_id', '=', 'lp.theme_id'))
    .select([
      't.id',
      't.title',
      't.title_ko',
      't.retired_at',
      'p.id as programme_id',
      'p.title as programme_title',
      'p.title_ko as programme_title_ko',
      sql<string | null>`c.completed_on::text`.as('completed_on'),
    ])
    .where('lp.person_id', '=', personId)
    .orderBy('p.id')
    .orderBy('t.position')
    .orderBy('t.id')
    .execute();
}

/** Every theme a person completed, and when, for their data export. */
export function selectCompletions(db: Db, personId: number) {
  return db
    .selectFrom('education_completions as c')
    .innerJoin('programme_themes as t', 't.id', 'c.theme_id')
    .select(['t.id as themeId', 't.title', sql<string>`c.completed_on::text`.as('completedOn')])
    .where('c.person_id', '=', personId)
    .orderBy('c.completed_on')
    .orderBy('t.id')
    .execute();
}
