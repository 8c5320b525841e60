/**
 * ideas: the ideas summary of issue 15 (GET /api/v1/units/{id}/ideas/summary?year=YYYY) for the centre,
 * a region (level 1) and a district (level 2), next to the API floor of the same run (GET
 * /api/v1/people/{id}), all interleaved, as the administrator through fastify's inject. Target (issue
 * 15): p95 of each at most 3 x the floor's p95. Ideas come from one member in a hundred this year
 * (bench/lib/ideas.ts); the year's months are rebuilt once after they are generated (untimed), as the
 * nightly rebuild would, so the summary reads the summed roll-ups (decision 0032).
 */
import { materializePeriod } from '../src/server/modules/compliance/engine.ts';
import { todayIso } from '../src/server/modules/compliance/periods.ts';
import { monthsOf } from '../src/server/modules/ideas/summary.ts';
import { startBenchApp, type BenchApp } from './lib/app.ts';
import { openBenchDatabase } from './lib/database.ts';
import { LEVELS, pickUnitsAndPeople, type Level } from './lib/committee-reads.ts';
import { describeDataset, ensureDataset } from './lib/dataset.ts';
import { ensureIdeas } from './lib/ideas.ts';
import { printResult, printTable } from './lib/report.ts';
import { benchRepeat, peakRssMb, picker, round2, Samples } from './lib/stats.ts';
import type { BenchOptions } from './run.ts';

const ROUNDS = 400;
const WARMUP = 40;
const TARGET = 3;

export async function run({ scale }: BenchOptions): Promise<void> {
  const bench = await openBenchDatabase({ keep: `dataset-${scale}` });
  let app: BenchApp | undefined;
  try {
    console.log(`ideas bench, scale ${scale}`);
    console.log(`server: ${bench.server}`);
    console.log(describeDataset(await ensureDataset(bench, scale)));
    app = await startBenchApp(bench);
    const generated = await ensureIdeas(bench.pool);
    console.log(`ideas this year: ${generated.ideas}, introduced: ${generated.introduced} (${round2(generated.seconds)} s)`);
    const db = app.ctx.db;
    const today = todayIso();
    const year = Number(today.slice(0, 4));
    const rebuild = performance.now();
    for (const p of monthsOf(year, today)) await materializePeriod(db, p);
    console.log(`the year's ${monthsOf(year, today).length} months rebuilt in ${round2((performance.now() - rebuild) / 1000)} s`);
    const { units, people } = await pickUnitsAndPeople(db);
    const p = picker(31);
    const kinds = [...LEVELS, 'floor'] as const;
    const samples = Object.fromEntries(kinds.map((k) => [k, new Samples()]));
    const seen: Record<string, string> = {};
    for (let i = -WARMUP; i < ROUNDS * benchRepeat(); i++) {
      for (const kind of p.shuffle([...kinds])) {
        const url =
          kind === 'floor' ? `/api/v1/people/${p.pick(people)}` : `/api/v1/units/${units[kind as Level]}/ideas/summary?year=${year}`;
        const { ms, body } = await app.request('GET', url);
        if (i < 0) continue;
        samples[kind]!.add(ms);
        if (kind !== 'floor')
          seen[kind] =
            `${body.submitted} submitted, ${body.accepted} accepted, ${body.introduced} introduced, ` +
            `${body.benefits.length} benefit units, median ${body.medianDaysToIntroduction} days`;
      }
    }
    for (const [k, v] of Object.entries(seen)) console.log(`ideas summary of the ${k} (unit ${units[k as Level]}): ${v}`);
    console.log(`peak RSS ${peakRssMb()} MB`);
    const floor = samples.floor!.p95;
    printTable(
      [{ header: 'request', align: 'left' }, { header: 'p50 ms' }, { header: 'p95 ms' }, { header: 'p95 / floor p95' }],
      [
        ...LEVELS.map((k) => [
          `ideas summary of the ${k}`,
          round2(samples[k]!.p50),
          round2(samples[k]!.p95),
          round2(samples[k]!.p95 / floor),
        ]),
        ['floor: GET /api/v1/people/{id}', round2(samples.floor!.p50), round2(floor), 1],
      ],
    );
    const worst = Math.max(...LEVELS.map((k) => samples[k]!.p95));
    printResult({
      bench: 'ideas',
      scale,
      value: round2(worst),
      unit: 'ms p95',
      limit: round2(TARGET * floor),
      ratio: round2(worst / (TARGET * floor)),
    });
  } finally {
    await app?.close();
    await bench.close();
  }
}
