/**
 * Assignments in a person's data rights (people/privacy.ts): their export carries every assignment
 * given them with its progress reports and evaluation; erasure keeps the rows (the cell's figures stay
 * true) but removes what was written by or about the person: their notes and the evaluation comments.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

export function assignmentsForExport(db: Db, personId: number) {
  return db
    .selectFrom('assignments as a')
    .innerJoin('units as u', 'u.id', 'a.cell_id')
    .select([
      'u.name as cell_name',
      'a.title',
      'a.description',
      'a.done_when',
      'a.given_on',
      'a.due_on',
      'a.status',
      'a.percent',
      'a.closed_on',
      'a.score',
      'a.evaluation_comment',
      'a.evaluated_on',
      sql<unknown>`coalesce((select json_agg(json_build_object('status', r.status, 'percent', r.percent, 'note', r.note, 'reportedAt', r.reported_at)
        order by r.id) from assignment_reports r where r.cell_id = a.cell_id and r.assignment_id = a.id), '[]'::json)`.as('reports'),
    ])
    .where('a.person_id', '=', personId)
    .orderBy('a.given_on')
    .orderBy('a.id')
    .execute();
}

export async function eraseAssignmentTexts(db: Db, personId: number): Promise<void> {
  await sql`update assignment_reports r set note = null from assignments a
    where a.person_id = ${personId} and r.cell_id = a.cell_id and r.assignment_id = a.id and r.note is not null`.execute(db);
  await db.updateTable('assignments').set({ evaluation_comment: null }).where('person_id', '=', personId).execute();
}
