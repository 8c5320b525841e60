import { num, type KindUi } from './kind-ui.ts';

export const youthGroupsAssigned: KindUi = {
  code: 'youth_groups_assigned',
  meetingKind: null,
  fields: [],
  sentence: (t) => t('rulebook.rule.youthGroupsAssigned'),
  describe: (t, d, meets) => {
    const groups = num(d.groups);
    const assigned = num(d.assigned);
    if (groups === 0) return t('detail.youthGroupsNone');
    return meets
      ? t('detail.youthGroupsAssignedMet', { groups })
      : t('detail.youthGroupsAssignedMissing', { groups, missing: groups - assigned });
  },
};
