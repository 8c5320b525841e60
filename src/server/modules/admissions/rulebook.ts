/** What the admissions module declares to the rulebook engine (listed in modules/rulebook-registry.ts). */
import type { ModuleDeclaration } from '../compliance/plugin.ts';
import { admissionsPipeline, PREFIX } from './standards/pipeline-metrics.ts';

export const admissionsModule: ModuleDeclaration = {
  module: 'admissions',
  sources: [admissionsPipeline],
  kinds: [],
  // The pipeline figures of a committee (summary.ts) are these summed over its subtree.
  sums: [{ prefix: PREFIX }],
};
