/**
 * No follow-up of repeated absence (N absences in a row from meetings of a kind open a follow-up,
 * attendance.ts) left open longer than a grace period.
 */
import { sql } from 'kysely';
import { AbsenceFollowUpParams, type AbsenceFollowUp } from '../../../../shared/schemas/standard-params.ts';
import type { StandardKind } from '../../compliance/plugin.ts';
import { num } from '../../compliance/report-figures.ts';
import { requireLiveMeetingKind } from './meeting-kind-rule.ts';

const dayDiff = (a: string, b: string) => (Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;

export const absenceFollowUp: StandardKind<AbsenceFollowUp> = {
  code: 'absence_follow_up',
  params: AbsenceFollowUpParams,
  keys: () => [sql<string>`'followup_oldest_open_days'`, null],
  limit: (p) => sql<number>`(${p}->>'graceDays')::float8`,
  passes: (x, _y, lim) => sql<boolean>`${x} <= ${lim}`,
  detail: ({ x, lim }) => ({ oldestOpenDays: x, graceDays: lim }),
  report: (d, { openFollowUps }) => {
    const days = Math.round(num(d.oldestOpenDays));
    const grace = Math.round(num(d.graceDays));
    return {
      figure: days,
      limit: grace,
      unit: 'days',
      // "none open" and a follow-up opened today are both 0 days old.
      figureText: days === 0 && openFollowUps === 0 ? { key: 'followUpNone' } : { key: 'followUpOldest', params: { count: days } },
      limitText: { key: 'followUpWithin', params: { count: grace } },
    };
  },
  i18n: { rule: 'rulebook.rule.absenceFollowUp' },
  oracle: (f, p) =>
    f.followUps
      .filter((x) => x.created_on < f.end && (x.resolved_on === null || x.resolved_on >= f.end))
      .every((x) => dayDiff(f.end, x.created_on) - 1 <= p.graceDays),
  validate: requireLiveMeetingKind,
};
