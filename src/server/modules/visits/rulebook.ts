/** What officials' visits declare to the rulebook engine (listed in modules/rulebook-registry.ts). */
import type { ModuleDeclaration } from '../compliance/plugin.ts';
import { VISITS_PREFIX, visitMetrics } from './metrics.ts';
import { visitsEveryMonths, visitsInWindow } from './standards/visits-every-months.ts';

export const visitsModule: ModuleDeclaration = {
  module: 'visits',
  sources: [visitMetrics, visitsInWindow],
  kinds: [visitsEveryMonths],
  // Coverage per committee (cells visited in the month and the windows, visits held, open problems).
  sums: [{ prefix: VISITS_PREFIX }],
};
