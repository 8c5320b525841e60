/**
 * "At least N ideas submitted per year per 10 members" (issue 15). A verdict is monthly, so "per year"
 * is a rolling year: the 12 months ending with the month judged (an idea counts in its month and the 11
 * after it). The members are the cell's roll on the data's last day, every role, as the `memberships`
 * fact has it. The rule: ideas × 10 ≥ N × members (a cell with nobody on its roll meets it).
 */
import { sql } from 'kysely';
import { IdeasPerMembersParams, type IdeasPerMembers } from '../../../../shared/schemas/standard-params.ts';
import type { MetricSource, OracleFacts, StandardKind } from '../../compliance/plugin.ts';
import { num } from '../../compliance/report-figures.ts';
import { cellFilter } from '../../meetings/metrics.ts';
import { windowStart } from '../../visits/metrics.ts';

const PREFIX = 'ideas_12m:';
const SUBMITTED = `${PREFIX}submitted`;
const MEMBERS = `${PREFIX}members`;

/** ideas_12m:submitted (ideas submitted in the 12 months ending with the month), ideas_12m:members (the roll at the data end). */
export const ideasInYear: MetricSource = {
  name: 'ideas_12m',
  reads: ['ideas', 'memberships'],
  owns: [PREFIX],
  carriesForward: true,
  // Only while a standard of the kind is in force: the roll count is a row per cell.
  parameterised: true,
  rows: (w) => sql`
    select i.cell_id, ${SUBMITTED} as key, count(*)::float8 as value
    from ideas i
    where i.submitted_on >= ${windowStart(w.period, 12)}::date and i.submitted_on < ${w.end}::date and i.status <> 'withdrawn'
      and ${cellFilter('i.cell_id', w.cellIds)}
    group by i.cell_id
    union all
    select r.cell_id, ${MEMBERS} as key, count(*)::float8 as value
    from memberships r
    where r.from_date < ${w.end}::date and (r.to_date is null or r.to_date >= ${w.end}::date) and ${cellFilter('r.cell_id', w.cellIds)}
    group by r.cell_id`,
};

/** The figures of the rule from the raw rows (the oracle, and the tests). */
export function ideasInYearOf(f: Pick<OracleFacts, 'ideas' | 'members' | 'period' | 'end'>) {
  const from = windowStart(f.period, 12);
  return { ideas: f.ideas.filter((i) => i.submitted_on >= from && i.submitted_on < f.end).length, members: f.members.length };
}

export const ideasPerMembers: StandardKind<IdeasPerMembers> = {
  code: 'ideas_per_members',
  params: IdeasPerMembersParams,
  keys: () => [sql<string>`${SUBMITTED}`, sql<string>`${MEMBERS}`],
  limit: (p) => sql<number>`(${p}->>'min')::float8`,
  passes: (x, y, lim) => sql<boolean>`${x} * 10 >= ${lim} * ${y}`,
  detail: ({ x, y, lim }) => ({ ideas: x ?? 0, members: y ?? 0, min: lim }),
  report: (d) => ({
    figure: num(d.ideas),
    // What the roll asks for, in ideas.
    limit: Math.ceil((num(d.min) * num(d.members)) / 10),
    unit: null,
    figureText: { key: 'ideasSubmittedFigure', params: { count: num(d.ideas), members: num(d.members) } },
    limitText: { key: 'ideasAtLeastPerMembers', params: { count: num(d.min) } },
  }),
  i18n: { rule: 'rulebook.rule.ideasPerMembers' },
  oracle: (f, p) => {
    const { ideas, members } = ideasInYearOf(f);
    return ideas * 10 >= p.min * members;
  },
};
