/** What the directives module declares to the rulebook engine (listed in modules/rulebook-registry.ts). */
import type { ModuleDeclaration } from '../compliance/plugin.ts';
import { directivesReached, directivesWithin } from './standards.ts';

export const directivesModule: ModuleDeclaration = {
  module: 'directives',
  sources: [directivesWithin],
  kinds: [directivesReached],
  sums: [],
};
