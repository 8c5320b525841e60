/**
 * The rulebook's youth-work standards (issue 13): "every candidate has a mentor" (at least X % of the
 * cell's current candidates are the mentee of one of its active mentorships; 100 % by default) and
 * "every youth group has an assigned member". A cell with no candidates, or no youth groups, passes.
 */
import { sql } from 'kysely';
import {
  CandidatesMentoredParams,
  YouthGroupsAssignedParams,
  type CandidatesMentored,
  type YouthGroupsAssigned,
} from '../../../../shared/schemas/standard-params.ts';
import type { OracleFacts, StandardKind } from '../../compliance/plugin.ts';
import { rateFigures } from '../../compliance/report-figures.ts';

const activeAtEnd = (f: OracleFacts, m: { started_on: string; ended_on: string | null }) =>
  m.started_on < f.end && (m.ended_on === null || m.ended_on >= f.end);

export const candidatesMentored: StandardKind<CandidatesMentored> = {
  code: 'candidates_mentored',
  params: CandidatesMentoredParams,
  keys: () => [sql<string>`'mentorships:candidates_mentored'`, sql<string>`'mentorships:candidates'`],
  limit: (p) => sql<number>`coalesce((${p}->>'min')::float8, 1)`,
  passes: (x, y, lim) => sql<boolean>`${y} = 0 or ${x} / ${y} >= ${lim}`,
  detail: ({ x, y, lim }) => ({ mentored: x, candidates: y, min: lim }),
  report: (d) => {
    const { part, whole, rate, min } = rateFigures(d.mentored, d.candidates, d.min);
    return {
      figure: rate,
      limit: min,
      unit: 'percent',
      figureText:
        rate === null ? { key: 'candidatesNone' } : { key: 'candidatesMentoredFigure', params: { rate: Math.round(rate), part, whole } },
      limitText: { key: 'rateAtLeast', params: { rate: min } },
    };
  },
  i18n: { rule: 'rulebook.rule.candidatesMentored' },
  oracle: (f, p) => {
    const candidates = new Set(
      f.memberships
        .filter((m) => m.role === 'candidate' && m.from_date < f.end && (m.to_date === null || m.to_date >= f.end))
        .map((m) => m.person_id),
    );
    const mentored = new Set(f.mentorships.filter((m) => activeAtEnd(f, m)).map((m) => m.mentee_id));
    const part = [...candidates].filter((c) => mentored.has(c)).length;
    return candidates.size === 0 || part / candidates.size >= (p.min ?? 1);
  },
};

export const youthGroupsAssigned: StandardKind<YouthGroupsAssigned> = {
  code: 'youth_groups_assigned',
  params: YouthGroupsAssignedParams,
  keys: () => [sql<string>`'youth_groups:assigned'`, sql<string>`'youth_groups:groups'`],
  limit: () => sql<number>`1::float8`,
  passes: (x, y, lim) => sql<boolean>`${y} = 0 or ${x} / ${y} >= ${lim}`,
  detail: ({ x, y }) => ({ assigned: x, groups: y }),
  report: (d) => {
    const { part, whole, rate } = rateFigures(d.assigned, d.groups, 1);
    return {
      figure: rate,
      limit: 100,
      unit: 'percent',
      figureText:
        rate === null ? { key: 'youthGroupsNone' } : { key: 'youthGroupsAssignedFigure', params: { rate: Math.round(rate), part, whole } },
      limitText: { key: 'rateAtLeast', params: { rate: 100 } },
    };
  },
  i18n: { rule: 'rulebook.rule.youthGroupsAssigned' },
  oracle: (f) => {
    const open = f.youthGroups.filter((g) => g.created_on < f.end && (g.closed_on === null || g.closed_on >= f.end));
    return open.every((g) => g.assigned);
  },
};
