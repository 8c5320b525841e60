/** What the emulation module declares to the rulebook engine (listed in modules/rulebook-registry.ts). */
import type { ModuleDeclaration } from '../compliance/plugin.ts';
import { campaignCounts } from './campaign-counts.ts';

export const emulationModule: ModuleDeclaration = {
  module: 'emulation',
  sources: [],
  kinds: [],
  sums: [],
  // Running campaigns' standings read these counts, kept with the committees' roll-ups.
  followers: [campaignCounts],
};
