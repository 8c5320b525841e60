/**
 * At least N education sessions a month: study meetings held in the month judged **on at least one
 * programme theme** (a study meeting with no theme is a reading session, counted by the library's kind).
 */
import { sql } from 'kysely';
import { EducationSessionsPerMonthParams, type EducationSessionsPerMonth } from '../../../../shared/schemas/standard-params.ts';
import type { StandardKind } from '../../compliance/plugin.ts';
import { num } from '../../compliance/report-figures.ts';
import { requireLiveMeetingKind } from '../../meetings/standards/meeting-kind-rule.ts';
import { STUDY_KIND } from '../sessions.ts';

export const educationSessionsPerMonth: StandardKind<EducationSessionsPerMonth> = {
  code: 'education_sessions_per_month',
  params: EducationSessionsPerMonthParams,
  keys: () => [sql<string>`'education_sessions'::text`, null],
  limit: (p) => sql<number>`(${p}->>'min')::float8`,
  passes: (x, _y, lim) => sql<boolean>`${x} >= ${lim}`,
  detail: ({ x, lim }) => ({ held: x, required: lim }),
  report: (d) => ({
    figure: num(d.held),
    limit: num(d.required),
    unit: 'meetings',
    figureText: { key: 'educationSessionsFigure', params: { count: num(d.held) } },
    limitText: { key: 'educationSessionsAtLeast', params: { count: num(d.required) } },
  }),
  i18n: { rule: 'rulebook.rule.educationSessionsPerMonth' },
  oracle: (f, p) =>
    f.held.filter((m) => m.kind === STUDY_KIND && m.meets_on >= f.period && m.meets_on < f.end && f.themedMeetingIds.includes(m.id))
      .length >= p.min,
  validate: (trx) => requireLiveMeetingKind(trx, { kind: STUDY_KIND }),
};
