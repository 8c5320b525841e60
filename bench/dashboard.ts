/**
 * dashboard: a committee's compliance figures for the current month (GET /api/v1/units/{id}/compliance)
 * for the root, a level-1 and a level-2 committee and a cell, against the API floor: the cheapest
 * authenticated read, one person by id (GET /api/v1/people/{id}). Same app, same run, interleaved in a
 * shuffled order, many random units per level. Target: p95 of every level <= 3 x the floor's p95.
 */
import { startBenchApp, type BenchApp } from './lib/app.ts';
import { openBenchDatabase } from './lib/database.ts';
import { describeDataset, ensureDataset } from './lib/dataset.ts';
import { explainDashboard } from './lib/explain.ts';
import { printResult, printTable } from './lib/report.ts';
import { benchRepeat, peakRssMb, picker, round2, Samples } from './lib/stats.ts';
import type { BenchOptions } from './run.ts';

const ROUNDS = 300;
const WARMUP = 30;
const TARGET = 3;

type Target = { name: string; url: (pick: ReturnType<typeof picker>) => string };

export async function run({ scale }: BenchOptions): Promise<void> {
  const bench = await openBenchDatabase({ keep: `dataset-${scale}` });
  let app: BenchApp | undefined;
  try {
    console.log(`dashboard bench, scale ${scale}`);
    console.log(`server: ${bench.server}`);
    const dataset = await ensureDataset(bench, scale);
    console.log(describeDataset(dataset));
    const month = new Date().toISOString().slice(0, 7);
    const ids = async (where: string, limit: number) =>
      (await bench.pool.query<{ id: number }>(`select id::int as id from units where ${where} order by md5(id::text) limit ${limit}`)).rows.map((r) => r.id);
    const units = {
      root: await ids('depth = 0', 1),
      level1: await ids(`depth = 1 and kind = 'committee'`, 200),
      level2: await ids(`depth = 2 and kind = 'committee'`, 200),
      cell: await ids(`kind = 'cell'`, 500),
    };
    const people = (await bench.pool.query<{ id: number }>('select id::int as id from people order by md5(id::text) limit 500')).rows.map((r) => r.id);
    const compliance = (list: number[]) => (p: ReturnType<typeof picker>) => `/api/v1/units/${p.pick(list)}/compliance?period=${month}`;
    const targets: Target[] = [
      { name: 'floor: GET /people/{id}', url: (p) => `/api/v1/people/${p.pick(people)}` },
      { name: 'compliance: root', url: compliance(units.root) },
      { name: 'compliance: level-1 committee', url: compliance(units.level1) },
      { name: 'compliance: level-2 committee', url: compliance(units.level2) },
      { name: 'compliance: cell', url: compliance(units.cell) },
      { name: '12-month trend: root', url: () => `/api/v1/units/${units.root[0]}/compliance/trend?period=${month}` },
    ];
    app = await startBenchApp(bench);
    const samples = targets.map(() => new Samples());
    const p = picker();
    const rounds = ROUNDS * benchRepeat();
    for (let round = -WARMUP; round < rounds; round++) {
      for (const i of p.shuffle(targets.map((_, k) => k))) {
        const { ms } = await app.request('GET', (targets[i] as Target).url(p));
        if (round >= 0) (samples[i] as Samples).add(ms);
      }
    }
    const floor = samples[0] as Samples;
    console.log(`${rounds} rounds (+${WARMUP} warm-up), each request once per round in a shuffled order; fastify inject; month ${month}`);
    console.log(`peak RSS of this process: ${peakRssMb()} MB`);
    console.log('');
    printTable(
      [{ header: 'request', align: 'left' }, { header: 'n' }, { header: 'p50 ms' }, { header: 'p95 ms' }, { header: 'p95 / floor p95' }, { header: 'target' }],
      targets.map((t, i) => {
        const s = samples[i] as Samples;
        return [t.name, s.count, round2(s.p50), round2(s.p95), round2(s.p95 / floor.p95), i === 0 ? '' : i === targets.length - 1 ? '(info)' : `<= ${TARGET}`];
      }),
    );
    if (process.env.BENCH_EXPLAIN === '1') await explainDashboard(bench, units.level2[0] as number, `${month}-01`);
    const worst = Math.max(...samples.slice(1, 5).map((s) => s.p95));
    printResult({ bench: 'dashboard', scale, value: round2(worst), unit: 'ms p95', limit: round2(floor.p95), ratio: round2(worst / floor.p95) });
  } finally {
    await app?.close();
    await bench.close();
  }
}
