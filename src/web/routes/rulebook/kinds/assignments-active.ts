import { num, pct, toPercent, type KindUi } from './kind-ui.ts';

export const assignmentsActive: KindUi = {
  code: 'assignments_active',
  meetingKind: null,
  fields: [
    {
      name: 'percent',
      param: 'min',
      label: 'rulebook.form.assignmentsActivePercent',
      min: 0,
      max: 100,
      default: 80,
      percent: true,
      testId: 'percent',
    },
  ],
  sentence: (t, p) => t('rulebook.rule.assignmentsActive', { percent: toPercent(p.min) }),
  describe: (t, d, meets) => {
    const active = num(d.active);
    const members = num(d.members);
    const min = toPercent(d.min);
    if (members === 0) return t('detail.assignmentsNoMembers');
    const rate = pct(active, members);
    return meets
      ? t('detail.assignmentsActiveMet', { active, members, rate, min })
      : t('detail.assignmentsActiveMissing', { active, members, rate, min });
  },
};
