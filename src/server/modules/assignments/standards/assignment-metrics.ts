/**
 * What assignments contribute to the per-cell, per-month metrics (docs/modules.md), owned under
 * `assignments:`:
 * - `members`: people on the cell's roll on the data end's last day; `active_members`: those of them
 *   with an assignment of the cell active at some point in the month (given before the data end, not
 *   done or cancelled before the month began);
 * - `due`: assignments (not cancelled) due in the month so far; `evaluated`: those evaluated;
 *   `score_sum`: their scores' sum (the mean score of the participation view).
 * It carries forward: work given in May and still open counts in June. It reads the rolls too: a
 * membership change (people/units: changeMembership) names the `memberships` fact. The bulk import
 * writes memberships without it: its cells' member counts follow at the next rebuild.
 */
import { sql } from 'kysely';
import type { MetricSource, MetricWindow } from '../../compliance/plugin.ts';
import { cellFilter } from '../../meetings/metrics.ts';

export const PREFIX = 'assignments:';

const rollAndActive = (w: MetricWindow) => sql`
  select r.cell_id, count(*)::float8 as members, count(act.person_id)::float8 as active
  from memberships r
  left join (select distinct a.cell_id, a.person_id from assignments a
    where a.given_on < ${w.end}::date and (a.closed_on is null or a.closed_on >= ${w.period}::date) and ${cellFilter('a.cell_id', w.cellIds)}) act
    on act.cell_id = r.cell_id and act.person_id = r.person_id
  where r.from_date < ${w.end}::date and (r.to_date is null or r.to_date >= ${w.end}::date) and ${cellFilter('r.cell_id', w.cellIds)}
  group by r.cell_id`;

const dueAndEvaluated = (w: MetricWindow) => sql`
  select a.cell_id, count(*)::float8 as due, count(a.score)::float8 as evaluated, coalesce(sum(a.score), 0)::float8 as score_sum
  from assignments a
  where a.status <> 'cancelled' and a.due_on >= ${w.period}::date and a.due_on < ${w.end}::date and ${cellFilter('a.cell_id', w.cellIds)}
  group by a.cell_id`;

export const assignmentMetrics: MetricSource = {
  name: 'assignments',
  reads: ['assignments', 'memberships'],
  owns: [PREFIX],
  carriesForward: true,
  rows: (w) => sql`
    select coalesce(m.cell_id, d.cell_id) as cell_id, v.key, v.value
    from (${rollAndActive(w)}) m
    full join (${dueAndEvaluated(w)}) d on d.cell_id = m.cell_id
    cross join lateral (values
      ('assignments:members', coalesce(m.members, 0)), ('assignments:active_members', coalesce(m.active, 0)),
      ('assignments:due', coalesce(d.due, 0)), ('assignments:evaluated', coalesce(d.evaluated, 0)),
      ('assignments:score_sum', coalesce(d.score_sum, 0))) v(key, value)
    where v.value <> 0`,
};
