/**
 * dashboard: every read behind a committee's health page and the central one, for the current month:
 * the figures (GET /api/v1/units/{id}/compliance) for the root, level-1 and level-2 committees and
 * cells, and the root's and level-2 committees' 12-month trend, heat grid of children, worst cells,
 * split by sector and first drill-down page, against the API floor: the cheapest authenticated read,
 * one person by id (GET /api/v1/people/{id}). Same app, same run, interleaved in a shuffled order,
 * random units per level. Target: p95 of every read <= 3 x the floor's p95.
 */
import { startBenchApp, type BenchApp } from './lib/app.ts';
import { openBenchDatabase } from './lib/database.ts';
import { describeDataset, ensureDataset } from './lib/dataset.ts';
import { explainDashboard } from './lib/explain.ts';
import { printResult, printTable } from './lib/report.ts';
import { benchRepeat, peakRssMb, picker, round2, Samples } from './lib/stats.ts';
import type { BenchOptions } from './run.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
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
      (
        await bench.pool.query<{ id: number }>(`select id::int as id from units where ${where} order by md5(id::text) limit ${limit}`)
      ).rows.map((r) => r.id);
    const units = {
      root: await ids('depth = 0', 1),
      level1: await ids(`depth = 1 and kind = 'committee'`, 200),
      level2: await ids(`depth = 2 and kind = 'committee'`, 200),
      cell: await ids(`kind = 'cell'`, 500),
    };
    const people = (await bench.pool.query<{ id: number }>('select id::int as id from people order by md5(id::text) limit 500')).rows.map(
      (r) => r.id,
    );
    const unitUrl =
      (list: number[], path: string, query = '') =>
      (p: ReturnType<typeof picker>) =>
        `/api/v1/units/${p.pick(list)}/compliance${path}?period=${month}${query}`;
    const targets: Target[] = [
      { name: 'floor: GET /people/{id}', url: (p) => `/api/v1/people/${p.pick(people)}` },
      { name: 'figures: root', url: unitUrl(units.root, '') },
      { name: 'figures: level-1 committee', url: unitUrl(units.level1, '') },
      { name: 'figures: level-2 committee', url: unitUrl(units.level2, '') },
      { name: 'figures: cell', url: unitUrl(units.cell, '') },
    ];
    for (const [level, list] of [
      ['root', units.root],
      ['level-2 committee', units.level2],
    ] as const) {
      targets.push(
        { name: `12-month trend: ${level}`, url: unitUrl(list, '/trend', '&months=12') },
        { name: `heat grid of children: ${level}`, url: unitUrl(list, '/grid') },
        { name: `worst cells: ${level}`, url: unitUrl(list, '/worst', '&limit=10') },
        { name: `by sector: ${level}`, url: unitUrl(list, '/sectors') },
        { name: `drill-down, first page: ${level}`, url: unitUrl(list, '/cells', '&standard=general-meeting-monthly') },
      );
    }
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
      [
        { header: 'request', align: 'left' },
        { header: 'n' },
        { header: 'p50 ms' },
        { header: 'p95 ms' },
        { header: 'p95 / floor p95' },
        { header: 'target' },
      ],
      targets.map((t, i) => {
        const s = samples[i] as Samples;
        return [t.name, s.count, round2(s.p50), round2(s.p95), round2(s.p95 / floor.p95), i === 0 ? '' : `<= ${TARGET}`];
      }),
    );
    if (process.env.BENCH_EXPLAIN === '1') await explainDashboard(bench, units.level2[0] as number, `${month}-01`);
    const worst = Math.max(...samples.slice(1).map((s) => s.p95));
    const worstName = targets[samples.findIndex((s, i) => i > 0 && s.p95 === worst)]?.name;
    console.log(`the slowest read: ${worstName}`);
    printResult({
      bench: 'dashboard',
      scale,
      value: round2(worst),
      unit: 'ms p95',
      limit: round2(floor.p95),
      ratio: round2(worst / floor.p95),
    });
  } finally {
    await app?.close();
    await bench.close();
  }
}
