/** What youth work and mentorships declare to the rulebook engine (listed in modules/rulebook-registry.ts). */
import type { ModuleDeclaration } from '../compliance/plugin.ts';
import { candidatesMentored, youthGroupsAssigned } from './standards/mentorship-kinds.ts';
import { MENTORSHIP_PREFIX, mentorshipMetrics, YOUTH_PREFIX, youthGroupMetrics } from './standards/mentorship-metrics.ts';

export const mentorshipsModule: ModuleDeclaration = {
  module: 'mentorships',
  sources: [mentorshipMetrics, youthGroupMetrics],
  kinds: [candidatesMentored, youthGroupsAssigned],
  // Summed up the tree: committees read their cells' mentorships and youth groups pre-aggregated.
  sums: [{ prefix: MENTORSHIP_PREFIX }, { prefix: YOUTH_PREFIX }],
};
