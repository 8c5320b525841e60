/**
 * attendance: a secretary records a ~40-member meeting that has just taken place, the whole roll in one
 * request (PUT /api/v1/meetings/{id}/attendance: roll check, audit, follow-ups, the cell's metrics and
 * verdicts in the same transaction, its committees' differences queued for the roll-up folder, which
 * runs in the process as in production), against the API floor (GET /api/v1/people/{id}),
 * interleaved in the same run. Each sample is a fresh meeting of a random ~40-member cell, created
 * (untimed) earlier this month. Target: p95 <= 3 x the floor's p95.
 *
 * The physical limit, in the same run: one bare transaction on a pg connection that writes the same
 * roll (the same statuses and reasons) into a second fresh meeting of the same cell and upserts one of
 * the cell's metrics rows, then commits; removed again untimed. Target: the save's p95 <= 3 x that, and
 * <= 2 x the floor's p95.
 */
import type pg from 'pg';
import { createDatabase } from '../src/server/db/database.ts';
import { materializePeriod } from '../src/server/modules/compliance/engine.ts';
import { nextPeriod, periodOf, todayIso } from '../src/server/modules/compliance/periods.ts';
import { startBenchApp, type BenchApp } from './lib/app.ts';
import { openBenchDatabase, type BenchDatabase } from './lib/database.ts';
import { describeDataset, ensureDataset } from './lib/dataset.ts';
import { printResult, printTable } from './lib/report.ts';
import { statementTimes } from './lib/statement-times.ts';
import { benchRepeat, peakRssMb, picker, round2, Samples } from './lib/stats.ts';
import type { BenchOptions } from './run.ts';

const SAMPLES = 150;
const WARMUP = 15;
const TARGET = 3;
const TARGET_FLOOR = 2;
const CELLS = 400;

/**
 * A kept dataset is measured as built: the meetings earlier runs saved (made by their signed-in bench
 * administrators) are deleted and their month rebuilt, so runs on different days compare.
 */
async function undoEarlierRuns(bench: BenchDatabase): Promise<string | undefined> {
  const { rows } = await bench.pool.query<{ meetings: number; period: string }>(`
    with gone as (
      delete from meetings m using accounts a
      where a.id = m.created_by and a.login like 'bench-%@bench' returning m.meets_on) -- attendance goes with them (cascade)
    select count(*)::int as meetings, to_char(min(date_trunc('month', meets_on)), 'YYYY-MM-DD') as period from gone`);
  const { meetings, period } = rows[0]!;
  if (meetings === 0) return undefined;
  const started = performance.now();
  const db = createDatabase(bench.pool);
  for (let p = period; p <= periodOf(todayIso()); p = nextPeriod(p)) await materializePeriod(db, p);
  return `${meetings} meetings saved by earlier runs deleted, their months rebuilt in ${Math.round(performance.now() - started)} ms`;
}

type Meeting = { id: number; cellId: number; version: number; roll: Array<{ personId: number }> };
type Record = { personId: number; status: string; reason?: string };

/** The limit: the roll's rows and one metrics upsert in one bare transaction; undone untimed afterwards. */
async function bareRollWrite(pool: pg.Pool, m: Meeting, records: Record[]): Promise<number> {
  const client = await pool.connect();
  try {
    const {
      rows: [meeting],
    } = await client.query<{ meets_on: string }>('select meets_on::text from meetings where cell_id = $1 and id = $2', [m.cellId, m.id]);
    const started = performance.now();
    await client.query('begin');
    await client.query(
      `insert into attendance (cell_id, meeting_id, meets_on, person_id, status, reason)
      select $1, $2, $3::date, r.person_id, r.status, r.reason from unnest($4::bigint[], $5::text[], $6::text[]) as r(person_id, status, reason)`,
      [
        m.cellId,
        m.id,
        meeting!.meets_on,
        records.map((r) => r.personId),
        records.map((r) => r.status),
        records.map((r) => r.reason ?? null),
      ],
    );
    await client.query(
      `insert into cell_metrics (cell_id, period, key, value)
      select cell_id, period, key, value from cell_metrics where cell_id = $1 and period = date_trunc('month', $2::date)::date order by key limit 1
      on conflict (cell_id, period, key) do update set value = excluded.value`,
      [m.cellId, meeting!.meets_on],
    );
    await client.query('commit');
    const ms = performance.now() - started;
    await client.query('delete from attendance where cell_id = $1 and meeting_id = $2', [m.cellId, m.id]);
    await client.query('delete from meetings where cell_id = $1 and id = $2', [m.cellId, m.id]);
    return ms;
  } finally {
    client.release();
  }
}

