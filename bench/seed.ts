/**
 * seed: how fast the synthetic organization generator loads a tree, against the limit of loading the
 * very same rows with raw COPY from files (same server, same indexes and constraints, same run).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { seedOrganization, type SeedProgress, type SeedResult } from '../src/server/seed/index.ts';
import { openBenchDatabase } from './lib/database.ts';
import { startBar } from './lib/progress.ts';
import { printResult, printTable } from './lib/report.ts';
import type { BenchOptions, Scale } from './run.ts';

const SCALES: Record<Scale, { cells: number; members: number }> = {
  S: { cells: 400, members: 6_000 },
  M: { cells: 30_000, members: 650_000 },
  L: { cells: 300_000, members: 6_500_000 },
};

/** Loaded in this order because memberships reference units and people. */
const TABLES = ['units', 'people', 'memberships'] as const;

export async function run({ scale }: BenchOptions): Promise<void> {
  const { cells, members } = SCALES[scale];
  const bench = await openBenchDatabase();
  try {
    console.log(`seed bench, scale ${scale}: ${cells.toLocaleString('en-US')} cells, ${members.toLocaleString('en-US')} members`);
    console.log(`server: ${bench.server}`);
    // BENCH_REPEAT=n alternates app and raw n times and keeps the best of each: on a shared machine a
    // single run can be slowed by neighbours at any moment.
    const repeat = Math.max(1, Math.floor(Number(process.env.BENCH_REPEAT ?? 1)) || 1);
    let app: Awaited<ReturnType<typeof timeApp>> | undefined;
    let raw: Awaited<ReturnType<typeof timeRawCopy>> | undefined;
    let bytes = 0;
    for (let round = 0; round < repeat; round++) {
      if (round > 0) await bench.pool.query(`truncate ${TABLES.join(', ')} cascade`);
      const a = await timeApp(bench.pool, cells, members);
      if (round === 0) bytes = await dumpTables(bench.pool, bench.tmpDir);
      const r = await timeRawCopy(bench.pool, bench.tmpDir);
      if (!app || a.ms < app.ms) app = a;
      if (!raw || r.ms < raw.ms) raw = r;
    }
    if (!app || !raw) throw new Error('nothing measured');
    if (raw.rows !== app.rows) throw new Error(`raw COPY loaded ${raw.rows} rows, the seed wrote ${app.rows}`);
    const appRate = app.rows / (app.ms / 1000);
    const rawRate = raw.rows / (raw.ms / 1000);
    const ratio = appRate / rawRate;
    console.log(
      `tree: ${app.committees.toLocaleString('en-US')} committees, ${app.cells.toLocaleString('en-US')} cells, ` +
        `${app.people.toLocaleString('en-US')} people, ${app.memberships.toLocaleString('en-US')} memberships`,
    );
    console.log(`app phases: ${describePhases(app.phases)}`);
    console.log(`raw phases: ${describePhases(raw.phases)}`);
    if (repeat > 1) console.log(`best of ${repeat} rounds`);
    console.log(`raw files: ${(bytes / 1e6).toFixed(1)} MB (binary COPY); peak RSS of this process: ${peakRssMb()} MB`);
    console.log('');
    printTable(
      [
        { header: 'scale', align: 'left' },
        { header: 'rows' },
        { header: 'app s' },
        { header: 'app rows/s' },
        { header: 'raw COPY s' },
        { header: 'raw rows/s' },
        { header: 'ratio' },
      ],
      [[scale, app.rows, app.ms / 1000, Math.round(appRate), raw.ms / 1000, Math.round(rawRate), Number(ratio.toFixed(3))]],
    );
    printResult({
      bench: 'seed',
      scale,
      value: Math.round(appRate),
      unit: 'rows/s',
      limit: Math.round(rawRate),
      ratio: Number(ratio.toFixed(3)),
    });
  } finally {
    await bench.close();
  }
}

