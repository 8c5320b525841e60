/** What the assignments module declares to the rulebook engine (listed in modules/rulebook-registry.ts). */
import type { ModuleDeclaration } from '../compliance/plugin.ts';
import { assignmentsActive, assignmentsEvaluated } from './standards/assignment-kinds.ts';
import { assignmentMetrics, PREFIX } from './standards/assignment-metrics.ts';

export const assignmentsModule: ModuleDeclaration = {
  module: 'assignments',
  sources: [assignmentMetrics],
  kinds: [assignmentsActive, assignmentsEvaluated],
  // Summed up the tree for the committees' participation view (everyone's column).
  sums: [{ prefix: PREFIX }],
};
