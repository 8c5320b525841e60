/** The SQL of ideas: an idea with its cell's path, the rows as the lists show them, the authors, the timeline. */
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { IdeaSummary } from '../../../shared/schemas/ideas.ts';

/** An idea with what its access rules need: its cell's path and name. */
export function ideaQuery(db: Db) {
  return db
    .selectFrom('ideas as i')
    .innerJoin('units as u', 'u.id', 'i.cell_id')
    .selectAll('i')
    .select([sql<string>`u.path::text`.as('path'), 'u.name as cell_name']);
}
export type IdeaRow = NonNullable<Awaited<ReturnType<ReturnType<typeof ideaQuery>['executeTakeFirst']>>>;

/** The idea `id`, locked for a step when `lock`. */
export function findIdea(db: Db, id: number, lock = false) {
  const q = ideaQuery(db).where('i.id', '=', id);
  return (lock ? q.forUpdate('i') : q).executeTakeFirst();
}

/** The authors of these ideas of one cell, by idea. */
export async function authorsOf(db: Db, cellIds: number[], ideaIds: number[]) {
  const byIdea = new Map<number, Array<{ id: number; fullName: string }>>();
  if (ideaIds.length === 0) return byIdea;
  const rows = await db
    .selectFrom('idea_authors as a')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .select(['a.idea_id', 'p.id', 'p.full_name'])
    .where('a.cell_id', 'in', [...new Set(cellIds)])
    .where('a.idea_id', 'in', ideaIds)
    .orderBy('p.full_name')
    .orderBy('p.id')
    .execute();
  for (const r of rows) {
    const list = byIdea.get(Number(r.idea_id)) ?? [];
    list.push({ id: Number(r.id), fullName: r.full_name });
    byIdea.set(Number(r.idea_id), list);
  }
  return byIdea;
}

export function toSummary(r: IdeaRow, authors: Map<number, Array<{ id: number; fullName: string }>>): IdeaSummary {
  return {
    id: Number(r.id),
    cellId: Number(r.cell_id),
    cellName: r.cell_name,
    title: r.title,
    status: r.status,
    submittedOn: r.submitted_on,
    introducedOn: r.introduced_on,
    authors: authors.get(Number(r.id)) ?? [],
  };
}

/** People of `ids` on the cell's roll now. */
export async function onRoll(db: Db, cellId: number, ids: number[]): Promise<Set<number>> {
  const rows = await db
    .selectFrom('memberships')
    .select('person_id')
    .where('cell_id', '=', cellId)
    .where('person_id', 'in', ids)
    .where('to_date', 'is', null)
    .execute();
  return new Set(rows.map((r) => Number(r.person_id)));
}

/** The idea's steps, oldest first, with who took them. */
export function timelineOf(db: Db, cellId: number, ideaId: number) {
  return db
    .selectFrom('idea_events as e')
    .leftJoin('accounts as a', 'a.id', 'e.account_id')
    .leftJoin('people as p', 'p.id', 'e.person_id')
    .select([
      'e.step',
      sql<string>`e.on_day::text`.as('on_day'),
      'e.at',
      'e.detail',
      sql<string | null>`coalesce(p.full_name, a.login)`.as('by'),
    ])
    .where('e.cell_id', '=', cellId)
    .where('e.idea_id', '=', ideaId)
    .orderBy('e.id')
    .execute();
}

/** One step of the timeline. */
export function recordStep(
  db: Db,
  idea: { cell_id: number; id: number },
  step: string,
  on: string,
  by: { accountId: number | null; personId: number | null },
  detail?: Record<string, unknown>,
) {
  return db
    .insertInto('idea_events')
    .values({
      cell_id: idea.cell_id,
      idea_id: idea.id,
      step,
      on_day: on,
      account_id: by.accountId,
      person_id: by.personId,
      detail: detail ? JSON.stringify(detail) : null,
    })
    .execute();
}
