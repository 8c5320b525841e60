/**
 * What mentorships and youth groups contribute to the per-cell, per-month metrics (docs/modules.md).
 *
 * `mentorships:` (facts `mentorships`, `memberships`):
 * - `active`: the cell's mentorships active at the data end (started before it, not ended before it);
 *   `across`: those of them whose mentee is of another cell (help given across shifts and teams);
 * - `meetings` / `reviews`: log entries of the pairs dated in the month; `ended`: mentorships ended in it;
 * - `candidates`: the cell's candidates on the roll at the data end; `candidates_mentored`: those of
 *   them who are the mentee of one of the cell's active mentorships then.
 * `youth_groups:` (fact `youth_groups`): `groups` open at the data end, `assigned` of them with an
 * assigned member (the current assignment: it is not kept as history), `young_people` in them.
 * Both carry forward: a mentorship begun in May is active in June.
 */
import { sql } from 'kysely';
import type { MetricSource, MetricWindow } from '../../compliance/plugin.ts';
import { cellFilter } from '../../meetings/metrics.ts';

export const MENTORSHIP_PREFIX = 'mentorships:';
export const YOUTH_PREFIX = 'youth_groups:';

const pairs = (w: MetricWindow) => sql`
  select ms.cell_id,
    count(*) filter (where ms.started_on < ${w.end}::date and (ms.ended_on is null or ms.ended_on >= ${w.end}::date))::float8 as active,
    count(*) filter (where ms.mentee_cell_id is not null and ms.started_on < ${w.end}::date
      and (ms.ended_on is null or ms.ended_on >= ${w.end}::date))::float8 as across,
    count(*) filter (where ms.ended_on >= ${w.period}::date and ms.ended_on < ${w.end}::date)::float8 as ended
  from mentorships ms
  where ms.started_on < ${w.end}::date and (ms.ended_on is null or ms.ended_on >= ${w.period}::date) and ${cellFilter('ms.cell_id', w.cellIds)}
  group by ms.cell_id`;

const log = (w: MetricWindow) => sql`
  select l.cell_id, count(*) filter (where l.kind = 'meeting')::float8 as meetings, count(*) filter (where l.kind = 'review')::float8 as reviews
  from mentorship_log l
  where l.met_on >= ${w.period}::date and l.met_on < ${w.end}::date and ${cellFilter('l.cell_id', w.cellIds)}
  group by l.cell_id`;

const candidates = (w: MetricWindow) => sql`
  select r.cell_id, count(distinct r.person_id)::float8 as candidates,
    count(distinct r.person_id) filter (where exists (select 1 from mentorships ms where ms.cell_id = r.cell_id
      and ms.mentee_id = r.person_id and ms.started_on < ${w.end}::date and (ms.ended_on is null or ms.ended_on >= ${w.end}::date)))::float8 as mentored
  from memberships r
  where r.role = 'candidate' and r.from_date < ${w.end}::date and (r.to_date is null or r.to_date >= ${w.end}::date)
    and ${cellFilter('r.cell_id', w.cellIds)}
  group by r.cell_id`;

export const mentorshipMetrics: MetricSource = {
  name: 'mentorships',
  reads: ['mentorships', 'memberships'],
  owns: [MENTORSHIP_PREFIX],
  carriesForward: true,
  rows: (w) => sql`
    with p as (${pairs(w)}), l as (${log(w)}), c as (${candidates(w)}),
    cells as (select cell_id from p union select cell_id from l union select cell_id from c)
    select cells.cell_id, v.key, v.value
    from cells
    left join p on p.cell_id = cells.cell_id
    left join l on l.cell_id = cells.cell_id
    left join c on c.cell_id = cells.cell_id
    cross join lateral (values
      ('mentorships:active', coalesce(p.active, 0)), ('mentorships:across', coalesce(p.across, 0)),
      ('mentorships:ended', coalesce(p.ended, 0)), ('mentorships:meetings', coalesce(l.meetings, 0)),
      ('mentorships:reviews', coalesce(l.reviews, 0)), ('mentorships:candidates', coalesce(c.candidates, 0)),
      ('mentorships:candidates_mentored', coalesce(c.mentored, 0))) v(key, value)
    where v.value <> 0`,
};

export const youthGroupMetrics: MetricSource = {
  name: 'youth_groups',
  reads: ['youth_groups'],
  owns: [YOUTH_PREFIX],
  carriesForward: true,
  rows: (w) => sql`
    select g.cell_id, v.key, v.value
    from (select g.cell_id, count(*)::float8 as groups, count(g.assigned_person_id)::float8 as assigned,
        coalesce(sum((select count(*) from youth_group_members y where y.cell_id = g.cell_id and y.group_id = g.id)), 0)::float8 as young
      from youth_groups g
      where g.created_on < ${w.end}::date and (g.closed_on is null or g.closed_on >= ${w.end}::date) and ${cellFilter('g.cell_id', w.cellIds)}
      group by g.cell_id) g
    cross join lateral (values ('youth_groups:groups', g.groups), ('youth_groups:assigned', g.assigned), ('youth_groups:young_people', g.young)) v(key, value)
    where v.value <> 0`,
};
