import { num, pct, toPercent, type KindUi } from './kind-ui.ts';

export const attendanceRate: KindUi = {
  code: 'attendance_rate',
  meetingKind: 'general',
  fields: [
    {
      name: 'percent',
      param: 'min',
      label: 'rulebook.form.attendancePercent',
      min: 0,
      max: 100,
      default: 80,
      percent: true,
      testId: 'percent',
    },
  ],
  sentence: (t, p, meeting) => t('rulebook.rule.attendanceRate', { kind: meeting, percent: toPercent(p.min) }),
  describe: (t, d, meets) => {
    const present = num(d.present);
    const expected = num(d.expected);
    const min = toPercent(d.min);
    if (expected === 0) return t('detail.attendanceNone', { min });
    const rate = pct(present, expected);
    return meets
      ? t('detail.attendanceMet', { rate, present, expected, min })
      : t('detail.attendanceMissing', { rate, present, expected, min });
  },
};
