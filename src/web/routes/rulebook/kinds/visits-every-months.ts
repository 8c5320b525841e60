import { num, type KindUi } from './kind-ui.ts';

/** Every cell visited by an official at least once in the N months ending with the month judged (issue 14). */
export const visitsEveryMonths: KindUi = {
  code: 'visits_every_months',
  meetingKind: null,
  fields: [
    {
      name: 'visitMonths',
      param: 'months',
      label: 'rulebook.form.visitMonths',
      min: 1,
      max: 24,
      default: 6,
      testId: 'visit-months',
    },
  ],
  sentence: (t, p) => t('rulebook.rule.visitsEveryMonths', { count: num(p.months, 6) }),
  describe: (t, d, meets) => {
    const visits = num(d.visits);
    const months = num(d.months);
    return meets ? t('detail.visitsMet', { count: visits, months }) : t('detail.visitsMissing', { count: months });
  },
};
