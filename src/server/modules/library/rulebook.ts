/** What the library declares to the rulebook engine (listed in modules/rulebook-registry.ts): one kind over the meetings' metrics. */
import type { ModuleDeclaration } from '../compliance/plugin.ts';
import { readingSessionsPerMonth } from './standards/reading-sessions-per-month.ts';

export const libraryModule: ModuleDeclaration = {
  module: 'library',
  sources: [],
  kinds: [readingSessionsPerMonth],
  sums: [],
};
