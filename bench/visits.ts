/**
 * visits: the committee reads of issue 14 for the centre, a region (level 1) and a district (level 2),
 * next to the API floor of the same run (GET /api/v1/people/{id}), all interleaved, as the
 * administrator through fastify's inject. Target (issue 14): p95 of each at most 3 x the floor's p95.
 * - visit coverage (GET /api/v1/units/{id}/visits/coverage): cells, visited, share, per child, and the
 *   first page of the cells not visited for longest, with two cells in five visited in the last months;
 * - the secretary-feedback view (GET /api/v1/units/{id}/secretary-feedback, decision 0027), with
 *   feedback in 30 % of the cells (bench/lib/secretary-feedback.ts).
 * Another read is one more entry in `reads`. The month's summed roll-ups
 * are rebuilt once after the visits are generated (untimed), as the nightly rebuild would.
 */
import { materializePeriod } from '../src/server/modules/compliance/engine.ts';
import { periodOf, todayIso } from '../src/server/modules/compliance/periods.ts';
import { startBenchApp, type BenchApp } from './lib/app.ts';
import { openBenchDatabase } from './lib/database.ts';
import { LEVELS, pickUnitsAndPeople, type Level } from './lib/committee-reads.ts';
import { ensureSecretaryFeedback } from './lib/secretary-feedback.ts';
import { describeDataset, ensureDataset } from './lib/dataset.ts';
import { printResult, printTable } from './lib/report.ts';
import { benchRepeat, peakRssMb, picker, round2, Samples } from './lib/stats.ts';
import { ensureVisits } from './lib/visits.ts';
import type { BenchOptions } from './run.ts';

const ROUNDS = 400;
const WARMUP = 40;
const TARGET = 3;

/** A read measured at each level: its URL for the level's unit, and a one-line account of what it answered. */
type Read = { name: string; url: (unitId: number, month: string) => string; describe: (body: any) => string };

/** The reads measured in one run: visit coverage and the secretary-feedback view (its quarter from the generated ratings). */
const reads = (quarter: string): Read[] => [
  {
    name: 'visit coverage',
    url: (id, month) => `/api/v1/units/${id}/visits/coverage?period=${month}`,
    describe: (b) =>
      `${b.visited} of ${b.cells} cells visited, ${b.heldVisits} visits held, ${b.openProblems} problems open, ${b.children.length} children, first unvisited ${b.longestUnvisited.items[0]?.lastVisitedOn ?? 'never'}`,
  },
  {
    name: 'secretary feedback',
    url: (id) => `/api/v1/units/${id}/secretary-feedback?quarter=${quarter}`,
    describe: (b) => `${b.raters} raters in ${b.cells} cells, ${b.children.length} children`,
  },
];

export async function run({ scale }: BenchOptions): Promise<void> {
  const bench = await openBenchDatabase({ keep: `dataset-${scale}` });
  let app: BenchApp | undefined;
  try {
    console.log(`visits bench, scale ${scale}`);
    console.log(`server: ${bench.server}`);
    console.log(describeDataset(await ensureDataset(bench, scale)));
    app = await startBenchApp(bench);
    const generated = await ensureVisits(bench.pool);
    console.log(`visits: ${generated.visits}, cells visited: ${generated.visited} (${round2(generated.seconds)} s)`);
    const feedback = await ensureSecretaryFeedback(bench.pool);
    console.log(`secretary ratings in ${feedback.quarter}: ${feedback.ratings} (${round2(feedback.seconds)} s)`);
    const READS = reads(feedback.quarter);
    const db = app.ctx.db;
    const period = periodOf(todayIso());
    const rebuild = performance.now();
    await materializePeriod(db, period);
    console.log(`month ${period.slice(0, 7)} rebuilt in ${round2((performance.now() - rebuild) / 1000)} s`);
    const { units, people } = await pickUnitsAndPeople(db);
    const p = picker(27);
    const kinds = [...READS.flatMap((r) => LEVELS.map((level) => `${r.name}|${level}`)), 'floor'];
    const samples = Object.fromEntries(kinds.map((k) => [k, new Samples()]));
    const seen: Record<string, string> = {};
    const month = period.slice(0, 7);
    for (let i = -WARMUP; i < ROUNDS * benchRepeat(); i++) {
      for (const kind of p.shuffle([...kinds])) {
        const [name, level] = kind.split('|') as [string, Level];
        const read = READS.find((r) => r.name === name);
        const url = read ? read.url(units[level], month) : `/api/v1/people/${p.pick(people)}`;
        const { ms, body } = await app.request('GET', url);
        if (i < 0) continue;
        samples[kind]!.add(ms);
        if (read) seen[kind] = read.describe(body);
      }
    }
    for (const [k, v] of Object.entries(seen)) console.log(`${k.replace('|', ' of the ')} (unit ${units[k.split('|')[1] as Level]}): ${v}`);
    console.log(`peak RSS ${peakRssMb()} MB`);
    const floor = samples.floor!.p95;
    const measured = kinds.filter((k) => k !== 'floor');
    printTable(
      [{ header: 'request', align: 'left' }, { header: 'p50 ms' }, { header: 'p95 ms' }, { header: 'p95 / floor p95' }],
      [
        ...measured.map((k) => [
          k.replace('|', ' of the '),
          round2(samples[k]!.p50),
          round2(samples[k]!.p95),
          round2(samples[k]!.p95 / floor),
        ]),
        ['floor: GET /api/v1/people/{id}', round2(samples.floor!.p50), round2(floor), 1],
      ],
    );
    const worst = Math.max(...measured.map((k) => samples[k]!.p95));
    printResult({
      bench: 'visits',
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
