/**
 * Ideas for the benches (issue 15), generated set-based from the rolls: one member in a hundred (picked
 * by a hash) submitted an idea this year, on a day spread over the year so far; of those, a tenth were
 * rejected and six in ten accepted, a fifth tried, and half introduced 0–120 days after submission
 * (never after today) with a benefit in one of three units of measure; those introduced six months ago
 * or more are confirmed. Each has its author and its submitted step. Idempotent on a kept database
 * (marked by the title).
 */
import type pg from 'pg';

const TITLE = 'Bench idea';

export async function ensureIdeas(pool: pg.Pool): Promise<{ ideas: number; introduced: number; seconds: number }> {
  const started = performance.now();
  const count = async (where = 'true') =>
    Number((await pool.query<{ n: string }>(`select count(*) as n from ideas where title = $1 and ${where}`, [TITLE])).rows[0]!.n);
  if ((await count()) === 0) {
    await pool.query(
      `with picked as (
         select r.cell_id, r.person_id, abs(hashtext(r.person_id::text || ':idea')) as h,
           greatest(date_trunc('year', current_date)::date, u.opened_on) as since
         from memberships r join units u on u.id = r.cell_id
         where r.to_date is null and u.closed_on is null and abs(hashtext(r.person_id::text || ':idea')) % 100 = 0
       ), dated as (
         select p.*, p.since + ((p.h / 100) % greatest(current_date - p.since + 1, 1))::int as submitted_on,
           (p.h / 7) % 10 as fate
         from picked p
       ), stepped as (
         select d.*, least(current_date, d.submitted_on + ((d.h / 11) % 30)::int) as evaluated_on,
           least(current_date, d.submitted_on + ((d.h / 13) % 121)::int) as introduced_on
         from dated d
       )
       insert into ideas (cell_id, title, description, status, submitted_on, evaluated_on, reasons, trial_from, introduced_on,
         benefit_amount, benefit_unit, benefit_period, confirmed_on)
       select s.cell_id, $1, 'Generated for the bench',
         case when s.fate = 0 then 'rejected' when s.fate < 3 then 'submitted' when s.fate < 5 then 'accepted'
              when s.fate < 6 then 'in_trial'
              when s.introduced_on + interval '6 months' <= current_date then 'confirmed' else 'introduced' end,
         s.submitted_on,
         case when s.fate = 0 or s.fate >= 3 then s.evaluated_on end,
         case when s.fate = 0 or s.fate >= 3 then 'Reasons' end,
         case when s.fate = 5 then s.evaluated_on end,
         case when s.fate >= 6 then greatest(s.introduced_on, s.evaluated_on) end,
         case when s.fate >= 6 then ((s.h / 17) % 5000)::numeric end,
         case when s.fate >= 6 then (array['t', 'KRW', 'hours'])[1 + (s.h / 19) % 3] end,
         case when s.fate >= 6 then 'year' end,
         case when s.fate >= 6 and s.introduced_on + interval '6 months' <= current_date then current_date end
       from stepped s
       order by s.cell_id`,
      [TITLE],
    );
    await pool.query(
      `insert into idea_authors (cell_id, idea_id, person_id)
       select i.cell_id, i.id, r.person_id from ideas i
       join lateral (select m.person_id from memberships m where m.cell_id = i.cell_id and m.to_date is null
         and abs(hashtext(m.person_id::text || ':idea')) % 100 = 0 order by m.person_id limit 1) r on true
       where i.title = $1 order by 1, 2`,
      [TITLE],
    );
    await pool.query(
      `insert into idea_events (cell_id, idea_id, on_day, step) select cell_id, id, submitted_on, 'submitted' from ideas where title = $1`,
      [TITLE],
    );
    await pool.query('analyze ideas; analyze idea_authors; analyze idea_events');
  }
  return { ideas: await count(), introduced: await count('introduced_on is not null'), seconds: (performance.now() - started) / 1000 };
}
