/** What the monthly report reads beside the figures: the month's decisions, the kinds' names, the organization. */
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { MonthlyReport } from '../../../shared/schemas/reports.ts';

/** The decisions of the given meetings, in meeting order, each with its actions (soonest due first). */
export async function selectDecisions(db: Db, cellId: number, meetingIds: number[]): Promise<MonthlyReport['decisions']> {
  if (meetingIds.length === 0) return [];
  const [decisions, actions] = await Promise.all([
    db
      .selectFrom('decisions as d')
      .innerJoin('meetings as m', (j) => j.onRef('m.cell_id', '=', 'd.cell_id').onRef('m.id', '=', 'd.meeting_id'))
      .select(['d.id', 'd.meeting_id as meetingId', 'd.text'])
      .where('d.cell_id', '=', cellId)
      .where('d.meeting_id', 'in', meetingIds)
      .orderBy('m.starts_at')
      .orderBy('d.id')
      .execute(),
    db
      .selectFrom('decision_actions as a')
      .innerJoin('decisions as d', (j) => j.onRef('d.cell_id', '=', 'a.cell_id').onRef('d.id', '=', 'a.decision_id'))
      .leftJoin('people as p', 'p.id', 'a.owner_person_id')
      .select([
        'a.id',
        'a.decision_id as decisionId',
        'a.title',
        'p.full_name as ownerName',
        sql<string>`a.due_on::text`.as('dueOn'),
        'a.status',
      ])
      .where('a.cell_id', '=', cellId)
      .where('d.meeting_id', 'in', meetingIds)
      .orderBy('a.due_on')
      .orderBy('a.id')
      .execute(),
  ]);
  return decisions.map((d) => ({
    ...d,
    actions: actions.filter((a) => a.decisionId === d.id).map(({ decisionId: _d, ...a }) => a),
  }));
}

/** Meeting kinds' names in both languages, retired ones included (old months still name them). */
export async function selectKindNames(db: Db): Promise<Map<string, { en: string; ko: string }>> {
  const rows = await db.selectFrom('meeting_kinds').select(['code', 'name_en', 'name_ko']).execute();
  return new Map(rows.map((k) => [k.code, { en: k.name_en, ko: k.name_ko }]));
}

/**
 * The organization a cell belongs to: the root of its tree, named on the report's letterhead. Only its
 * name is read, as a letterhead names it; no id or link into a scope the reader may not have.
 */
export async function selectOrganizationName(db: Db, cellPath: string): Promise<string | null> {
  const row = await db.selectFrom('units').select('name').where(sql<boolean>`path = subpath(${cellPath}::ltree, 0, 1)`).executeTakeFirst();
  return row?.name ?? null;
}
