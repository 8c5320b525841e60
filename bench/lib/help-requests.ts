/**
 * Requests for help for the benches (issue 13), generated set-based from the rolls: 2 % of the members
 * on a roll (picked by a hash) ask once over the last 60 days; a quarter each are still open, answered,
 * resolved or withdrawn, answered 0 to 39 days after asking, with their status history. Idempotent on a
 * kept database (marked by their subject).
 */
import type pg from 'pg';

const SUBJECT = 'Bench help';

export async function ensureHelpRequests(pool: pg.Pool): Promise<{ rows: number; seconds: number }> {
  const started = performance.now();
  const count = async () =>
    Number((await pool.query<{ n: string }>('select count(*) as n from help_requests where subject = $1', [SUBJECT])).rows[0]!.n);
  if ((await count()) === 0) {
    await pool.query(
      `insert into help_requests (cell_id, person_id, subject, text, visibility, status, asked_on, first_answered_on)
       select w.cell_id, w.person_id, $1, 'A problem at work', case when w.h % 2 = 0 then 'cell' else 'secretary' end, w.status, w.asked_on,
         case when w.status in ('answered', 'resolved') then least(current_date, w.asked_on + w.h % 40) end
       from (select m.cell_id, m.person_id, x.h, current_date - x.h % 60 as asked_on,
           (array['open', 'answered', 'resolved', 'withdrawn'])[1 + (x.h / 7) % 4] as status
         from memberships m cross join lateral (select abs(hashtext(m.person_id::text || ':help')) as h) x
         where m.to_date is null and x.h % 50 = 0) w`,
      [SUBJECT],
    );
    await pool.query(
      `insert into help_request_steps (cell_id, request_id, status, on_day)
       select cell_id, id, 'open', asked_on from help_requests where subject = $1
       union all
       select cell_id, id, 'answered', first_answered_on from help_requests where subject = $1 and first_answered_on is not null
       union all
       select cell_id, id, 'resolved', first_answered_on from help_requests where subject = $1 and status = 'resolved'
       union all
       select cell_id, id, 'withdrawn', least(current_date, asked_on + 1) from help_requests where subject = $1 and status = 'withdrawn'
       order by 1, 2, 4, 3 desc`,
      [SUBJECT],
    );
    await pool.query('analyze help_requests; analyze help_request_steps');
  }
  return { rows: await count(), seconds: (performance.now() - started) / 1000 };
}
