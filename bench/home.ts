/**
 * home: a member's home page data in one request (GET /api/v1/me/home: open assignments, next
 * meetings, open follow-up actions, directives to acknowledge), for members picked across the tree,
 * next to the API floor of the same run: the cheapest authenticated read (GET /api/v1/people/{id},
 * the member's own record, as bench/floor.ts measures it) with the same sessions, interleaved, through
 * fastify's inject. Target (issue 12): p95 at most 3 x the floor's p95.
 */
import { startBenchApp, type BenchApp } from './lib/app.ts';
import { ensureAssignments, memberSessions } from './lib/assignments.ts';
import { openBenchDatabase } from './lib/database.ts';
import { describeDataset, ensureDataset } from './lib/dataset.ts';
import { printResult, printTable } from './lib/report.ts';
import { benchRepeat, peakRssMb, picker, round2, Samples } from './lib/stats.ts';
import type { BenchOptions } from './run.ts';

const MEMBERS = 50;
const ROUNDS = 600;
const WARMUP = 50;
const TARGET = 3;

export async function run({ scale }: BenchOptions): Promise<void> {
  const bench = await openBenchDatabase({ keep: `dataset-${scale}` });
  let app: BenchApp | undefined;
  try {
    console.log(`home bench, scale ${scale}`);
    console.log(`server: ${bench.server}`);
    console.log(describeDataset(await ensureDataset(bench, scale)));
    const generated = await ensureAssignments(bench.pool);
    console.log(`assignments: ${generated.rows} (${round2(generated.seconds)} s)`);
    app = await startBenchApp(bench);
    const members = await memberSessions(app, MEMBERS);
    const p = picker(13);
    const samples = { home: new Samples(), floor: new Samples() };
    const counts = { assignments: 0, meetings: 0, actions: 0, directives: 0, homes: 0 };
    for (let i = -WARMUP; i < ROUNDS * benchRepeat(); i++) {
      const m = p.pick(members);
      for (const kind of p.shuffle(['home', 'floor'] as const)) {
        const url = kind === 'home' ? '/api/v1/me/home' : `/api/v1/people/${m.personId}`;
        const started = performance.now();
        const res = await app.app.inject({ method: 'GET', url, headers: { cookie: m.cookie } });
        const ms = performance.now() - started;
        if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        if (i < 0) continue;
        samples[kind].add(ms);
        if (kind === 'home') {
          const body = JSON.parse(res.body);
          counts.assignments += body.assignments.length;
          counts.meetings += body.nextMeetings.length;
          counts.actions += body.actions.length;
          counts.directives += body.directivesToAcknowledge.length;
          counts.homes++;
        }
      }
    }
    const per = (n: number) => round2(n / Math.max(1, counts.homes));
    console.log(
      `${MEMBERS} members; per home on average: ${per(counts.assignments)} open assignments, ${per(counts.meetings)} next meetings, ` +
        `${per(counts.actions)} open actions, ${per(counts.directives)} directives to acknowledge`,
    );
    console.log(`peak RSS ${peakRssMb()} MB`);
    printTable(
      [{ header: 'request', align: 'left' }, { header: 'p50 ms' }, { header: 'p95 ms' }, { header: 'p95 / floor p95' }],
      [
        ['GET /api/v1/me/home', round2(samples.home.p50), round2(samples.home.p95), round2(samples.home.p95 / samples.floor.p95)],
        ['floor: GET /api/v1/people/{own id}', round2(samples.floor.p50), round2(samples.floor.p95), 1],
      ],
    );
    printResult({
      bench: 'home',
      scale,
      value: round2(samples.home.p95),
      unit: 'ms p95',
      limit: round2(TARGET * samples.floor.p95),
      ratio: round2(samples.home.p95 / (TARGET * samples.floor.p95)),
    });
  } finally {
    await app?.close();
    await bench.close();
  }
}
