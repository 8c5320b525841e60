/**
 * A scale's organization with 12 months of activity, materialized, on a bench database: built with the
 * app's own generator (seedOrganization + seedActivity), or reused from a kept database (BENCH_KEEP=1)
 * when an earlier run finished building it. BENCH_MONTHS changes the months of history (default 12).
 */
import { seedActivity, seedOrganization, type SeedProgress } from '../../src/server/seed/index.ts';
import type { Scale } from '../run.ts';
import type { BenchDatabase } from './database.ts';
import { startBar } from './progress.ts';

export const SCALES: Record<Scale, { cells: number; members: number }> = {
  S: { cells: 400, members: 6_000 },
  M: { cells: 30_000, members: 650_000 },
  L: { cells: 300_000, members: 6_500_000 },
};

export type Dataset = {
  scale: Scale;
  months: number;
  today: string;
  counts: Record<string, number>;
  /** Build times in seconds (those of the run that built it, when reused). */
  build: { organization: number; activity: number; materialize: number };
  reused: boolean;
};

export const datasetMonths = () => Math.max(1, Math.floor(Number(process.env.BENCH_MONTHS ?? 12)) || 12);

export async function ensureDataset(bench: BenchDatabase, scale: Scale): Promise<Dataset> {
  const months = datasetMonths();
  await bench.pool.query(
    `create table if not exists bench_dataset (scale text primary key, info jsonb not null, built_at timestamptz not null default now())`,
  );
  const { rows } = await bench.pool.query<{ info: Dataset }>('select info from bench_dataset where scale = $1', [scale]);
  if (rows[0]) {
    if (rows[0].info.months !== months)
      throw new Error(`the kept database holds ${rows[0].info.months} months, BENCH_MONTHS asks for ${months}`);
    return { ...rows[0].info, reused: true };
  }
  const {
    rows: [units],
  } = await bench.pool.query<{ n: string }>('select count(*) as n from units');
  if (Number(units?.n) > 0) throw new Error(`the kept database has units but no finished dataset: delete it (${bench.server})`);

  const { cells, members } = SCALES[scale];
  const bar = startBar(`build ${scale}`, 1);
  const onProgress = (p: SeedProgress) => {
    bar.setTotal(Math.max(1, p.total));
    bar.update(p.done, p.phase);
  };
  try {
    const org = await seedOrganization(bench.pool, { cells, members, seed: 1, onProgress });
    const today = new Date().toISOString().slice(0, 10);
    const act = await seedActivity(bench.pool, { months, seed: 1, today, onProgress });
    const dataset: Dataset = {
      scale,
      months,
      today,
      reused: false,
      counts: {
        committees: org.committees,
        cells: org.cells,
        people: org.people,
        memberships: org.memberships,
        meetings: act.meetings,
        attendance: act.attendance,
        decisions: act.decisions,
        actions: act.actions,
        followUps: act.followUps,
      },
      build: { organization: org.ms / 1000, activity: act.ms / 1000, materialize: act.materializeMs / 1000 },
    };
    await bench.pool.query('insert into bench_dataset (scale, info) values ($1, $2)', [scale, dataset]);
    return dataset;
  } finally {
    bar.stop();
  }
}

export function describeDataset(d: Dataset): string {
  const c = (k: string) => (d.counts[k] ?? 0).toLocaleString('en-US');
  return (
    `data: ${c('cells')} cells, ${c('people')} people, ${d.months} months to ${d.today}: ${c('meetings')} meetings, ` +
    `${c('attendance')} attendance rows, ${c('decisions')} decisions, ${c('actions')} actions, ${c('followUps')} follow-ups\n` +
    `built${d.reused ? ' earlier (kept database)' : ''} in: organization ${d.build.organization.toFixed(1)} s, activity ${d.build.activity.toFixed(1)} s, ` +
    `materialize ${d.months} months ${d.build.materialize.toFixed(1)} s`
  );
}
