/**
 * The rulebook's assignment standards (issue 12): "at least X % of members have an active assignment"
 * and "at least X % of the assignments due in the period were evaluated". A cell with nobody on its
 * roll, or nothing due, has nothing to miss: it passes.
 */
import { sql } from 'kysely';
import {
  AssignmentsActiveParams,
  AssignmentsEvaluatedParams,
  type AssignmentsActive,
  type AssignmentsEvaluated,
} from '../../../../shared/schemas/standard-params.ts';
import type { OracleFacts, StandardKind } from '../../compliance/plugin.ts';
import { rateFigures } from '../../compliance/report-figures.ts';

const share = (part: number, whole: number, min: number) => whole === 0 || part / whole >= min;

/** The oracle's reading of the roll on the data end's last day, and who of it had work active in the month. */
function activeShare(f: OracleFacts) {
  const roll = new Set(
    f.memberships.filter((m) => m.from_date < f.end && (m.to_date === null || m.to_date >= f.end)).map((m) => m.person_id),
  );
  const active = new Set(
    f.assignments.filter((a) => a.given_on < f.end && (a.closed_on === null || a.closed_on >= f.period)).map((a) => a.person_id),
  );
  return { members: roll.size, active: [...roll].filter((p) => active.has(p)).length };
}

export const assignmentsActive: StandardKind<AssignmentsActive> = {
  code: 'assignments_active',
  params: AssignmentsActiveParams,
  keys: () => [sql<string>`'assignments:active_members'`, sql<string>`'assignments:members'`],
  limit: (p) => sql<number>`(${p}->>'min')::float8`,
  passes: (x, y, lim) => sql<boolean>`${y} = 0 or ${x} / ${y} >= ${lim}`,
  detail: ({ x, y, lim }) => ({ active: x, members: y, min: lim }),
  report: (d) => {
    const { part, whole, rate, min } = rateFigures(d.active, d.members, d.min);
    return {
      figure: rate,
      limit: min,
      unit: 'percent',
      figureText:
        rate === null
          ? { key: 'assignmentsNoMembers' }
          : { key: 'assignmentsActiveFigure', params: { rate: Math.round(rate), part, whole } },
      limitText: { key: 'rateAtLeast', params: { rate: min } },
    };
  },
  i18n: { rule: 'rulebook.rule.assignmentsActive' },
  oracle: (f, p) => {
    const { members, active } = activeShare(f);
    return share(active, members, p.min);
  },
};

export const assignmentsEvaluated: StandardKind<AssignmentsEvaluated> = {
  code: 'assignments_evaluated',
  params: AssignmentsEvaluatedParams,
  keys: () => [sql<string>`'assignments:evaluated'`, sql<string>`'assignments:due'`],
  limit: (p) => sql<number>`(${p}->>'min')::float8`,
  passes: (x, y, lim) => sql<boolean>`${y} = 0 or ${x} / ${y} >= ${lim}`,
  detail: ({ x, y, lim }) => ({ evaluated: x, due: y, min: lim }),
  report: (d) => {
    const { part, whole, rate, min } = rateFigures(d.evaluated, d.due, d.min);
    return {
      figure: rate,
      limit: min,
      unit: 'percent',
      figureText:
        rate === null
          ? { key: 'assignmentsNoneDue' }
          : { key: 'assignmentsEvaluatedFigure', params: { rate: Math.round(rate), part, whole } },
      limitText: { key: 'rateAtLeast', params: { rate: min } },
    };
  },
  i18n: { rule: 'rulebook.rule.assignmentsEvaluated' },
  oracle: (f, p) => {
    const due = f.assignments.filter((a) => a.status !== 'cancelled' && a.due_on >= f.period && a.due_on < f.end);
    return share(due.filter((a) => a.score !== null).length, due.length, p.min);
  },
};
