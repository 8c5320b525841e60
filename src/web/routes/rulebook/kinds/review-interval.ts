import { STANDARD_LIMITS as L } from '../../../../shared/schemas/compliance.ts';
import { num, type KindUi } from './kind-ui.ts';

export const reviewInterval: KindUi = {
  code: 'review_interval',
  meetingKind: 'review',
  fields: [
    {
      name: 'weeks',
      param: 'weeks',
      label: 'rulebook.form.weeks',
      min: L.reviewWeeks[0],
      max: L.reviewWeeks[1],
      default: 6,
      testId: 'weeks',
    },
  ],
  sentence: (t, p, meeting) => t('rulebook.rule.reviewInterval', { kind: meeting, count: num(p.weeks, 1) }),
  describe: (t, d, meets) => {
    const gap = Math.round(num(d.maxGapDays));
    const limit = Math.round(num(d.limitDays));
    if (meets) return t('detail.reviewMet', { count: gap, limit });
    // A gap longer than a year means no review session on record at all, or none for a very long time.
    return gap > 366 ? t('detail.reviewLong', { count: limit }) : t('detail.reviewMissing', { count: gap, limit });
  },
};
