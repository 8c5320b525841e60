/** What requests for help declare to the rulebook engine (listed in modules/rulebook-registry.ts). */
import type { ModuleDeclaration } from '../compliance/plugin.ts';
import { HELP_PREFIX, helpMetrics } from './metrics.ts';

export const helpRequestsModule: ModuleDeclaration = {
  module: 'help-requests',
  sources: [helpMetrics],
  kinds: [],
  // Counts only, summed up the tree for the committees (decision 0026): open, answered, days histogram.
  sums: [{ prefix: HELP_PREFIX }],
};
