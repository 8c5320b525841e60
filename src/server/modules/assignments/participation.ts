/**
 * Officials' participation beside everyone's (issue 12: "no exceptions"): for a unit's subtree and a
 * month, attendance, the share with an active assignment, the share of due assignments evaluated and
 * the mean score. Everyone's column is read from the month's summed roll-ups (one row per key for a
 * committee, the cell's own metrics for a cell), so it costs the same at any size. Officials (people
 * whose account holds a live official grant) are few: theirs is computed from their own rows, starting
 * from the official grants, over the same definitions as the metrics (assignment-metrics.ts).
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { findUnitInScope } from '../../access/lookups.ts';
import type { Db } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import type { Participation, ParticipationFigures } from '../../../shared/schemas/assignments.ts';
import { ensurePeriod } from '../compliance/engine.ts';
import { dataEnd, type Period } from '../compliance/periods.ts';
import { unitSums } from '../compliance/service.ts';

type Counts = { people: number; present: number; expected: number; active: number; due: number; evaluated: number; scoreSum: number };

function figures(c: Counts): ParticipationFigures {
  const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);
  return {
    people: c.people,
    attendancePresent: c.present,
    attendanceExpected: c.expected,
    attendanceRate: rate(c.present, c.expected),
    withActiveAssignment: c.active,
    activeShare: rate(c.active, c.people),
    assignmentsDue: c.due,
    assignmentsEvaluated: c.evaluated,
    evaluatedShare: rate(c.evaluated, c.due),
    meanScore: rate(c.scoreSum, c.evaluated),
  };
}

function everyone(sums: Record<string, number>): Counts {
  const total = (prefix: string) => Object.entries(sums).reduce((s, [k, v]) => (k.startsWith(prefix) ? s + v : s), 0);
  return {
    people: total('assignments:members'),
    present: total('attendance_present:'),
    expected: total('attendance_expected:'),
    active: total('assignments:active_members'),
    due: total('assignments:due'),
    evaluated: total('assignments:evaluated'),
    scoreSum: total('assignments:score_sum'),
  };
}

/** The officials on the roll (at the data end) of cells under `path`, and their month. */
async function officials(db: Db, path: string, period: Period, end: string): Promise<Counts> {
  const { rows } = await sql<Counts>`
    with roll as (
      select distinct r.cell_id, r.person_id
      from grants g
      join accounts ac on ac.id = g.account_id and ac.person_id is not null
      join memberships r on r.person_id = ac.person_id
      join units u on u.id = r.cell_id
      where g.role = 'official' and g.revoked_at is null and u.path <@ ${path}::ltree
        and r.from_date < ${end}::date and (r.to_date is null or r.to_date >= ${end}::date)),
    att as (
      select count(*) filter (where a.status = 'present')::int as present, count(*)::int as expected
      from roll join attendance a on a.cell_id = roll.cell_id and a.person_id = roll.person_id
      join meetings m on m.cell_id = a.cell_id and m.id = a.meeting_id
      where m.status = 'held' and m.meets_on >= ${period}::date and m.meets_on < ${end}::date),
    work as (
      select count(distinct roll.person_id) filter (where a.given_on < ${end}::date
          and (a.closed_on is null or a.closed_on >= ${period}::date))::int as active,
        count(*) filter (where a.status <> 'cancelled' and a.due_on >= ${period}::date and a.due_on < ${end}::date)::int as due,
        count(a.score) filter (where a.status <> 'cancelled' and a.due_on >= ${period}::date and a.due_on < ${end}::date)::int as evaluated,
        coalesce(sum(a.score) filter (where a.status <> 'cancelled' and a.due_on >= ${period}::date and a.due_on < ${end}::date), 0)::int as "scoreSum"
      from roll join assignments a on a.cell_id = roll.cell_id and a.person_id = roll.person_id)
    select (select count(*)::int from roll) as people, att.present, att.expected, work.active, work.due, work.evaluated, work."scoreSum"
    from att, work`.execute(db);
  return rows[0]!;
}

export async function getParticipation(db: Db, actor: Actor, unitId: number, period: Period): Promise<Participation> {
  const unit = await findUnitInScope(db, actor, unitId, 'personal');
  if (!unit) throw notFound('unit.notFound');
  await ensurePeriod(db, period);
  const end = dataEnd(period);
  const [sums, own] = await Promise.all([unitSums(db, unit, period), officials(db, unit.path, period, end)]);
  return { unitId: unit.id, period: period.slice(0, 7), officials: figures(own), all: figures(everyone(sums)) };
}
