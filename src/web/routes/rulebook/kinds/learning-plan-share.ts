import { num, pct, toPercent, type KindUi } from './kind-ui.ts';

/** The share of members with a current learning plan (set or reviewed within 12 months) at least X % (issue 12). */
export const learningPlanShare: KindUi = {
  code: 'learning_plan_share',
  meetingKind: null,
  fields: [
    {
      name: 'planPercent',
      param: 'min',
      label: 'rulebook.form.planPercent',
      min: 0,
      max: 100,
      default: 80,
      percent: true,
      testId: 'plan-percent',
    },
  ],
  sentence: (t, p) => t('rulebook.rule.learningPlanShare', { percent: toPercent(p.min) }),
  describe: (t, d, meets) => {
    const current = num(d.current);
    const members = num(d.members);
    const min = toPercent(d.min);
    if (members === 0) return t('detail.plansNone');
    const rate = pct(current, members);
    return meets ? t('detail.plansMet', { current, members, rate, min }) : t('detail.plansMissing', { current, members, rate, min });
  },
};
