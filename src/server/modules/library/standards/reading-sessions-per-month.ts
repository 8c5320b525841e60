/**
 * At least N reading sessions a month: study meetings (kind `study`) held in the month judged. It reads
 * the meetings module's `meetings_held:study` metric, so it needs no source of its own and moves with
 * every meeting held, like "meetings per month" (issue 11). A session counts whether or not articles
 * were linked to it: the link is the record of what was read, the meeting is the session.
 */
import { sql } from 'kysely';
import { ReadingSessionsPerMonthParams, type ReadingSessionsPerMonth } from '../../../../shared/schemas/standard-params.ts';
import type { StandardKind } from '../../compliance/plugin.ts';
import { num } from '../../compliance/report-figures.ts';
import { requireLiveMeetingKind } from '../../meetings/standards/meeting-kind-rule.ts';

/** The meeting kind a reading session is held as (a data row since the first migration). */
export const STUDY_KIND = 'study';

export const readingSessionsPerMonth: StandardKind<ReadingSessionsPerMonth> = {
  code: 'reading_sessions_per_month',
  params: ReadingSessionsPerMonthParams,
  keys: () => [sql<string>`${`meetings_held:${STUDY_KIND}`}::text`, null],
  limit: (p) => sql<number>`(${p}->>'min')::float8`,
  passes: (x, _y, lim) => sql<boolean>`${x} >= ${lim}`,
  detail: ({ x, lim }) => ({ held: x, required: lim }),
  report: (d) => ({
    figure: num(d.held),
    limit: num(d.required),
    unit: 'meetings',
    figureText: { key: 'readingSessionsFigure', params: { count: num(d.held) } },
    limitText: { key: 'readingSessionsAtLeast', params: { count: num(d.required) } },
  }),
  i18n: { rule: 'rulebook.rule.readingSessionsPerMonth' },
  oracle: (f, p) => f.held.filter((m) => m.kind === STUDY_KIND && m.meets_on >= f.period && m.meets_on < f.end).length >= p.min,
  // The study kind must still be held: a retired kind would make the rule unmeetable.
  validate: (trx) => requireLiveMeetingKind(trx, { kind: STUDY_KIND }),
};
