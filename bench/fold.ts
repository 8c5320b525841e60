/**
 * fold: what running campaigns add to every batch of the roll-up folder (decision 0033 as amended: the
 * folder adds each verdict difference to the campaign counts of the cell and of any participant
 * committee above it, in the same statement as the committees' roll-ups). A batch of 20,000 queued
 * differences (zero-sum: dt = dm = 0, so no figure moves, but every join and upsert runs) over cells
 * under the campaigns' participants and others, in one of the campaigns' months, folded with the
 * bench's two campaigns running (1,000 cells, 1,000 committees) and again with them set aside
 * (cancelled for the run, restored after), alternately, 5 times each. The limit is the fold without
 * campaigns, from the same run; no issue sets a target (printed: the ratio).
 */
import { sql } from 'kysely';
import type { Db } from '../src/server/db/database.ts';
import { foldAllRollups, foldRollups } from '../src/server/modules/compliance/fold.ts';
import { startBenchApp, type BenchApp } from './lib/app.ts';
import { CAMPAIGN_CODES, createBenchCampaigns } from './lib/campaigns.ts';
import { openBenchDatabase } from './lib/database.ts';
import { describeDataset, ensureDataset } from './lib/dataset.ts';
import { printResult, printTable } from './lib/report.ts';
import { round2 } from './lib/stats.ts';
import type { BenchOptions } from './run.ts';

const BATCH = 20_000;
const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Queues `BATCH` zero-sum differences: the campaign cells and the cells under the campaign committees
 * first, then any; a small tree's cells come round again.
 */
async function queueDifferences(db: Db, period: string, cells: number[], committees: number[]): Promise<void> {
  await sql`
    with picked as (
      select u.id, u.path, u.sector, case when u.id = any(${cells}::bigint[]) or exists (
          select 1 from units c where c.id = any(${committees}::bigint[]) and u.path <@ c.path) then 0 else 1 end as later
      from units u where u.kind = 'cell'
      order by 4, u.id limit ${BATCH / CAMPAIGN_CODES.length})
    insert into rollup_deltas (cell_id, period, parent_path, sector, standard_code, dt, dm)
    select p.id, ${period}::date, subpath(p.path, 0, nlevel(p.path) - 1)::text, coalesce(p.sector, ''), code, 0, 0
    from picked p cross join generate_series(1, 50) g cross join unnest(${CAMPAIGN_CODES}::text[]) as code
    order by g, p.later, p.id limit ${BATCH}`.execute(db);
}

async function setAside(db: Db, ids: number[], aside: boolean): Promise<void> {
  await sql`update campaigns set cancelled_at = ${aside ? sql`now()` : sql`null`} where id = any(${ids}::bigint[])`.execute(db);
}

export async function run({ scale }: BenchOptions): Promise<void> {
  const bench = await openBenchDatabase({ keep: `dataset-${scale}` });
  let app: BenchApp | undefined;
  try {
    console.log(`fold bench, scale ${scale}`);
    console.log(`server: ${bench.server}`);
    console.log(describeDataset(await ensureDataset(bench, scale)));
    app = await startBenchApp(bench);
    const db = app.ctx.db;
    const c = await createBenchCampaigns(db);
    const running = Number(
      (await sql<{ n: number }>`select count(*)::int as n from campaigns where cancelled_at is null`.execute(db)).rows[0]!.n,
    );
    const others = (await sql<{ id: number }>`select id from campaigns where cancelled_at is null`.execute(db)).rows.map((r) =>
      Number(r.id),
    );
    await foldAllRollups(db); // whatever earlier runs left queued, untimed
    const times: Record<'with' | 'without', number[]> = { with: [], without: [] };
    try {
      for (let i = 0; i < RUNS * 2; i++) {
        const mode = i % 2 === 0 ? 'with' : 'without';
        await setAside(db, others, mode === 'without');
        await queueDifferences(db, c.span.to, c.cells, c.committees);
        const t0 = performance.now();
        const folded = await foldRollups(db, BATCH, true);
        times[mode].push(performance.now() - t0);
        if (folded !== BATCH) throw new Error(`folded ${folded} rows, not ${BATCH}`);
      }
    } finally {
      await setAside(db, others, false);
    }
    console.log(
      `campaigns running: ${running} (this run's two over ${c.cells.length} cells and ${c.committees.length} committees at depth ${c.depth})`,
    );
    const [withC, without] = [median(times.with), median(times.without)];
    printTable(
      [{ header: `fold of ${BATCH.toLocaleString('en')} differences`, align: 'left' }, { header: 'median ms' }, { header: 'ratio' }],
      [
        ['with the campaigns running', round2(withC), round2(withC / without)],
        ['without campaigns (the limit)', round2(without), 1],
      ],
    );
    printResult({ bench: 'fold', scale, value: round2(withC), unit: 'ms median', limit: round2(without), ratio: round2(withC / without) });
  } finally {
    await app?.close();
    await bench.close();
  }
}
