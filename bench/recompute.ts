/**
 * recompute: rebuilding one month's metrics, compliance and every roll-up from the raw rows with the
 * app's materializePeriod, against single hand-written aggregate queries over the same rows (same run,
 * same server, warm caches for both). Target: under 60 s at scale L.
 *
 * The month is the last complete one. BENCH_RECOMPUTE_TIMEOUT_S (default 120) caps the app's run: a
 * plan that would take hours is reported as "over the cap" rather than waited for.
 */
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { DB } from '../src/server/db/types.ts';
import { materializePeriod } from '../src/server/modules/compliance/engine.ts';
import { periodOf, previousPeriod, nextPeriod } from '../src/server/modules/compliance/periods.ts';
import { openBenchDatabase, type BenchDatabase } from './lib/database.ts';
import { describeDataset, ensureDataset } from './lib/dataset.ts';
import { explainRecompute } from './lib/explain.ts';
import { printResult, printTable } from './lib/report.ts';
import { benchRepeat, peakRssMb, round2 } from './lib/stats.ts';
import type { BenchOptions } from './run.ts';

const CAP_S = Number(process.env.BENCH_RECOMPUTE_TIMEOUT_S ?? 120);

/** The example: cells with a held general meeting this month, per level-2 committee, straight from meetings through the ltree path. */
const cellsMeetingPerCommittee = (period: string) => sql`
  select c.id, count(distinct m.cell_id) as cells_meeting
  from units c
  join units cell on cell.kind = 'cell' and cell.path <@ c.path
  join meetings m on m.cell_id = cell.id and m.kind = 'general' and m.status = 'held'
    and m.meets_on >= ${period}::date and m.meets_on < ${nextPeriod(period)}::date
  where c.depth = 2 and c.kind = 'committee'
  group by c.id`;

/** The same, with the month's attendance too (present / expected at general meetings), so it reads the rows the recompute reads. */
const attendancePerCommittee = (period: string) => sql`
  select c.id, count(distinct m.cell_id) as cells_meeting, count(*) filter (where a.status = 'present') as present, count(*) as expected
  from units c
  join units cell on cell.kind = 'cell' and cell.path <@ c.path
  join meetings m on m.cell_id = cell.id and m.kind = 'general' and m.status = 'held'
    and m.meets_on >= ${period}::date and m.meets_on < ${nextPeriod(period)}::date
  join attendance a on a.cell_id = m.cell_id and a.meeting_id = m.id
  where c.depth = 2 and c.kind = 'committee'
  group by c.id`;

async function timeQuery(bench: BenchDatabase, q: ReturnType<typeof sql>): Promise<{ ms: number; rows: number }> {
  const started = performance.now();
  const { rows } = await q.execute(bench.db);
  return { ms: performance.now() - started, rows: rows.length };
}

/** Where the app's last timed run spent its time: each statement it sent, slowest first. */
let statements: Array<{ sql: string; ms: number }> = [];

/**
 * The app's materializePeriod on a connection with a statement timeout (the only setting changed),
 * through a Kysely instance on the same pool that records each statement's time.
 */
async function timeMaterialize(bench: BenchDatabase, period: string, today: string, settings: string[] = []): Promise<number | null> {
  const seen: typeof statements = [];
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool: bench.pool }),
    log: (e) => {
      seen.push({ sql: e.query.sql.replace(/\s+/g, ' ').slice(0, 90), ms: e.queryDurationMillis });
    },
  });
  return db.connection().execute(async (conn) => {
    await sql.raw(`set statement_timeout = ${CAP_S * 1000}`).execute(conn);
    for (const s of settings) await sql.raw(`set ${s}`).execute(conn);
    try {
      seen.length = 0;
      const started = performance.now();
      await materializePeriod(conn, period, today);
      const ms = performance.now() - started;
      statements = [...seen];
      return ms;
    } catch (err) {
      if (String(err).includes('statement timeout')) return null;
      throw err;
    } finally {
      await sql.raw('reset all').execute(conn);
    }
  });
}

export async function run({ scale }: BenchOptions): Promise<void> {
  const bench = await openBenchDatabase({ keep: `dataset-${scale}` });
  try {
    console.log(`recompute bench, scale ${scale}`);
    console.log(`server: ${bench.server}`);
    const dataset = await ensureDataset(bench, scale);
    console.log(describeDataset(dataset));
    const period = previousPeriod(periodOf(dataset.today));
    const {
      rows: [facts],
    } = await sql<{ meetings: number; attendance: number }>`
      select count(*)::int as meetings, (select count(*)::int from attendance a join meetings m on m.cell_id = a.cell_id and m.id = a.meeting_id
        where m.meets_on >= ${period}::date and m.meets_on < ${nextPeriod(period)}::date) as attendance
      from meetings where meets_on >= ${period}::date and meets_on < ${nextPeriod(period)}::date`.execute(bench.db);
    console.log(
      `month ${period.slice(0, 7)}: ${facts?.meetings.toLocaleString('en-US')} meetings, ${facts?.attendance.toLocaleString('en-US')} attendance rows`,
    );

    let app: number | null | undefined;
    let simple = Infinity;
    let withAttendance = Infinity;
    await timeQuery(bench, attendancePerCommittee(period)); // warm the caches for every contender
    for (let round = 0; round < benchRepeat(); round++) {
      const a = await timeMaterialize(bench, period, dataset.today);
      app = app === undefined || (a !== null && (app === null || a < app)) ? a : app;
      simple = Math.min(simple, (await timeQuery(bench, cellsMeetingPerCommittee(period))).ms);
      withAttendance = Math.min(withAttendance, (await timeQuery(bench, attendancePerCommittee(period))).ms);
    }
    const s = (ms: number | null | undefined) => (ms === null || ms === undefined ? `> ${CAP_S * 1000} (cap)` : round2(ms));
    const ratio = (ms: number | null | undefined) =>
      ms === null || ms === undefined ? `> ${round2((CAP_S * 1000) / simple)}` : round2(ms / simple);
    console.log(`best of ${benchRepeat()}; peak RSS of this process: ${peakRssMb()} MB`);
    console.log('');
    printTable(
      [{ header: 'what', align: 'left' }, { header: 'ms' }, { header: 'x the hand-written query' }],
      [
        ['materializePeriod (the app, one month)', s(app), ratio(app)],
        ['hand-written: cells with a held general meeting per level-2 committee', round2(simple), 1],
        ['hand-written: the same plus attendance present/expected', round2(withAttendance), round2(withAttendance / simple)],
      ],
    );
    console.log('target: materializePeriod under 60 s at scale L');
    console.log("\nthe app's slowest statements (last run):");
    for (const st of [...statements].sort((x, y) => y.ms - x.ms).slice(0, 8))
      console.log(`${round2(st.ms).toLocaleString('en-US').padStart(10)} ms  ${st.sql}`);
    if (process.env.BENCH_EXPLAIN === '1') await explainRecompute(bench, period, dataset.today);
    const value = app ?? CAP_S * 1000;
    printResult({ bench: 'recompute', scale, value: round2(value), unit: 'ms', limit: round2(simple), ratio: round2(value / simple) });
  } finally {
    await bench.close();
  }
}
