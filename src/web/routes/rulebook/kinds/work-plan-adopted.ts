import { num, type KindUi } from './kind-ui.ts';

/** The cell has a work plan for the quarter, adopted by the month's end, with at least N goals (issue 15). */
export const workPlanAdopted: KindUi = {
  code: 'work_plan_adopted',
  meetingKind: null,
  fields: [
    {
      name: 'workPlanGoals',
      param: 'minGoals',
      label: 'rulebook.form.workPlanGoals',
      min: 1,
      max: 50,
      default: 1,
      testId: 'work-plan-goals',
    },
  ],
  sentence: (t, p) => t('rulebook.rule.workPlanAdopted', { count: num(p.minGoals, 1) }),
  describe: (t, d, meets) => {
    const goals = num(d.goals);
    if (meets) return t('detail.workPlanMet', { count: goals });
    return goals > 0 ? t('detail.workPlanTooFew', { count: goals, required: num(d.required) }) : t('detail.workPlanMissing');
  },
};
