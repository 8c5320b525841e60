/** Attendance at the month's meetings of a kind at least X % (present / everyone on the roll; none held: not met). */
import { sql } from 'kysely';
import { AttendanceRateParams, type AttendanceRate } from '../../../../shared/schemas/standard-params.ts';
import type { StandardKind } from '../../compliance/plugin.ts';
import { rateFigures } from '../../compliance/report-figures.ts';
import { requireLiveMeetingKind } from './meeting-kind-rule.ts';

export const attendanceRate: StandardKind<AttendanceRate> = {
  code: 'attendance_rate',
  params: AttendanceRateParams,
  keys: (p) => [sql<string>`'attendance_present:' || (${p}->>'kind')`, sql<string>`'attendance_expected:' || (${p}->>'kind')`],
  limit: (p) => sql<number>`(${p}->>'min')::float8`,
  passes: (x, y, lim) => sql<boolean>`${y} > 0 and ${x} / ${y} >= ${lim}`,
  detail: ({ x, y, lim }) => ({ present: x, expected: y, min: lim }),
  report: (d) => {
    const { part, whole, rate, min } = rateFigures(d.present, d.expected, d.min);
    return {
      figure: rate,
      limit: min,
      unit: 'percent',
      figureText: rate === null ? { key: 'attendanceNone' } : { key: 'rateFigure', params: { rate: Math.round(rate), part, whole } },
      limitText: { key: 'rateAtLeast', params: { rate: min } },
    };
  },
  i18n: { rule: 'rulebook.rule.attendanceRate' },
  oracle: (f, p) => {
    const ids = new Set(f.held.filter((m) => m.kind === p.kind && m.meets_on >= f.period && m.meets_on < f.end).map((m) => m.id));
    const rows = f.attendance.filter((a) => ids.has(a.meeting_id));
    return rows.length > 0 && rows.filter((a) => a.status === 'present').length / rows.length >= p.min;
  },
  validate: requireLiveMeetingKind,
};
