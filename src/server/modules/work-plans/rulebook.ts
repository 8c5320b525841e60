/** What cells' work plans declare to the rulebook engine (listed in modules/rulebook-registry.ts). */
import type { ModuleDeclaration } from '../compliance/plugin.ts';
import { workPlanAdopted, workPlanMetrics } from './standards/work-plan-adopted.ts';

export const workPlansModule: ModuleDeclaration = {
  module: 'work-plans',
  sources: [workPlanMetrics],
  kinds: [workPlanAdopted],
  sums: [],
};
