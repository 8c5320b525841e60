import { STANDARD_LIMITS as L } from '../../../../shared/schemas/compliance.ts';
import { num, type KindUi } from './kind-ui.ts';

/** At least N education sessions a month: held study meetings on at least one programme theme (issue 12). */
export const educationSessionsPerMonth: KindUi = {
  code: 'education_sessions_per_month',
  meetingKind: null,
  fields: [
    {
      name: 'educationCount',
      param: 'min',
      label: 'rulebook.form.educationCount',
      min: L.meetingsPerMonth[0],
      max: L.meetingsPerMonth[1],
      default: 1,
      testId: 'education-count',
    },
  ],
  sentence: (t, p) => t('rulebook.rule.educationSessionsPerMonth', { count: num(p.min, 1) }),
  describe: (t, d, meets) => {
    const held = num(d.held);
    const required = num(d.required);
    return meets
      ? t('detail.educationMet', { held, required })
      : t('detail.educationMissing', { held, required, count: Math.max(1, required - held) });
  },
};
