/**
 * The shape shared by the benches that read a committee view at three levels (the centre, the busiest
 * region and district) next to the API floor (GET /api/v1/people/{id}), interleaved in a shuffled order
 * each round, as the administrator: picking the units, timing the reads, and printing the table and the
 * one JSON line (target: each level's p95 at most 3 x the floor's).
 */
import { sql } from 'kysely';
import type { Db } from '../../src/server/db/database.ts';
import type { BenchApp } from './app.ts';
import { printResult, printTable } from './report.ts';
import { benchRepeat, picker, round2, Samples } from './stats.ts';
import type { Scale } from '../run.ts';

export const LEVELS = ['centre', 'region', 'district'] as const;
export type Level = (typeof LEVELS)[number];
const ROUNDS = 400;
const WARMUP = 40;
const TARGET = 3;

/** The committee with the most children at depth 0, 1 and 2; and 200 people on rolls for the floor. */
export async function pickUnitsAndPeople(db: Db): Promise<{ units: Record<Level, number>; people: number[] }> {
  const pickUnit = async (depth: number) =>
    Number(
      (
        await sql<{ id: string }>`select u.id from units u where u.kind = 'committee' and u.depth = ${depth}
          order by (select count(*) from units c where c.parent_id = u.id) desc, u.id limit 1`.execute(db)
      ).rows[0]!.id,
    );
  const units = { centre: await pickUnit(0), region: await pickUnit(1), district: await pickUnit(2) };
  const people = (
    await sql<{
      id: string;
    }>`select person_id as id from memberships where to_date is null order by md5(person_id::text) limit 200`.execute(db)
  ).rows.map((r) => Number(r.id));
  return { units, people };
}

/** Times `urlOf(unit)` at each level and the floor; returns the samples and each level's last body. */
export async function measureCommitteeReads<B>(
  app: BenchApp,
  picked: { units: Record<Level, number>; people: number[] },
  urlOf: (unitId: number) => string,
  seed: number,
): Promise<{ samples: Record<Level | 'floor', Samples>; last: Record<Level, B> }> {
  const p = picker(seed);
  const kinds = [...LEVELS, 'floor'] as const;
  const samples = Object.fromEntries(kinds.map((k) => [k, new Samples()])) as Record<Level | 'floor', Samples>;
  const last = {} as Record<Level, B>;
  for (let i = -WARMUP; i < ROUNDS * benchRepeat(); i++) {
    for (const kind of p.shuffle([...kinds])) {
      const url = kind === 'floor' ? `/api/v1/people/${p.pick(picked.people)}` : urlOf(picked.units[kind]);
      const { ms, body } = await app.request('GET', url);
      if (i < 0) continue;
      samples[kind].add(ms);
      if (kind !== 'floor') last[kind] = body as B;
    }
  }
  return { samples, last };
}

/** The table (p50, p95, ratio to the floor) and the JSON line with the worst level's p95 against 3 x the floor. */
export function reportCommitteeReads(bench: string, scale: Scale, label: string, samples: Record<Level | 'floor', Samples>): void {
  const floor = samples.floor.p95;
  printTable(
    [{ header: 'request', align: 'left' }, { header: 'p50 ms' }, { header: 'p95 ms' }, { header: 'p95 / floor p95' }],
    [
      ...LEVELS.map((k) => [`${label} of the ${k}`, round2(samples[k].p50), round2(samples[k].p95), round2(samples[k].p95 / floor)]),
      ['floor: GET /api/v1/people/{id}', round2(samples.floor.p50), round2(floor), 1],
    ],
  );
  const worst = Math.max(...LEVELS.map((k) => samples[k].p95));
  printResult({
    bench,
    scale,
    value: round2(worst),
    unit: 'ms p95',
    limit: round2(TARGET * floor),
    ratio: round2(worst / (TARGET * floor)),
  });
}
