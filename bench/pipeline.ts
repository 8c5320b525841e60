/**
 * pipeline: the admissions pipeline figures (GET /api/v1/units/{id}/admissions/summary: the unit's
 * figures and its children's for drill-down) and the requests-for-help counts (GET
 * /api/v1/units/{id}/help-requests/summary) of the centre, a region and a district, with about 2 % of
 * the members' number in nomination (bench/lib/admissions.ts) and 2 % of members with a request
 * (bench/lib/help-requests.ts), next to the API floor of the same run (GET /api/v1/people/{id}),
 * interleaved, as the administrator through fastify's inject. Target (issue 13): p95 at most 3 x the
 * floor's p95; the value is the worst of the six.
 */
import { materializePeriod } from '../src/server/modules/compliance/engine.ts';
import { periodOf, todayIso } from '../src/server/modules/compliance/periods.ts';
import { ensureNominations } from './lib/admissions.ts';
import { startBenchApp, type BenchApp } from './lib/app.ts';
import { openBenchDatabase } from './lib/database.ts';
import { describeDataset, ensureDataset } from './lib/dataset.ts';
import { ensureHelpRequests } from './lib/help-requests.ts';
import { printResult, printTable } from './lib/report.ts';
import { benchRepeat, peakRssMb, picker, round2, Samples } from './lib/stats.ts';
import type { BenchOptions } from './run.ts';

const ROUNDS = 300;
const WARMUP = 30;
const TARGET = 3;

type Level = 'centre' | 'region' | 'district';
/** The summaries measured, by name: a unit's URL for a month. */
const SUMMARIES: Record<string, (unitId: number, month: string) => string> = {
  admissions: (id, month) => `/api/v1/units/${id}/admissions/summary?period=${month}`,
  help: (id, month) => `/api/v1/units/${id}/help-requests/summary?period=${month}`,
};

export async function run({ scale }: BenchOptions): Promise<void> {
  const bench = await openBenchDatabase({ keep: `dataset-${scale}` });
  let app: BenchApp | undefined;
  try {
    console.log(`pipeline bench, scale ${scale}`);
    console.log(`server: ${bench.server}`);
    console.log(describeDataset(await ensureDataset(bench, scale)));
    const generated = await ensureNominations(bench.pool);
    console.log(`nominations: ${generated.rows} for ${generated.members} members (${round2(generated.seconds)} s)`);
    const asked = await ensureHelpRequests(bench.pool);
    console.log(`requests for help: ${asked.rows} (${round2(asked.seconds)} s)`);
    app = await startBenchApp(bench);
    // The nominations and requests were written straight to their tables: the month's figures are rebuilt once, as the nightly rebuild would.
    const built = performance.now();
    await materializePeriod(app.ctx.db, periodOf(todayIso()));
    console.log(`current month rebuilt in ${round2((performance.now() - built) / 1000)} s`);
    const month = todayIso().slice(0, 7);
    const { rows: units } = await bench.pool.query<{ level: Level; id: number }>(
      `(select 'centre' as level, id::int from units where parent_id is null order by id limit 1)
       union all (select 'region', id::int from units where depth = 1 and kind = 'committee' order by id limit 1)
       union all (select 'district', d.id::int from units d where d.depth = 2 and d.kind = 'committee' order by d.member_count desc, d.id limit 1)`,
    );
    const people = (await bench.pool.query<{ id: number }>('select id::int as id from people order by md5(id::text) limit 1000')).rows.map(
      (r) => r.id,
    );
    const kinds = [...Object.keys(SUMMARIES).flatMap((s) => units.map((u) => `${s}:${u.level}`)), 'floor'];
    const samples = Object.fromEntries(kinds.map((k) => [k, new Samples()]));
    const p = picker(23);
    let children = 0;
    for (let i = -WARMUP; i < ROUNDS * benchRepeat(); i++) {
      for (const kind of p.shuffle(kinds)) {
        let url: string;
        if (kind === 'floor') url = `/api/v1/people/${p.pick(people)}`;
        else {
          const [summary, level] = kind.split(':') as [string, Level];
          url = SUMMARIES[summary]!(units.find((u) => u.level === level)!.id, month);
        }
        const started = performance.now();
        const res = await app.app.inject({ method: 'GET', url, headers: { cookie: app.cookie } });
        const ms = performance.now() - started;
        if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        if (i < 0) continue;
        samples[kind]!.add(ms);
        if (kind === 'admissions:centre' && i === 0) {
          const body = JSON.parse(res.body);
          children = body.children.length;
          console.log(`centre this month: ${JSON.stringify(body.figures)}`);
        }
      }
    }
    console.log(`the centre has ${children} children; peak RSS ${peakRssMb()} MB`);
    const floor = samples.floor!;
    printTable(
      [{ header: 'request', align: 'left' }, { header: 'p50 ms' }, { header: 'p95 ms' }, { header: 'p95 / floor p95' }],
      [
        ...kinds
          .filter((k) => k !== 'floor')
          .map((k) => [`${k} summary`, round2(samples[k]!.p50), round2(samples[k]!.p95), round2(samples[k]!.p95 / floor.p95)]),
        ['floor: GET /api/v1/people/{id}', round2(floor.p50), round2(floor.p95), 1],
      ],
    );
    const worst = Math.max(...kinds.filter((k) => k !== 'floor').map((k) => samples[k]!.p95));
    printResult({
      bench: 'pipeline',
      scale,
      value: round2(worst),
      unit: 'ms p95 (worst level)',
      limit: round2(TARGET * floor.p95),
      ratio: round2(worst / (TARGET * floor.p95)),
    });
  } finally {
    await app?.close();
    await bench.close();
  }
}
