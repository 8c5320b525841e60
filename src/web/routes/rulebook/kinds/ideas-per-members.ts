import { num, type KindUi } from './kind-ui.ts';

/** At least N ideas submitted in the 12 months ending with the month judged per 10 members (issue 15). */
export const ideasPerMembers: KindUi = {
  code: 'ideas_per_members',
  meetingKind: null,
  fields: [
    {
      name: 'ideasMin',
      param: 'min',
      label: 'rulebook.form.ideasMin',
      min: 1,
      max: 100,
      default: 1,
      testId: 'ideas-min',
    },
  ],
  sentence: (t, p) => t('rulebook.rule.ideasPerMembers', { count: num(p.min, 1) }),
  describe: (t, d, meets) => {
    const ideas = num(d.ideas);
    const members = num(d.members);
    if (meets) return t('detail.ideasMet', { count: ideas, members });
    const needed = Math.ceil((num(d.min) * members) / 10);
    return t('detail.ideasMissing', { count: needed - ideas, members });
  },
};
