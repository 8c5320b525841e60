/**
 * Every module that keeps figures per committee summed over its subtree, listed here and nowhere else
 * (as rulebook-registry.ts lists the rulebook's modules). When a unit moves (units/service.ts#moveUnit:
 * its subtree's paths rewritten, the tree held exclusively, in the move's transaction), each shifts
 * the unit's own totals from the committees above its old place to those above its new one; common
 * ancestors net to zero. How to add one: docs/modules.md.
 */
import type { Db } from '../db/database.ts';
import { moveRollups } from './compliance/engine.ts';
import { moveReach } from './directives/queries.ts';
import { moveSecretaryTotals } from './secretary/totals.ts';
import { moveTargetMonths } from './targets/months.ts';

export type SubtreeTotals = {
  /** What it keeps, for errors and docs. */
  name: string;
  move(db: Db, unitId: number, oldPath: string, newParentPath: string): Promise<void>;
};

export const SUBTREE_TOTALS: readonly SubtreeTotals[] = [
  // The rulebook's roll-ups, summed roll-ups and the counts that follow verdicts (compliance/plugin.ts).
  { name: 'rulebook roll-ups', move: moveRollups },
  { name: 'directive reach', move: moveReach },
  { name: 'secretary feedback totals', move: moveSecretaryTotals },
  { name: 'target months', move: moveTargetMonths },
];
