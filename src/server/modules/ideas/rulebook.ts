/** What the ideas module declares to the rulebook engine (listed in modules/rulebook-registry.ts). */
import type { ModuleDeclaration } from '../compliance/plugin.ts';
import { IDEAS_PREFIX, ideaMetrics } from './standards/ideas-metrics.ts';
import { ideasInYear, ideasPerMembers } from './standards/ideas-per-members.ts';

export const ideasModule: ModuleDeclaration = {
  module: 'ideas',
  sources: [ideaMetrics, ideasInYear],
  kinds: [ideasPerMembers],
  // The figures of a committee (summary.ts) are these summed over its subtree.
  sums: [{ prefix: IDEAS_PREFIX }],
};
