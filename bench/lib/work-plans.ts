/**
 * Work plans and deeds for the benches (issue 15), generated set-based from the tree, idempotent on a
 * kept database: for this quarter, half the open cells (picked by a hash) have an adopted plan and one
 * in ten a draft, three to five goals each; last quarter, seven in ten have a reviewed plan. One cell in
 * four recorded one to three deeds in the last year; one deed in three is published to an ancestor of its cell (the
 * centre, its region or its district, by a hash).
 */
import type pg from 'pg';
import { quarterDays, quarterOf } from '../../src/shared/schemas/work-plans.ts';

export async function ensureWorkPlans(pool: pg.Pool, today = new Date().toISOString().slice(0, 10)) {
  const started = performance.now();
  const current = quarterOf(today);
  const previous = quarterOf(new Date(Date.parse(`${quarterDays(current).startsOn}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10));
  const count = async () => Number((await pool.query<{ n: string }>('select count(*) as n from work_plans')).rows[0]!.n);
  if ((await count()) === 0) {
    for (const [period, share, reviewed] of [
      [current, 6, false],
      [previous, 7, true],
    ] as const) {
      const d = quarterDays(period);
      await pool.query(
        `insert into work_plans (cell_id, period, starts_on, ends_on, status, adopted_on, reviewed_on)
         select u.id, $1, $2::date, $3::date,
           case when $5 then 'reviewed' when x.h % 10 < 5 then 'adopted' else 'draft' end,
           case when $5 or x.h % 10 < 5 then $2::date + 10 end,
           case when $5 then $3::date - 5 end
         from units u cross join lateral (select abs(hashtext(u.id::text || ':plan:' || $1)) as h) x
         where u.kind = 'cell' and u.closed_on is null and x.h % 10 < $4
         order by u.id`,
        [period, d.startsOn, d.endsOn, share, reviewed],
      );
    }
    await pool.query(
      `insert into work_plan_goals (cell_id, plan_id, position, kind, title, met)
       select wp.cell_id, wp.id, g.n, (array['target','study','innovation','assignment'])[1 + g.n % 4], 'Goal ' || g.n,
         case when wp.status = 'reviewed' then (wp.id + g.n) % 3 > 0 end
       from work_plans wp cross join lateral generate_series(0, 2 + wp.id % 3) as g(n)
       order by wp.cell_id, wp.id`,
    );
    await pool.query(
      `insert into deeds (cell_id, title, description, done_on, witnesses)
       select u.id, 'A laudable deed', 'What was done, and how', current_date - ((x.h / 7 + g.n * 97) % 365)::int, 'The shift'
       from units u cross join lateral (select abs(hashtext(u.id::text || ':deed')) as h) x
       cross join lateral generate_series(0, x.h % 3) as g(n)
       where u.kind = 'cell' and u.closed_on is null and x.h % 4 = 0 order by u.id`,
    );
    await pool.query(
      `update deeds d set published_unit_id = a.id, published_path = a.path, published_at = now()
       from units u cross join lateral (select abs(hashtext(u.id::text || ':pub')) as h) x
         cross join lateral (select p.id, p.path from units p where p.path = subpath(u.path, 0, least(1 + x.h % 3, nlevel(u.path) - 1))) a
       where u.id = d.cell_id and d.id % 3 = 0`,
    );
    await pool.query('analyze work_plans; analyze work_plan_goals; analyze deeds');
  }
  const deeds = await pool.query<{ n: string; published: string }>('select count(*) as n, count(published_path) as published from deeds');
  return {
    current,
    plans: await count(),
    deeds: Number(deeds.rows[0]!.n),
    published: Number(deeds.rows[0]!.published),
    seconds: (performance.now() - started) / 1000,
  };
}
