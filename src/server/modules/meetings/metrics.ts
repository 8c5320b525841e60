/**
 * What meetings, attendance, decisions and follow-ups contribute to the per-cell, per-month metrics.
 * Each source is one set-based query over the selected cells (or all cells) for one period, so the
 * same SQL serves an incremental update of one cell and a recompute of the whole organization. They
 * are declared in the rulebook registry (modules/rulebook-registry.ts).
 */
import { sql } from 'kysely';
import type { MetricSource, MetricWindow } from '../compliance/plugin.ts';

export type { MetricSource, MetricWindow };

export const cellFilter = (column: string, ids: number[] | null) =>
  ids === null ? sql`true` : sql`${sql.ref(column)} = any(${ids}::bigint[])`;

/** The meeting kinds named by `wanted` keys of the form `<prefix><kind>`. */
export const kindsOf = (prefix: string, wanted: readonly string[]) => wanted.map((k) => k.slice(prefix.length));

/** meetings_held:<kind> — meetings recorded as held in the month. */
export const meetingsHeld: MetricSource = {
  name: 'meetings_held',
  reads: ['meetings'],
  owns: ['meetings_held:'],
  carriesForward: false,
  rows: (w) => sql`
    select m.cell_id, 'meetings_held:' || m.kind as key, count(*)::float8 as value
    from meetings m
    where m.status = 'held' and m.meets_on >= ${w.period}::date and m.meets_on < ${w.end}::date and ${cellFilter('m.cell_id', w.cellIds)}
    group by m.cell_id, m.kind`,
};

/** attendance_present:<kind>, attendance_expected:<kind> — everyone on the roll counts as expected. */
export const attendance: MetricSource = {
  name: 'attendance',
  reads: ['attendance', 'meetings'],
  owns: ['attendance_present:', 'attendance_expected:'],
  carriesForward: false,
  rows: (w) => sql`
    select cell_id, key, value from (
      select a.cell_id, m.kind, count(*) filter (where a.status = 'present')::float8 as present, count(*)::float8 as expected
      from attendance a join meetings m on m.cell_id = a.cell_id and m.id = a.meeting_id
      where m.status = 'held' and m.meets_on >= ${w.period}::date and m.meets_on < ${w.end}::date
        and a.meets_on >= ${w.period}::date and a.meets_on < ${w.end}::date
        and ${cellFilter('m.cell_id', w.cellIds)} and ${cellFilter('a.cell_id', w.cellIds)}
      group by a.cell_id, m.kind) t
    cross join lateral (values ('attendance_present:' || t.kind, t.present), ('attendance_expected:' || t.kind, t.expected)) v(key, value)`,
};

/**
 * max_gap_days:<kind> — the longest stretch without a held meeting of that kind, from the last one
 * before the month (or the cell's opening) through the month to its data end; for the kinds the
 * standards in force ask about.
 */
export const meetingGaps: MetricSource = {
  name: 'max_gap_days',
  reads: ['meetings'],
  owns: ['max_gap_days:'],
  carriesForward: true,
  parameterised: true,
  // One query per kind, each with its kind as a constant (the plan the measured figures were taken with).
  rows: (w, wanted) =>
    sql.join(
      kindsOf('max_gap_days:', wanted).map((kind) => gapsOf(w, kind)),
      sql` union all `,
    ),
};

const gapsOf = (w: MetricWindow, kind: string) => sql`select * from (
    with cells as (select u.id, u.opened_on from units u where u.kind = 'cell' and ${cellFilter('u.id', w.cellIds)}),
    pts as (
      select c.id as cell_id, coalesce((select max(r.meets_on) from meetings r where r.cell_id = c.id and r.kind = ${kind}
        and r.status = 'held' and r.meets_on < ${w.period}::date), c.opened_on) as d
      from cells c
      union all
      select r.cell_id, r.meets_on from meetings r join cells c on c.id = r.cell_id
      where r.kind = ${kind} and r.status = 'held' and r.meets_on >= ${w.period}::date and r.meets_on < ${w.end}::date
      union all
      select c.id, ${w.end}::date from cells c),
    gaps as (select cell_id, d - lag(d) over (partition by cell_id order by d) as gap from pts)
    select cell_id, ${`max_gap_days:${kind}`}::text as key, coalesce(max(gap), 0)::float8 as value from gaps group by cell_id) g`;

/** followup_oldest_open_days — age at the data end of the oldest follow-up still open then. */
export const followUps: MetricSource = {
  name: 'follow_ups',
  reads: ['follow_ups'],
  owns: ['followup_oldest_open_days'],
  carriesForward: true,
  rows: (w) => sql`
    select f.cell_id, 'followup_oldest_open_days' as key, max(${w.end}::date - 1 - f.created_on)::float8 as value
    from follow_ups f
    where f.created_on < ${w.end}::date and (f.resolved_on is null or f.resolved_on >= ${w.end}::date) and ${cellFilter('f.cell_id', w.cellIds)}
    group by f.cell_id`,
};

/** actions_due, actions_on_time — follow-up actions of decisions that fell due in the month so far. */
export const actions: MetricSource = {
  name: 'actions',
  reads: ['decision_actions'],
  owns: ['actions_due', 'actions_on_time'],
  carriesForward: false,
  rows: (w) => sql`
    select cell_id, key, value from (
      select a.cell_id, count(*)::float8 as due,
        count(*) filter (where a.status = 'done' and a.closed_on <= a.due_on)::float8 as on_time
      from decision_actions a
      where a.status <> 'dropped' and a.due_on >= ${w.period}::date and a.due_on < ${w.end}::date and ${cellFilter('a.cell_id', w.cellIds)}
      group by a.cell_id) t
    cross join lateral (values ('actions_due', t.due), ('actions_on_time', t.on_time)) v(key, value)`,
};
