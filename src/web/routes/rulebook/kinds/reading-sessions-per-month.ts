import { STANDARD_LIMITS as L } from '../../../../shared/schemas/compliance.ts';
import { num, type KindUi } from './kind-ui.ts';

/** At least N reading sessions (study meetings held) a month: the library's kind (issue 11). */
export const readingSessionsPerMonth: KindUi = {
  code: 'reading_sessions_per_month',
  meetingKind: null,
  fields: [
    {
      name: 'readingCount',
      param: 'min',
      label: 'rulebook.form.readingCount',
      min: L.meetingsPerMonth[0],
      max: L.meetingsPerMonth[1],
      default: 1,
      testId: 'reading-count',
    },
  ],
  sentence: (t, p) => t('rulebook.rule.readingSessionsPerMonth', { count: num(p.min, 1) }),
  describe: (t, d, meets) => {
    const held = num(d.held);
    const required = num(d.required);
    return meets
      ? t('detail.readingMet', { held, required })
      : t('detail.readingMissing', { held, required, count: Math.max(1, required - held) });
  },
};
