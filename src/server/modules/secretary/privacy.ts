/**
 * Secretary feedback in a person's data rights (decision 0027). The export carries the ratings the
 * person gave (found through their rater keys, which only the server computes) and the averages about
 * them as a secretary under the three-rater rule. Erasure keeps the person's ratings counted but cuts them
 * loose: the comment goes and the key becomes a random one; comments about an erased secretary go.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { SECRETARY_LIMITS } from '../../../shared/schemas/secretary.ts';
import { round } from './feedback.ts';
import { quarterOf } from './quarters.ts';
import { raterKey } from './rater-key.ts';

/** The (cell, quarter, secretary, key) where the person's own ratings may be: cells they belonged to. */
async function ownKeys(db: Db, key: Buffer, personId: number) {
  const { rows } = await sql<{ cell_id: number; quarter: string; secretary_person_id: number }>`
    select distinct r.cell_id, r.quarter::text as quarter, r.secretary_person_id from secretary_ratings r
    where r.cell_id in (select cell_id from memberships where person_id = ${personId}) and r.secretary_person_id <> ${personId}`.execute(
    db,
  );
  return rows.map((r) => ({
    cellId: Number(r.cell_id),
    quarter: r.quarter,
    secretaryId: Number(r.secretary_person_id),
    key: raterKey(key, { cellId: Number(r.cell_id), quarter: r.quarter, secretaryId: Number(r.secretary_person_id) }, personId),
  }));
}

const keyTable = (keys: Awaited<ReturnType<typeof ownKeys>>) =>
  sql`unnest(${keys.map((k) => k.cellId)}::bigint[], ${keys.map((k) => k.quarter)}::date[], ${keys.map((k) => k.secretaryId)}::bigint[],
    ${keys.map((k) => k.key)}::text[]) as k(cell_id, quarter, secretary_person_id, rater_key)`;

export async function secretaryFeedbackForExport(db: Db, key: Buffer, personId: number) {
  const keys = await ownKeys(db, key, personId);
  const given =
    keys.length === 0
      ? []
      : (
          await sql<{
            cell_name: string;
            quarter: string;
            secretary: string;
            comment: string | null;
            ratings: Array<{ trait: string; score: number }>;
          }>`
        select u.name as cell_name, r.quarter::text as quarter, p.full_name as secretary, r.comment,
          coalesce((select json_agg(json_build_object('trait', t.code, 'score', s.score) order by t.position, t.id)
            from secretary_rating_scores s join secretary_traits t on t.id = s.trait_id
            where s.cell_id = r.cell_id and s.quarter = r.quarter and s.secretary_person_id = r.secretary_person_id
              and s.rater_key = r.rater_key), '[]'::json) as ratings
        from ${keyTable(keys)}
        join secretary_ratings r using (cell_id, quarter, secretary_person_id, rater_key)
        join units u on u.id = r.cell_id join people p on p.id = r.secretary_person_id
        order by r.quarter, u.name`.execute(db)
        ).rows.map((r) => ({ ...r, quarter: quarterOf(r.quarter) }));
  const { rows: about } = await sql<{
    cell_name: string;
    quarter: string;
    raters: number;
    traits: Array<{ trait: string; avg: number; n: number }>;
  }>`
    select u.name as cell_name, g.quarter::text as quarter, g.raters,
      (select json_agg(json_build_object('trait', t.code, 'avg', x.avg, 'n', x.n) order by t.position, t.id)
        from (select trait_id, avg(score)::float8 as avg, count(*) as n from secretary_rating_scores s
          where s.cell_id = g.cell_id and s.quarter = g.quarter and s.secretary_person_id = ${personId} group by trait_id) x
        join secretary_traits t on t.id = x.trait_id) as traits
    from (select cell_id, quarter, count(*)::int as raters from secretary_ratings where secretary_person_id = ${personId}
      group by cell_id, quarter having count(*) >= ${SECRETARY_LIMITS.minRaters}) g
    join units u on u.id = g.cell_id
    order by g.quarter, u.name`.execute(db);
  return {
    ratingsGiven: given,
    averagesAboutYou: about.map((a) => ({
      cellName: a.cell_name,
      quarter: quarterOf(a.quarter),
      raters: a.raters,
      traits: (a.traits ?? []).map((t) => ({ code: t.trait, average: t.n >= SECRETARY_LIMITS.minRaters ? round(t.avg) : null })),
    })),
  };
}

export async function eraseSecretaryFeedback(db: Db, key: Buffer, personId: number): Promise<void> {
  await db.updateTable('secretary_ratings').set({ comment: null }).where('secretary_person_id', '=', personId).execute();
  const keys = await ownKeys(db, key, personId);
  if (keys.length === 0) return;
  await sql`update secretary_ratings r set comment = null, rater_key = replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')
    from ${keyTable(keys)}
    where r.cell_id = k.cell_id and r.quarter = k.quarter and r.secretary_person_id = k.secretary_person_id and r.rater_key = k.rater_key`.execute(
    db,
  );
}
