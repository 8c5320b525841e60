import { num, pct, toPercent, type KindUi } from './kind-ui.ts';

export const directivesReached: KindUi = {
  code: 'directives_reached',
  meetingKind: null,
  fields: [
    {
      name: 'percent',
      param: 'min',
      label: 'rulebook.form.directivesPercent',
      min: 0,
      max: 100,
      default: 80,
      percent: true,
      testId: 'percent',
    },
    {
      name: 'withinDays',
      param: 'days',
      label: 'rulebook.form.directivesDays',
      min: 1,
      max: 365,
      default: 14,
      testId: 'within-days',
    },
  ],
  sentence: (t, p) => t('rulebook.rule.directivesReached', { percent: toPercent(p.min), days: num(p.days) }),
  describe: (t, d, meets) => {
    const reached = num(d.reached);
    const delivered = num(d.delivered);
    const min = toPercent(d.min);
    if (delivered === 0) return t('detail.directivesNone');
    const rate = pct(reached, delivered);
    return meets
      ? t('detail.directivesMet', { reached, delivered, rate, min })
      : t('detail.directivesMissing', { reached, delivered, rate, min });
  },
};
