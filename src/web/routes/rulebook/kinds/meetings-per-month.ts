import { STANDARD_LIMITS as L } from '../../../../shared/schemas/compliance.ts';
import { num, type KindUi } from './kind-ui.ts';

export const meetingsPerMonth: KindUi = {
  code: 'meetings_per_month',
  meetingKind: 'general',
  fields: [
    {
      name: 'count',
      param: 'min',
      label: 'rulebook.form.count',
      min: L.meetingsPerMonth[0],
      max: L.meetingsPerMonth[1],
      default: 1,
      testId: 'count',
    },
  ],
  sentence: (t, p, meeting) => t('rulebook.rule.meetingsPerMonth', { kind: meeting, count: num(p.min, 1) }),
  describe: (t, d, meets, pastMonth) => {
    const held = num(d.held);
    const required = num(d.required);
    return meets
      ? t('detail.meetingsMet', { held, required })
      : t(pastMonth ? 'monthView.meetingsMissingIn' : 'detail.meetingsMissing', {
          held,
          required,
          count: Math.max(1, required - held),
          month: pastMonth,
        });
  },
};
