import { STANDARD_LIMITS as L } from '../../../../shared/schemas/compliance.ts';
import { num, type KindUi } from './kind-ui.ts';

/** At least N meetings of a kind in the three months ending with the month judged. */
export const meetingsPerQuarter: KindUi = {
  code: 'meetings_per_quarter',
  meetingKind: 'consultative',
  fields: [
    {
      name: 'quarterCount',
      param: 'min',
      label: 'rulebook.form.quarterCount',
      min: L.meetingsPerQuarter[0],
      max: L.meetingsPerQuarter[1],
      default: 1,
      testId: 'quarter-count',
    },
  ],
  sentence: (t, p, meeting) => t('rulebook.rule.meetingsPerQuarter', { kind: meeting, count: num(p.min, 1) }),
  describe: (t, d, meets) => {
    const held = num(d.held);
    const required = num(d.required);
    return meets
      ? t('detail.quarterMet', { held, required })
      : t('detail.quarterMissing', { held, required, count: Math.max(1, required - held) });
  },
};
