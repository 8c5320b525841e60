/** What education declares to the rulebook engine (listed in modules/rulebook-registry.ts). */
import type { ModuleDeclaration } from '../compliance/plugin.ts';
import { educationSessionsPerMonth } from './standards/education-sessions-per-month.ts';
import { learningPlanShare } from './standards/learning-plan-share.ts';
import { educationSessions, learningPlans, themesCompleted } from './standards/metrics.ts';

export const educationModule: ModuleDeclaration = {
  module: 'education',
  sources: [educationSessions, themesCompleted, learningPlans],
  kinds: [educationSessionsPerMonth, learningPlanShare],
  // A committee's education panel (counts.ts) reads these over its subtree; technical sessions are the meetings module's metrics.
  sums: [
    { prefix: 'education_sessions' },
    { prefix: 'themes_completed' },
    { prefix: 'learning_plan:' },
    { prefix: 'meetings_held:technical' },
  ],
};
