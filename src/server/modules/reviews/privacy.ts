/**
 * A member's review data in their own export, and its erasure (decision 0021). The author gets every
 * item they wrote, anonymous ones found through the keys only the server computes; the person an item
 * is about gets it under the same three-author rule as on screen, without authors.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { authorKey } from './author-key.ts';
import * as q from './queries.ts';
import { presentFeedback } from './service.ts';

/** The anonymous sessions' keys of one author: where their own anonymous items may be. */
async function keysOf(db: Db, key: Buffer, personId: number) {
  return (await q.selectAnonymousSessionsOf(db, personId)).map((meetingId) => ({ meetingId, key: authorKey(key, meetingId, personId) }));
}

export async function reviewDataForExport(db: Db, key: Buffer, personId: number) {
  const [selfAssessments, given, about] = await Promise.all([
    db
      .selectFrom('self_assessments as s')
      .innerJoin('meetings as m', (j) => j.onRef('m.cell_id', '=', 's.cell_id').onRef('m.id', '=', 's.meeting_id'))
      .select(['s.meeting_id as meetingId', sql<string>`m.meets_on::text`.as('meetsOn'), 's.text', 's.updated_at as updatedAt'])
      .where('s.person_id', '=', personId)
      .orderBy('m.meets_on')
      .orderBy('s.meeting_id')
      .execute(),
    keysOf(db, key, personId).then((keys) => q.selectFeedbackBy(db, personId, keys)),
    q.selectFeedbackAbout(db, personId, null),
  ]);
  return { selfAssessments, feedbackGiven: given, feedbackAboutYou: presentFeedback(about) };
}

/**
 * Erasing a person: their self-assessments and the feedback about them go; named feedback they gave
 * stays with the erased name (it is about others, and theirs to keep); their anonymous items stay,
 * their key replaced by a random one, so they still count as one author and nothing leads back.
 */
export async function eraseReviewData(db: Db, key: Buffer, personId: number): Promise<void> {
  await db.deleteFrom('self_assessments').where('person_id', '=', personId).execute();
  await db.deleteFrom('feedback').where('about_person_id', '=', personId).execute();
  const keys = await keysOf(db, key, personId);
  if (keys.length === 0) return;
  await sql`update feedback f set author_key = replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')
    where (f.meeting_id, f.author_key) in (select * from unnest(${keys.map((k) => k.meetingId)}::bigint[], ${keys.map((k) => k.key)}::text[]))`.execute(
    db,
  );
}
