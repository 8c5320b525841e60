import { num, pct, toPercent, type KindUi } from './kind-ui.ts';

export const actionsOnTime: KindUi = {
  code: 'actions_on_time',
  meetingKind: null,
  fields: [
    {
      name: 'percent',
      param: 'min',
      label: 'rulebook.form.actionsPercent',
      min: 0,
      max: 100,
      default: 80,
      percent: true,
      testId: 'percent',
    },
  ],
  sentence: (t, p) => t('rulebook.rule.actionsOnTime', { percent: toPercent(p.min) }),
  describe: (t, d, meets) => {
    const due = num(d.due);
    const onTime = num(d.onTime);
    const min = toPercent(d.min);
    if (due === 0) return t('detail.actionsNone');
    const rate = pct(onTime, due);
    return meets ? t('detail.actionsMet', { onTime, due, rate, min }) : t('detail.actionsMissing', { onTime, due, rate, min });
  },
};
