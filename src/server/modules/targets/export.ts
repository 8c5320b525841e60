/** A unit's targets for a year as CSV (a spreadsheet for the committee's review of implementation). */
import { stringify } from 'csv-stringify/sync';
import type { Actor } from '../../access/actor.ts';
import type { Db } from '../../db/database.ts';
import { listUnitTargets } from './read.ts';

export async function unitTargetsCsv(db: Db, actor: Actor, unitId: number, year: string): Promise<string> {
  const { items } = await listUnitTargets(db, actor, unitId, year);
  const header = [
    'id',
    'unit',
    'year',
    'quarter',
    'sector',
    'indicator',
    'measure',
    'figure',
    'achieved',
    'expected',
    'status',
    'split_sum',
    'units_behind',
  ];
  const rows = items.map((x) => [
    x.id,
    x.unitName,
    x.year,
    x.quarter,
    x.sector,
    x.indicator,
    x.measure,
    x.figure,
    x.achieved,
    x.expected,
    x.status,
    x.splitSum,
    x.behindUnits.map((u) => u.unitName).join('; '),
  ]);
  // A byte-order mark, so spreadsheet programs read the names as UTF-8.
  return `\uFEFF${stringify([header, ...rows])}`;
}
