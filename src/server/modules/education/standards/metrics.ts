/**
 * What education contributes to the per-cell, per-month metrics (docs/modules.md): education sessions
 * held, themes completed at them, and the members with a current learning plan. Each is one set-based
 * query over the selected cells (or all), the same SQL for one cell's refresh and a month's rebuild.
 */
import { sql } from 'kysely';
import type { MetricSource } from '../../compliance/plugin.ts';
import { cellFilter } from '../../meetings/metrics.ts';
import { PLAN_CURRENT_MONTHS } from '../plans.ts';
import { STUDY_KIND } from '../sessions.ts';

/** education_sessions: study meetings held in the month on at least one programme theme. */
export const educationSessions: MetricSource = {
  name: 'education_sessions',
  reads: ['meetings', 'meeting_themes'],
  owns: ['education_sessions'],
  carriesForward: false,
  rows: (w) => sql`
    select m.cell_id, 'education_sessions' as key, count(*)::float8 as value
    from meetings m
    where m.status = 'held' and m.kind = ${STUDY_KIND} and m.meets_on >= ${w.period}::date and m.meets_on < ${w.end}::date
      and ${cellFilter('m.cell_id', w.cellIds)}
      and exists (select 1 from meeting_themes mt where mt.cell_id = m.cell_id and mt.meeting_id = m.id)
    group by m.cell_id`,
};

/** themes_completed: distinct (member, theme) pairs present at the month's held study meetings on themes. */
export const themesCompleted: MetricSource = {
  name: 'themes_completed',
  reads: ['meetings', 'attendance', 'meeting_themes'],
  owns: ['themes_completed'],
  carriesForward: false,
  rows: (w) => sql`
    select m.cell_id, 'themes_completed' as key, count(distinct (a.person_id, mt.theme_id))::float8 as value
    from meetings m
    join meeting_themes mt on mt.cell_id = m.cell_id and mt.meeting_id = m.id
    join attendance a on a.cell_id = m.cell_id and a.meeting_id = m.id and a.status = 'present'
    where m.status = 'held' and m.kind = ${STUDY_KIND} and m.meets_on >= ${w.period}::date and m.meets_on < ${w.end}::date
      and ${cellFilter('m.cell_id', w.cellIds)}
    group by m.cell_id`,
};

/**
 * learning_plan:members and learning_plan:current — the cell's members on the data's last day, and
 * those whose plan (its last saving before the data end, with at least one theme) was set or reviewed
 * within 12 months of it. Read from the plan's history, so a past month is rebuilt as it was.
 */
export const learningPlans: MetricSource = {
  name: 'learning_plan',
  // A transfer moves a member between cells' figures (units/memberships.ts names the fact, and so does
  // the CSV import for the cells whose rolls it changed: imports/service.ts).
  reads: ['learning_plans', 'memberships'],
  owns: ['learning_plan:'],
  // A plan set in May is current through the next April: later months move with it.
  carriesForward: true,
  rows: (w) => sql`
    select t.cell_id, v.key, v.value from (
      select ms.cell_id, count(*)::float8 as members, count(*) filter (where lp.current)::float8 as current
      from memberships ms
      left join lateral (
        select h.set_at >= (${w.end}::date - make_interval(months => ${PLAN_CURRENT_MONTHS}))::timestamp at time zone 'UTC'
          and cardinality(h.theme_ids) > 0 as current
        from learning_plan_history h
        where h.person_id = ms.person_id and h.set_at < ${w.end}::date::timestamp at time zone 'UTC'
        order by h.id desc limit 1) lp on true
      where ms.from_date < ${w.end}::date and (ms.to_date is null or ms.to_date >= ${w.end}::date)
        and ${cellFilter('ms.cell_id', w.cellIds)}
      group by ms.cell_id) t
    cross join lateral (values ('learning_plan:members', t.members), ('learning_plan:current', t.current)) v(key, value)`,
};
