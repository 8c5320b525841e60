/**
 * help-requests: the committees' counts of requests for help (GET /api/v1/units/{id}/help-requests/summary:
 * open, answered, median days, and the same per child) of the centre, a region (level 1) and a district
 * (level 2), with 2 % of the members having a request, next to the API floor of the same run (GET
 * /api/v1/people/{id}), interleaved, as the administrator through fastify's inject. Target (issue 13):
 * p95 of each at most 3 x the floor's p95. The month's summed roll-ups are rebuilt once after the
 * requests are generated (untimed), as the nightly rebuild would.
 */
import { materializePeriod } from '../src/server/modules/compliance/engine.ts';
import { periodOf, todayIso } from '../src/server/modules/compliance/periods.ts';
import { startBenchApp, type BenchApp } from './lib/app.ts';
import { openBenchDatabase } from './lib/database.ts';
import { busiestCommittee, peopleOnRolls } from './lib/picks.ts';
import { describeDataset, ensureDataset } from './lib/dataset.ts';
import { ensureHelpRequests } from './lib/help-requests.ts';
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
    console.log(`help-requests bench, scale ${scale}`);
    console.log(`server: ${bench.server}`);
    console.log(describeDataset(await ensureDataset(bench, scale)));
    const generated = await ensureHelpRequests(bench.pool);
    console.log(`help requests: ${generated.rows} (${round2(generated.seconds)} s)`);
    app = await startBenchApp(bench);
    const db = app.ctx.db;
    const period = periodOf(todayIso());
    const rebuild = performance.now();
    await materializePeriod(db, period);
    console.log(`month ${period.slice(0, 7)} rebuilt in ${round2((performance.now() - rebuild) / 1000)} s`);
    const units = { centre: await busiestCommittee(db, 0), region: await busiestCommittee(db, 1), district: await busiestCommittee(db, 2) };
    const people = await peopleOnRolls(db);
    const p = picker(26);
    const kinds = ['centre', 'region', 'district', 'floor'] as const;
    const samples = Object.fromEntries(kinds.map((k) => [k, new Samples()])) as Record<(typeof kinds)[number], Samples>;
    const seen: Record<string, { open: number; answered: number; median: number | null; children: number }> = {};
    for (let i = -WARMUP; i < ROUNDS * benchRepeat(); i++) {
      for (const kind of p.shuffle([...kinds])) {
        const url =
          kind === 'floor'
            ? `/api/v1/people/${p.pick(people)}`
            : `/api/v1/units/${units[kind]}/help-requests/summary?period=${period.slice(0, 7)}`;
        const { ms, body } = await app.request('GET', url);
        if (i < 0) continue;
        samples[kind].add(ms);
        if (kind !== 'floor')
          seen[kind] = { open: body.open, answered: body.answered, median: body.medianDaysToAnswer, children: body.children.length };
      }
    }
    for (const [k, v] of Object.entries(seen))
      console.log(
        `${k} (unit ${units[k as keyof typeof units]}): open ${v.open}, answered ${v.answered}, median ${v.median} days, ${v.children} children`,
      );
    console.log(`peak RSS ${peakRssMb()} MB`);
    const floor = samples.floor.p95;
    printTable(
      [{ header: 'request', align: 'left' }, { header: 'p50 ms' }, { header: 'p95 ms' }, { header: 'p95 / floor p95' }],
      [
        ...(['centre', 'region', 'district'] as const).map((k) => [
          `summary of the ${k}`,
          round2(samples[k].p50),
          round2(samples[k].p95),
          round2(samples[k].p95 / floor),
        ]),
        ['floor: GET /api/v1/people/{id}', round2(samples.floor.p50), round2(floor), 1],
      ],
    );
    const worst = Math.max(samples.centre.p95, samples.region.p95, samples.district.p95);
    printResult({
      bench: 'help-requests',
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
