import { num, pct, toPercent, type KindUi } from './kind-ui.ts';

export const assignmentsEvaluated: KindUi = {
  code: 'assignments_evaluated',
  meetingKind: null,
  fields: [
    {
      name: 'percent',
      param: 'min',
      label: 'rulebook.form.assignmentsEvaluatedPercent',
      min: 0,
      max: 100,
      default: 80,
      percent: true,
      testId: 'percent',
    },
  ],
  sentence: (t, p) => t('rulebook.rule.assignmentsEvaluated', { percent: toPercent(p.min) }),
  describe: (t, d, meets) => {
    const evaluated = num(d.evaluated);
    const due = num(d.due);
    const min = toPercent(d.min);
    if (due === 0) return t('detail.assignmentsNoneDue');
    const rate = pct(evaluated, due);
    return meets
      ? t('detail.assignmentsEvaluatedMet', { evaluated, due, rate, min })
      : t('detail.assignmentsEvaluatedMissing', { evaluated, due, rate, min });
  },
};
