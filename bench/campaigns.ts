/**
 * campaigns: issue 15's emulation figures, as the administrator through fastify's inject.
 * - A campaign over up to 1,000 cells (every cell at scale S) on three standards and the overall
 *   verdict, over the dataset's 12 months: GET /api/v1/campaigns/{id}/standings, interleaved with the
 *   API floor (GET /api/v1/people/{id}); target p95 <= 3 x the floor's p95. A second campaign over the
 *   committees of the depth with the most units (up to 1,000) reads the roll-ups instead.
 * - Recomputing a year's model-cell distinctions for the whole tree (recomputeDistinctions: one
 *   delete and one insert of a grouped select) against one hand-written aggregate over the same verdict
 *   rows; the median of 5 runs of each, and their ratio.
 */
import { sql } from 'kysely';
import { recomputeDistinctions } from '../src/server/modules/emulation/distinctions.ts';
import { startBenchApp, type BenchApp } from './lib/app.ts';
import { createBenchCampaigns } from './lib/campaigns.ts';
import { openBenchDatabase } from './lib/database.ts';
import { describeDataset, ensureDataset } from './lib/dataset.ts';
import { printResult, printTable } from './lib/report.ts';
import { benchRepeat, peakRssMb, picker, round2, Samples } from './lib/stats.ts';
import type { BenchOptions } from './run.ts';

const ROUNDS = 300;
const WARMUP = 30;
const TARGET = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run({ scale }: BenchOptions): Promise<void> {
  const bench = await openBenchDatabase({ keep: `dataset-${scale}` });
  let app: BenchApp | undefined;
  try {
    console.log(`campaigns bench, scale ${scale}`);
    console.log(`server: ${bench.server}`);
    console.log(describeDataset(await ensureDataset(bench, scale)));
    app = await startBenchApp(bench);
    const db = app.ctx.db;
    const { span, cells, committees, depth, cellCampaign, committeeCampaign } = await createBenchCampaigns(db);
    const people = (await sql<{ id: number }>`select id from people order by id limit 2000`.execute(db)).rows.map((r) => Number(r.id));
    const reads: Record<string, string> = {
      [`standings of ${cells.length} cells`]: `/api/v1/campaigns/${cellCampaign}/standings`,
      ...(committeeCampaign
        ? { [`standings of ${committees.length} committees (depth ${depth})`]: `/api/v1/campaigns/${committeeCampaign}/standings` }
        : {}),
    };
    const kinds = [...Object.keys(reads), 'floor'];
    const samples = Object.fromEntries(kinds.map((k) => [k, new Samples()]));
    const seen: Record<string, string> = {};
    const p = picker(33);
    for (let i = -WARMUP; i < ROUNDS * benchRepeat(); i++) {
      for (const kind of p.shuffle([...kinds])) {
        const url = reads[kind] ?? `/api/v1/people/${p.pick(people)}`;
        const { ms, body } = await app.request('GET', url);
        if (i < 0) continue;
        samples[kind]!.add(ms);
        if (reads[kind]) seen[kind] = `${body.items.length} units, top score ${body.items[0]?.score}, bottom ${body.items.at(-1)?.score}`;
      }
    }
    for (const [k, v] of Object.entries(seen)) console.log(`${k}: ${v}`);
    // Distinctions: the whole tree's recompute against the bare aggregate over the same rows.
    const year = span.year;
    const bare = sql`select cell_id from cell_compliance where standard_code = '*' and period >= ${`${year}-01-01`}::date
      and period < ${`${year + 1}-01-01`}::date group by cell_id having count(*) filter (where failing = 0) >= 11`;
    const recompute: number[] = [];
    const aggregate: number[] = [];
    let eligible = 0;
    let bareCount = 0;
    for (let i = 0; i < 5; i++) {
      let t0 = performance.now();
      eligible = await recomputeDistinctions(db, year);
      recompute.push(performance.now() - t0);
      t0 = performance.now();
      bareCount = (await bare.execute(db)).rows.length;
      aggregate.push(performance.now() - t0);
    }
    const cellCount = Number((await sql<{ n: number }>`select count(*)::int as n from units where kind = 'cell'`.execute(db)).rows[0]!.n);
    console.log(`distinctions ${year}: ${eligible} model cells of ${cellCount} (the bare aggregate finds ${bareCount})`);
    console.log(`peak RSS ${peakRssMb()} MB`);
    const floor = samples.floor!.p95;
    const measured = kinds.filter((k) => k !== 'floor');
    printTable(
      [{ header: 'request', align: 'left' }, { header: 'p50 ms' }, { header: 'p95 ms' }, { header: 'p95 / floor p95' }],
      [
        ...measured.map((k) => [k, round2(samples[k]!.p50), round2(samples[k]!.p95), round2(samples[k]!.p95 / floor)]),
        ['floor: GET /api/v1/people/{id}', round2(samples.floor!.p50), round2(floor), 1],
      ],
    );
    printTable(
      [{ header: 'distinctions, whole tree', align: 'left' }, { header: 'median ms' }, { header: 'ratio' }],
      [
        ['recompute (delete + insert from the rule)', round2(median(recompute)), round2(median(recompute) / median(aggregate))],
        ['bare aggregate over the same rows', round2(median(aggregate)), 1],
      ],
    );
    const worst = Math.max(...measured.map((k) => samples[k]!.p95));
    printResult({
      bench: 'campaigns',
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
