/**
 * Secretary feedback for the benches (issue 14), generated set-based from the rolls for the quarter in
 * progress: in 30 % of the cells (picked by a hash) half of the members on the roll rate the cell's
 * secretary (the `secretary` membership, else the cell's first member as a stand-in) on every live trait,
 * one in five with a comment; rater keys are random-looking hex as the HMAC makes them. The per-unit
 * totals are then rebuilt set-based (what the writes would have kept). Idempotent on a kept database.
 */
import type pg from 'pg';
import { createDatabase } from '../../src/server/db/database.ts';
import { quarterOf, quarterStart } from '../../src/server/modules/secretary/quarters.ts';
import { rebuildTotals } from '../../src/server/modules/secretary/totals.ts';

export async function ensureSecretaryFeedback(pool: pg.Pool): Promise<{ ratings: number; seconds: number; quarter: string }> {
  const started = performance.now();
  const quarter = quarterStart(quarterOf());
  const count = async () =>
    Number((await pool.query<{ n: string }>('select count(*) as n from secretary_ratings where quarter = $1', [quarter])).rows[0]!.n);
  if ((await count()) === 0) {
    await pool.query(
      `insert into secretary_ratings (cell_id, quarter, secretary_person_id, rater_key, comment)
       select r.cell_id, $1::date, r.sec, md5(r.person_id::text || ':sfa') || md5(r.person_id::text || ':sfb'),
         case when r.h % 5 = 0 then 'Bench comment ' || r.h % 97 end
       from (
         select m.cell_id, s.sec, m.person_id, abs(hashtext(m.person_id::text || ':sfr')) as h
         from (
           select u.id as cell_id, coalesce(
             (select person_id from memberships where cell_id = u.id and to_date is null and role = 'secretary'),
             (select min(person_id) from memberships where cell_id = u.id and to_date is null)) as sec
           from units u where u.kind = 'cell' and abs(hashtext(u.id::text || ':sf')) % 10 < 3) s
         join memberships m on m.cell_id = s.cell_id and m.to_date is null and m.person_id <> s.sec
       ) r
       where r.sec is not null and r.h % 2 = 0
       order by r.cell_id`,
      [quarter],
    );
    await pool.query(
      `insert into secretary_rating_scores (cell_id, quarter, secretary_person_id, rater_key, trait_id, score)
       select r.cell_id, r.quarter, r.secretary_person_id, r.rater_key, t.id, 1 + abs(hashtext(r.rater_key || t.code)) % 5
       from secretary_ratings r cross join secretary_traits t
       where r.quarter = $1::date and t.retired_at is null
       order by r.cell_id`,
      [quarter],
    );
    await rebuildTotals(createDatabase(pool), quarter);
    await pool.query(
      'analyze secretary_ratings; analyze secretary_rating_scores; analyze secretary_feedback_unit_counts; analyze secretary_feedback_unit_totals',
    );
  }
  return { ratings: await count(), seconds: (performance.now() - started) / 1000, quarter: quarterOf(quarter) };
}
