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

/** A kind "at least `min` of `whole` are `part`": the two keys, the detail's names and the report's labels differ. */
function shareKind<P extends { min: number }>(k: {
  code: string;
  params: StandardKind<P>['params'];
  part: string;
  whole: string;
  keys: [string, string];
  none: 'assignmentsNoMembers' | 'assignmentsNoneDue';
  figure: 'assignmentsActiveFigure' | 'assignmentsEvaluatedFigure';
  rule: string;
  oracle: StandardKind<P>['oracle'];
}): StandardKind<P> {
  return {
    code: k.code,
    params: k.params,
    keys: () => [sql<string>`${sql.lit(k.keys[0])}`, sql<string>`${sql.lit(k.keys[1])}`],
    limit: (p) => sql<number>`(${p}->>'min')::float8`,
    passes: (x, y, lim) => sql<boolean>`${y} = 0 or ${x} / ${y} >= ${lim}`,
    detail: ({ x, y, lim }) => ({ [k.part]: x, [k.whole]: y, min: lim }),
    report: (d) => {
      const { part, whole, rate, min } = rateFigures(d[k.part], d[k.whole], d.min);
      return {
        figure: rate,
        limit: min,
        unit: 'percent',
        figureText: rate === null ? { key: k.none } : { key: k.figure, params: { rate: Math.round(rate), part, whole } },
        limitText: { key: 'rateAtLeast', params: { rate: min } },
      };
    },
    i18n: { rule: k.rule },
    oracle: k.oracle,
  };
}

export const assignmentsActive = shareKind<AssignmentsActive>({
  code: 'assignments_active',
  params: AssignmentsActiveParams,
  part: 'active',
  whole: 'members',
  keys: ['assignments:active_members', 'assignments:members'],
  none: 'assignmentsNoMembers',
  figure: 'assignmentsActiveFigure',
  rule: 'rulebook.rule.assignmentsActive',
  oracle: (f, p) => {
    const { members, active } = activeShare(f);
    return share(active, members, p.min);
  },
});

export const assignmentsEvaluated = shareKind<AssignmentsEvaluated>({
  code: 'assignments_evaluated',
  params: AssignmentsEvaluatedParams,
  part: 'evaluated',
  whole: 'due',
  keys: ['assignments:evaluated', 'assignments:due'],
  none: 'assignmentsNoneDue',
  figure: 'assignmentsEvaluatedFigure',
  rule: 'rulebook.rule.assignmentsEvaluated',
  oracle: (f, p) => {
    const due = f.assignments.filter((a) => a.status !== 'cancelled' && a.due_on >= f.period && a.due_on < f.end);
    return share(due.filter((a) => a.score !== null).length, due.length, p.min);
  },
});
