/** What cells' work plans declare to the rulebook engine (listed in modules/rulebook-registry.ts). */
import type { ModuleDeclaration } from '../compliance/plugin.ts';
import { PLANS_PREFIX, planStateMetrics } from './standards/plan-states.ts';
import { workPlanAdopted, workPlanMetrics } from './standards/work-plan-adopted.ts';

export const workPlansModule: ModuleDeclaration = {
  module: 'work-plans',
  sources: [workPlanMetrics, planStateMetrics],
  kinds: [workPlanAdopted],
  // A committee's counts of plans by state (read.ts) are these summed over its subtree.
  sums: [{ prefix: PLANS_PREFIX }],
};
