/**
 * Officials' visits for the benches (issue 14), generated set-based from the tree: two cells in five
 * (picked by a hash) had one to three visits held over the last 180 days, from the committee above
 * them; one in five has a visit planned in the next 20 days; a third of the held visits raised a
 * problem, half of them solved since. The cells' last visit day follows. Idempotent on a kept database
 * (marked by the visits' purpose).
 */
import type pg from 'pg';

const PURPOSE = 'Bench visit';

export async function ensureVisits(pool: pg.Pool): Promise<{ visits: number; visited: number; seconds: number }> {
  const started = performance.now();
  const count = async () =>
    Number((await pool.query<{ n: string }>('select count(*) as n from visits where purpose = $1', [PURPOSE])).rows[0]!.n);
  if ((await count()) === 0) {
    await pool.query(
      `insert into visits (cell_id, status, planned_on, purpose, official_unit_id, held_on, members_met, findings)
       select u.id, 'held', d.day, $1, u.parent_id, d.day, least(u.member_count, 3), 'What the official found'
       from units u
       cross join lateral (select abs(hashtext(u.id::text || ':visit')) as h) x
       cross join lateral generate_series(0, x.h % 3) as g(n)
       cross join lateral (select current_date - ((x.h / 5 + g.n * 53) % 180)::int as day) d
       where u.kind = 'cell' and u.closed_on is null and x.h % 5 < 2 and d.day >= u.opened_on
       union all
       select u.id, 'planned', current_date + x.h % 20, $1, u.parent_id, null, null, null
       from units u cross join lateral (select abs(hashtext(u.id::text || ':visit')) as h) x
       where u.kind = 'cell' and u.closed_on is null and x.h % 5 = 2
       order by 1`,
      [PURPOSE],
    );
    await pool.query(
      `insert into visit_problems (cell_id, visit_id, title, owner_person_id, due_on, status, resolution, raised_on, closed_on)
       select v.cell_id, v.id, 'A problem raised', null, v.held_on + 30, case when v.id % 2 = 0 then 'solved' else 'open' end,
         case when v.id % 2 = 0 then 'Solved' end, v.held_on, case when v.id % 2 = 0 then least(current_date, v.held_on + 10) end
       from visits v where v.purpose = $1 and v.status = 'held' and v.id % 3 = 0
       order by 1, 2`,
      [PURPOSE],
    );
    await pool.query(
      `update units u set last_visited_on = l.last
       from (select cell_id, max(held_on) as last from visits where status = 'held' group by cell_id) l
       where u.id = l.cell_id and u.last_visited_on is distinct from l.last`,
    );
    await pool.query('analyze visits; analyze visit_problems; analyze units');
  }
  const visited = Number(
    (await pool.query<{ n: string }>(`select count(*) as n from units where kind = 'cell' and last_visited_on is not null`)).rows[0]!.n,
  );
  return { visits: await count(), visited, seconds: (performance.now() - started) / 1000 };
}
