/**
 * Nominations for the pipeline bench (issue 13), generated set-based: a new person nominated to the
 * cell of about one member in fifty (2 %), spread over the steps (nominated, in training, voted and
 * awaiting decision, vote not passed, approved, rejected), the voted ones at the cell's latest held
 * general meeting. Idempotent on a kept database (marked by the nominees' names). Approvals here do not
 * write memberships: the bench reads the figures only.
 */
import type pg from 'pg';

const NAME = 'Bench nominee';

export async function ensureNominations(pool: pg.Pool): Promise<{ rows: number; members: number; seconds: number }> {
  const started = performance.now();
  const count = async () =>
    Number(
      (
        await pool.query<{ n: string }>(
          `select count(*) as n from nominations n join people p on p.id = n.person_id where p.full_name = $1`,
          [NAME],
        )
      ).rows[0]!.n,
    );
  if ((await count()) === 0) {
    await pool.query(
      `with picked as (
         select m.cell_id, abs(hashtext(m.person_id::text || ':nominee')) / 50 as h,
           (select max(g.meets_on) from meetings g where g.cell_id = m.cell_id and g.kind = 'general' and g.status = 'held') as met
         from memberships m where m.to_date is null and abs(hashtext(m.person_id::text || ':nominee')) % 50 = 0),
       people_added as (
         insert into people (full_name, workplace) select $1, 'h' || h from picked returning id, workplace),
       rows as (
         select pk.cell_id, pa.id as person_id, pk.h,
           case when pk.met is null then (array['nominated', 'in_training'])[1 + pk.h % 2]
             else (array['nominated', 'in_training', 'voted', 'not_passed', 'approved', 'rejected'])[1 + pk.h % 6] end as status,
           coalesce(pk.met, current_date) as met
         from picked pk join people_added pa on pa.workplace = 'h' || pk.h)
       insert into nominations (cell_id, kind, person_id, status, nominated_on, training_from, meeting_id, votes_for, votes_against,
         votes_abstain, present, eligible, quorum_met, voted_on, decided_on)
       select r.cell_id, 'candidate', r.person_id, r.status,
         least(r.met, current_date) - 20 - (r.h % 40),
         case when r.status <> 'nominated' then least(r.met, current_date) - 15 end,
         case when r.status in ('voted', 'not_passed', 'approved', 'rejected')
           then (select g.id from meetings g where g.cell_id = r.cell_id and g.kind = 'general' and g.status = 'held' and g.meets_on = r.met limit 1) end,
         0, 0, 0, 0, 0, true,
         case when r.status in ('voted', 'not_passed', 'approved', 'rejected') then r.met end,
         case when r.status in ('approved', 'rejected') then least(r.met + 7, current_date) end
       from rows r
       on conflict do nothing`,
      [NAME],
    );
    await pool.query('analyze people; analyze nominations');
  }
  const members = Number((await pool.query<{ n: string }>('select count(*) as n from memberships where to_date is null')).rows[0]!.n);
  return { rows: await count(), members, seconds: (performance.now() - started) / 1000 };
}
