/**
 * Nominations in a person's data rights (people/privacy.ts): their export carries every nomination of
 * them with its sponsors' recommendations, vote and decision; erasure keeps the rows (the pipeline's
 * figures stay true) but removes what was written about the person: the reason, the recommendations,
 * the criteria notes, the decision's reasons and the timeline's details.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

export function nominationsForExport(db: Db, personId: number) {
  return db
    .selectFrom('nominations as n')
    .innerJoin('units as u', 'u.id', 'n.cell_id')
    .select([
      'u.name as cell_name',
      'n.kind',
      'n.status',
      'n.reason',
      'n.nominated_on',
      'n.training_from',
      'n.voted_on',
      'n.votes_for',
      'n.votes_against',
      'n.votes_abstain',
      'n.decided_on',
      'n.decision_reason',
      sql<unknown>`coalesce((select json_agg(json_build_object('recommendation', s.recommendation, 'recommendedOn', s.recommended_on))
        from nomination_sponsors s where s.cell_id = n.cell_id and s.nomination_id = n.id), '[]'::json)`.as('recommendations'),
      sql<unknown>`coalesce((select json_agg(json_build_object('title', t.title, 'dueOn', t.due_on, 'doneOn', t.done_on) order by t.id)
        from nomination_tasks t where t.cell_id = n.cell_id and t.nomination_id = n.id), '[]'::json)`.as('tasks'),
    ])
    .where('n.person_id', '=', personId)
    .orderBy('n.nominated_on')
    .execute();
}

export async function eraseNominationTexts(db: Db, personId: number): Promise<void> {
  await sql`update nomination_sponsors s set recommendation = null from nominations n
    where n.person_id = ${personId} and s.cell_id = n.cell_id and s.nomination_id = n.id and s.recommendation is not null`.execute(db);
  await sql`update nomination_checks c set note = null from nominations n
    where n.person_id = ${personId} and c.cell_id = n.cell_id and c.nomination_id = n.id and c.note is not null`.execute(db);
  await sql`update nomination_events e set detail = null from nominations n
    where n.person_id = ${personId} and e.cell_id = n.cell_id and e.nomination_id = n.id`.execute(db);
  await db.updateTable('nominations').set({ reason: null, decision_reason: null }).where('person_id', '=', personId).execute();
}
