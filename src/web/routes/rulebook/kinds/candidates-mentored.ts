import { num, pct, toPercent, type KindUi } from './kind-ui.ts';

export const candidatesMentored: KindUi = {
  code: 'candidates_mentored',
  meetingKind: null,
  fields: [
    {
      name: 'candidatesPercent',
      param: 'min',
      label: 'rulebook.form.candidatesMentoredPercent',
      min: 0,
      max: 100,
      default: 100,
      percent: true,
      testId: 'candidates-percent',
    },
  ],
  sentence: (t, p) => t('rulebook.rule.candidatesMentored', { percent: toPercent(p.min, 1) }),
  describe: (t, d, meets) => {
    const mentored = num(d.mentored);
    const candidates = num(d.candidates);
    const min = toPercent(d.min, 1);
    if (candidates === 0) return t('detail.candidatesNone');
    const rate = pct(mentored, candidates);
    return meets
      ? t('detail.candidatesMentoredMet', { mentored, candidates, rate, min })
      : t('detail.candidatesMentoredMissing', { mentored, candidates, rate, min });
  },
};
