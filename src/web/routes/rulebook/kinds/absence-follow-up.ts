import { STANDARD_LIMITS as L } from '../../../../shared/schemas/compliance.ts';
import { num, type KindUi } from './kind-ui.ts';

export const absenceFollowUp: KindUi = {
  code: 'absence_follow_up',
  meetingKind: 'general',
  fields: [
    {
      name: 'consecutive',
      param: 'consecutive',
      label: 'rulebook.form.consecutive',
      min: L.consecutiveAbsences[0],
      max: L.consecutiveAbsences[1],
      default: 3,
      testId: 'consecutive',
    },
    {
      name: 'graceDays',
      param: 'graceDays',
      label: 'rulebook.form.graceDays',
      min: L.graceDays[0],
      max: L.graceDays[1],
      default: 14,
      testId: 'grace-days',
    },
  ],
  sentence: (t, p, meeting) =>
    t('rulebook.rule.absenceFollowUp', {
      kind: meeting,
      count: num(p.consecutive, 3),
      within: t('rulebook.rule.withinDays', { count: num(p.graceDays, 14) }),
    }),
  describe: (t, d, meets) => {
    const days = Math.round(num(d.oldestOpenDays));
    const grace = Math.round(num(d.graceDays));
    return meets ? t('detail.followUpMet', { count: grace }) : t('detail.followUpMissing', { count: days, grace });
  },
};