/** How long after `since` the roll-up queue was empty (the folder runs every 250 ms by default). */
async function queueEmptied(pool: pg.Pool, since: number): Promise<number> {
  for (;;) {
    const { rows } = await pool.query<{ n: number }>(
      'select ((select count(*) from rollup_deltas) + (select count(*) from rollup_sum_deltas))::int as n',
    );
    if (rows[0]!.n === 0) return Math.round(performance.now() - since);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function run({ scale }: BenchOptions): Promise<void> {
  const bench = await openBenchDatabase({ keep: `dataset-${scale}` });
  let app: BenchApp | undefined;
  try {
    console.log(`attendance bench, scale ${scale}`);
    console.log(`server: ${bench.server}`);
    const dataset = await ensureDataset(bench, scale);
    console.log(describeDataset(dataset));
    const undone = await undoEarlierRuns(bench);
    if (undone) console.log(`undone first (untimed): ${undone}`);
    // The cells whose roll today is closest to 40 members, many of them, so that a run adds about one
    // meeting to each (a cell holds one or two a month; piling a run's saves on a few cells made
    // every later save read dozens of this month's meetings).
    const cells = (
      await bench.pool.query<{ id: number }>(`
      select u.id::int as id from units u
      where u.kind = 'cell' and u.closed_on is null
      order by abs(u.member_count - 40), md5(u.id::text) limit ${CELLS}`)
    ).rows.map((r) => r.id);
    const people = (await bench.pool.query<{ id: number }>('select id::int as id from people order by md5(id::text) limit 500')).rows.map(
      (r) => r.id,
    );
    // The roll-up folder runs beside the saves, as in production (decision 0022).
    app = await startBenchApp(bench, { rollupFolder: true });
    const statements = process.env.BENCH_STATEMENTS === '1' ? statementTimes(app.ctx.pool) : undefined;
    const p = picker(7);
    const save = new Samples();
    const floor = new Samples();
    const bare = new Samples();
    const rollSizes: number[] = [];
    const monthStart = Date.parse(`${new Date().toISOString().slice(0, 7)}-01T00:00:00Z`);
    const samples = SAMPLES * benchRepeat();
    for (let i = -WARMUP; i < samples; i++) {
      // A meeting that began in the last three days (but this month), so only the current month is refreshed.
      const startsAt = new Date(Math.max(monthStart, Date.now() - 60_000 - p.int(3 * 86_400_000))).toISOString();
      const created = await app.request('POST', `/api/v1/cells/${p.pick(cells)}/meetings`, { kind: 'general', startsAt }, 201);
      const meeting = created.body as Meeting;
      const records = meeting.roll.map((r) => {
        const x = p.int(100);
        return x < 85
          ? { personId: r.personId, status: 'present' }
          : x < 93
            ? { personId: r.personId, status: 'excused', reason: 'On the night shift' }
            : { personId: r.personId, status: 'absent' };
      });
      const order = p.chance(0.5);
      const floorRequest = () => app!.request('GET', `/api/v1/people/${p.pick(people)}`);
      const f1 = order ? await floorRequest() : undefined;
      const put = () => app!.request('PUT', `/api/v1/meetings/${meeting.id}/attendance`, { records, version: meeting.version });
      const saved = statements && i >= 0 ? await statements.during(put) : await put();
      const f2 = order ? undefined : await floorRequest();
      const twin = (await app.request('POST', `/api/v1/cells/${meeting.cellId}/meetings`, { kind: 'general', startsAt }, 201))
        .body as Meeting;
      const bareMs = await bareRollWrite(bench.pool, twin, records);
      if (i < 0) continue;
      bare.add(bareMs);
      save.add(saved.ms);
      floor.add((f1 ?? f2)!.ms);
      rollSizes.push(records.length);
    }
    const lastSaved = performance.now();
    const lag = await queueEmptied(bench.pool, lastSaved);
    rollSizes.sort((a, b) => a - b);
    console.log(
      `${samples} saves (+${WARMUP} warm-up), each next to one floor read in random order; fastify inject; ` +
        `roll sizes ${rollSizes[0]}-${rollSizes[rollSizes.length - 1]} (median ${rollSizes[rollSizes.length >> 1]})`,
    );
    console.log(`peak RSS of this process: ${peakRssMb()} MB`);
    console.log(`committees' roll-ups: the folder had added every queued difference ${lag} ms after the last save`);
    console.log('');
    printTable(
      [
        { header: 'request', align: 'left' },
        { header: 'n' },
        { header: 'p50 ms' },
        { header: 'p95 ms' },
        { header: 'p95 / bare p95' },
        { header: 'target' },
        { header: 'p95 / floor p95' },
        { header: 'target' },
      ],
      [
        ['limit: bare transaction, same rows + 1 metrics upsert', bare.count, round2(bare.p50), round2(bare.p95), '', ''],
        ['floor: GET /people/{id}', floor.count, round2(floor.p50), round2(floor.p95), '', ''],
        [
          'PUT /meetings/{id}/attendance',
          save.count,
          round2(save.p50),
          round2(save.p95),
          round2(save.p95 / bare.p95),
          `<= ${TARGET}`,
          round2(save.p95 / floor.p95),
          `<= ${TARGET_FLOOR}`,
        ],
      ],
    );
    if (statements) {
      statements.print('PUT /meetings/{id}/attendance');
      console.log(`the save itself: ${round2(save.values.reduce((a, b) => a + b, 0) / save.count)} ms per request (mean)`);
    }
    printResult({
      bench: 'attendance',
      scale,
      value: round2(save.p95),
      unit: 'ms p95',
      limit: round2(bare.p95),
      ratio: round2(save.p95 / bare.p95),
    });
  } finally {
    await app?.close();
    await bench.close();
  }
}