/** Phase A: the generator, end to end (planning, three COPY streams, setval, commit, ANALYZE). */
async function timeApp(pool: pg.Pool, cells: number, members: number): Promise<SeedResult & { phases: PhaseTimes }> {
  const estimate = (p: { units: number; people: number; memberships: number }) => p.units + p.people + p.memberships;
  const totals = { units: cells * 1.07, people: members, memberships: members * 1.1 };
  const bar = startBar('seed', Math.round(estimate(totals)));
  const loaded = ['units', 'people', 'memberships'] as const;
  const done = { units: 0, people: 0, memberships: 0 };
  const phases: PhaseTimes = [];
  const onProgress = (p: SeedProgress) => {
    markPhase(phases, p.phase);
    const at = loaded.indexOf(p.phase as (typeof loaded)[number]);
    // Reports are throttled, so a phase's last one may be skipped: a later phase means earlier ones finished.
    loaded.forEach((phase, i) => {
      if (i < at || at < 0) done[phase] = totals[phase];
    });
    if (at >= 0) {
      const phase = loaded[at] as (typeof loaded)[number];
      if (p.total > 0) totals[phase] = p.total;
      done[phase] = p.done;
    }
    if (p.phase === 'done') bar.setTotal(p.total);
    else bar.setTotal(Math.round(estimate(totals)));
    bar.update(p.phase === 'done' ? p.done : estimate(done), p.phase);
  };
  try {
    await pool.query('checkpoint'); // the raw phase starts from a checkpoint too
    markPhase(phases, 'plan');
    const result = await seedOrganization(pool, { cells, members, seed: 1, onProgress });
    return { ...result, phases };
  } finally {
    bar.stop();
  }
}

/** Phase B, untimed: the rows the app wrote, dumped to files. Returns their size in bytes. */
async function dumpTables(pool: pg.Pool, dir: string): Promise<number> {
  const client = await pool.connect();
  try {
    let bytes = 0;
    for (const table of TABLES) {
      const file = path.join(dir, `${table}.copy`);
      await pipeline(client.query(copyTo(`copy ${table} to stdout (format binary)`)), fs.createWriteStream(file));
      bytes += fs.statSync(file).size;
    }
    return bytes;
  } finally {
    client.release();
  }
}

/** Phase B, the limit: empty the tables, then time COPY FROM the dumped files. */
async function timeRawCopy(pool: pg.Pool, dir: string): Promise<{ rows: number; ms: number; phases: PhaseTimes }> {
  const client = await pool.connect();
  try {
    await client.query(`truncate ${TABLES.join(', ')} cascade`);
    await client.query('checkpoint'); // start from the same clean state the app had
    process.stderr.write('raw COPY ...\n');
    const started = performance.now();
    const phases: PhaseTimes = [];
    let rows = 0;
    await client.query('begin');
    for (const table of TABLES) {
      markPhase(phases, table);
      const stream = client.query(copyFrom(`copy ${table} from stdin (format binary)`));
      await pipeline(fs.createReadStream(path.join(dir, `${table}.copy`), { highWaterMark: 1 << 16 }), stream);
      rows += stream.rowCount;
    }
    markPhase(phases, 'commit');
    await client.query('commit');
    markPhase(phases, 'end');
    const ms = performance.now() - started;
    return { rows, ms, phases };
  } finally {
    client.release();
  }
}

/** Start times of phases, for the per-phase breakdown (progress reports are throttled: +-0.1 s). */
type PhaseTimes = Array<{ phase: string; at: number }>;

function markPhase(phases: PhaseTimes, phase: string): void {
  if (phases[phases.length - 1]?.phase !== phase) phases.push({ phase, at: performance.now() });
}

function describePhases(phases: PhaseTimes): string {
  return phases
    .slice(0, -1)
    .map((p, i) => `${p.phase} ${(((phases[i + 1]?.at ?? p.at) - p.at) / 1000).toFixed(1)}s`)
    .join(', ');
}

function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
