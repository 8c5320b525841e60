/**
 * Requests for help in a person's data rights (people/privacy.ts): the export carries the person's
 * requests with every answer given them, and the replies they wrote to others' shared requests (their
 * own words only). Erasure keeps the rows and their history (the cell's counts stay true) and removes
 * the texts: their requests' subject and text, the answers to them, and the answers they wrote.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

export async function helpRequestsForExport(db: Db, personId: number) {
  const [requests, replies] = await Promise.all([
    db
      .selectFrom('help_requests as r')
      .innerJoin('units as u', 'u.id', 'r.cell_id')
      .select([
        'u.name as cell_name',
        'r.subject',
        'r.text',
        'r.visibility',
        'r.status',
        'r.asked_on',
        'r.first_answered_on',
        sql<unknown>`coalesce((select json_agg(json_build_object('text', a.text, 'answeredAt', a.answered_at, 'bySecretary', a.by_secretary)
          order by a.id) from help_answers a where a.cell_id = r.cell_id and a.request_id = r.id), '[]'::json)`.as('answers'),
        sql<unknown>`coalesce((select json_agg(json_build_object('status', s.status, 'onDay', s.on_day) order by s.id)
          from help_request_steps s where s.cell_id = r.cell_id and s.request_id = r.id), '[]'::json)`.as('history'),
      ])
      .where('r.person_id', '=', personId)
      .orderBy('r.id')
      .execute(),
    db
      .selectFrom('help_answers as a')
      .select(['a.request_id', 'a.text', 'a.answered_at', 'a.by_secretary'])
      .where('a.person_id', '=', personId)
      .orderBy('a.id')
      .execute(),
  ]);
  return { requests, answersWritten: replies };
}

export async function eraseHelpRequestTexts(db: Db, personId: number): Promise<void> {
  await sql`update help_answers a set text = null from help_requests r
    where r.person_id = ${personId} and a.cell_id = r.cell_id and a.request_id = r.id and a.text is not null`.execute(db);
  await db.updateTable('help_answers').set({ text: null }).where('person_id', '=', personId).where('text', 'is not', null).execute();
  await db.updateTable('help_requests').set({ subject: null, text: null }).where('person_id', '=', personId).execute();
}
