/**
 * Mentorships in a person's data rights (people/privacy.ts): the export carries every mentorship in
 * which they are mentor or mentee, with its log, and every log entry they wrote. Erasure keeps the
 * rows (the cells' counts stay true) but removes the texts about or by the person: the goals and the
 * log notes of their mentorships, and the notes they wrote in others'.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

export const ERASED_NOTE = '(erased)';

export function mentorshipsForExport(db: Db, personId: number) {
  return db
    .selectFrom('mentorships as ms')
    .innerJoin('units as u', 'u.id', 'ms.cell_id')
    .innerJoin('people as mr', 'mr.id', 'ms.mentor_id')
    .innerJoin('people as me', 'me.id', 'ms.mentee_id')
    .select([
      'u.name as cell_name',
      'ms.kind',
      'mr.full_name as mentor',
      'me.full_name as mentee',
      'ms.goals',
      'ms.started_on',
      'ms.ended_on',
      'ms.outcome',
      sql<unknown>`coalesce((select json_agg(json_build_object('kind', l.kind, 'metOn', l.met_on, 'note', l.note) order by l.met_on, l.id)
        from mentorship_log l where l.cell_id = ms.cell_id and l.mentorship_id = ms.id), '[]'::json)`.as('log'),
    ])
    .where((eb) => eb.or([eb('ms.mentor_id', '=', personId), eb('ms.mentee_id', '=', personId)]))
    .orderBy('ms.started_on')
    .orderBy('ms.id')
    .execute();
}

/** Log entries the person wrote in mentorships they are not part of (as a secretary, say). */
export function mentorshipNotesWrittenBy(db: Db, personId: number) {
  return db
    .selectFrom('mentorship_log as l')
    .innerJoin('mentorships as ms', (j) => j.onRef('ms.cell_id', '=', 'l.cell_id').onRef('ms.id', '=', 'l.mentorship_id'))
    .select(['l.kind', 'l.met_on', 'l.note'])
    .where('l.written_by_person', '=', personId)
    .where('ms.mentor_id', '<>', personId)
    .where('ms.mentee_id', '<>', personId)
    .orderBy('l.met_on')
    .orderBy('l.id')
    .execute();
}

export async function eraseMentorshipTexts(db: Db, personId: number): Promise<void> {
  await sql`update mentorship_log l set note = ${ERASED_NOTE} from mentorships ms
    where ms.cell_id = l.cell_id and ms.id = l.mentorship_id and (ms.mentor_id = ${personId} or ms.mentee_id = ${personId})`.execute(db);
  await db.updateTable('mentorship_log').set({ note: ERASED_NOTE }).where('written_by_person', '=', personId).execute();
  await db
    .updateTable('mentorships')
    .set({ goals: null })
    .where((eb) => eb.or([eb('mentor_id', '=', personId), eb('mentee_id', '=', personId)]))
    .execute();
}
