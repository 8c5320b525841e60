/**
 * sync: N secretaries come back into signal at once, each syncing the ~40-member meeting their cell held
 * offline (POST /api/v1/sync with one meeting.record: the meeting created, its whole roll saved, the
 * cell's figures refreshed, the operation recorded), all N requests in flight together (fastify inject,
 * the app's pool as in production); one in ten sends its batch twice at once (a retry while the first
 * is still on its way), and then every batch is sent again (the device lost the answers). The recount
 * checks that every operation was applied exactly once.
 *
 * Compared with, in the same run: the same burst of N online saves (PUT /api/v1/meetings/{id}/attendance
 * of meetings created untimed beforehand). Target: sync p95 per operation <= 3 x the online save's p95.
 * Every secretary is the bench's signed-in administrator: sessions do not change what a save costs.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { createDatabase } from '../src/server/db/database.ts';
import { materializePeriod } from '../src/server/modules/compliance/engine.ts';
import { nextPeriod, periodOf, todayIso } from '../src/server/modules/compliance/periods.ts';
import { startBenchApp, type BenchApp } from './lib/app.ts';
import { openBenchDatabase, type BenchDatabase } from './lib/database.ts';
import { describeDataset, ensureDataset } from './lib/dataset.ts';
import { printResult, printTable } from './lib/report.ts';
import { peakRssMb, picker, round2, Samples } from './lib/stats.ts';
import type { BenchOptions, Scale } from './run.ts';

const SECRETARIES: Record<Scale, number> = { S: 60, M: 300, L: 1000 };
const TARGET = 3;
/** Requests of each kind sent one at a time after the bursts: a request's own cost, without the queue. */
const SERIAL = 50;

type Roll = { cellId: number; people: number[] };
type Op = { opId: string; type: 'meeting.record'; payload: unknown };

/** The meetings (and their operations) earlier runs made as the bench's administrators are deleted and their months rebuilt. */
async function undoEarlierRuns(bench: BenchDatabase): Promise<string | undefined> {
  await bench.pool.query(`delete from sync_operations s using accounts a where a.id = s.account_id and a.login like 'bench-%@bench'`);
  const { rows } = await bench.pool.query<{ meetings: number; period: string }>(`
    with gone as (
      delete from meetings m using accounts a
      where a.id = m.created_by and a.login like 'bench-%@bench' returning m.meets_on)
    select count(*)::int as meetings, to_char(min(date_trunc('month', meets_on)), 'YYYY-MM-DD') as period from gone`);
  const { meetings, period } = rows[0]!;
  if (meetings === 0) return undefined;
  const db = createDatabase(bench.pool);
  for (let p = period; p <= periodOf(todayIso()); p = nextPeriod(p)) await materializePeriod(db, p);
  return `${meetings} meetings saved by earlier runs deleted, their months rebuilt`;
}

/** The open cells whose roll today is closest to 40 members, with that roll. */
async function rolls(pool: pg.Pool, n: number): Promise<Roll[]> {
  const { rows } = await pool.query<{ cell_id: number; people: number[] }>(
    `with cells as (select u.id from units u where u.kind = 'cell' and u.closed_on is null
       order by abs(u.member_count - 40), md5(u.id::text) limit $1)
     select c.id::int as cell_id, array_agg(ms.person_id::int order by ms.person_id) as people
     from cells c join memberships ms on ms.cell_id = c.id and ms.from_date <= current_date and (ms.to_date is null or ms.to_date > current_date)
     group by c.id`,
    [2 * n],
  );
  return rows.map((r) => ({ cellId: r.cell_id, people: r.people }));
}

function records(p: ReturnType<typeof picker>, people: number[]) {
  return people.map((personId) => {
    const x = p.int(100);
    return x < 85
      ? { personId, status: 'present' }
      : x < 93
        ? { personId, status: 'excused', reason: 'On the night shift' }
        : { personId, status: 'absent' };
  });
}

async function recount(pool: pg.Pool, ops: Op[], rollSize: number) {
  const ids = ops.map((o) => o.opId);
  const { rows } = await pool.query<{ stored: number; meetings: number; attendance: number }>(
    `with s as (select (result->>'meetingId')::bigint as meeting_id from sync_operations where op_id = any($1::uuid[]))
     select (select count(*) from s)::int as stored,
       (select count(distinct m.id) from meetings m join s on s.meeting_id = m.id)::int as meetings,
       (select count(*) from attendance a join s on s.meeting_id = a.meeting_id)::int as attendance`,
    [ids],
  );
  const r = rows[0]!;
  const ok = r.stored === ops.length && r.meetings === ops.length && r.attendance === rollSize;
  return { ...r, ok };
}

export async function run({ scale }: BenchOptions): Promise<void> {
  const bench = await openBenchDatabase({ keep: `dataset-${scale}` });
  let app: BenchApp | undefined;
  try {
    console.log(`sync bench, scale ${scale}`);
    console.log(`server: ${bench.server}`);
    console.log(describeDataset(await ensureDataset(bench, scale)));
    const undone = await undoEarlierRuns(bench);
    if (undone) console.log(`undone first (untimed): ${undone}`);
    const n = SECRETARIES[scale];
    const all = await rolls(bench.pool, n + SERIAL);
    const [offline, online] = [all.slice(0, n), all.slice(n, 2 * n)];
    const [serialOffline, serialOnline] = [all.slice(2 * n, 2 * n + SERIAL), all.slice(2 * n + SERIAL)];
    app = await startBenchApp(bench, { rollupFolder: true });
    const p = picker(16);
    const monthStart = Date.parse(`${new Date().toISOString().slice(0, 7)}-01T00:00:00Z`);
    const startsAt = () => new Date(Math.max(monthStart, Date.now() - 60_000 - p.int(3 * 86_400_000))).toISOString();

    // The online burst: meetings created untimed, then every roll saved at once.
    const meetings = [];
    for (const c of online)
      meetings.push((await app.request('POST', `/api/v1/cells/${c.cellId}/meetings`, { kind: 'general', startsAt: startsAt() }, 201)).body);
    const save = new Samples();
    await Promise.all(
      meetings.map(async (m: { id: number; version: number; roll: Array<{ personId: number }> }) => {
        const r = await app!.request(
          'PUT',
          `/api/v1/meetings/${m.id}/attendance`,
          {
            records: records(
              p,
              m.roll.map((x) => x.personId),
            ),
            version: m.version,
          },
          200,
        );
        save.add(r.ms);
      }),
    );

    // The sync burst.
    const ops: Op[] = offline.map((c) => ({
      opId: randomUUID(),
      type: 'meeting.record',
      payload: { cellId: c.cellId, kind: 'general', startsAt: startsAt(), title: 'Held offline', records: records(p, c.people) },
    }));
    const rollSize = offline.reduce((a, c) => a + c.people.length, 0);
    const sync = new Samples();
    const statuses = new Map<string, number>();
    const send = async (op: Op, timed: boolean) => {
      const r = await app!.request('POST', '/api/v1/sync', { operations: [op] }, 200);
      const status = (r.body as { results: Array<{ status: string }> }).results[0]!.status;
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (timed) sync.add(r.ms);
    };
    await Promise.all(ops.flatMap((op, i) => (i % 10 === 0 ? [send(op, true), send(op, false)] : [send(op, true)])));
    const first = Object.fromEntries(statuses);
    statuses.clear();
    const replay = new Samples();
    await Promise.all(
      ops.map(async (op) => {
        const r = await app!.request('POST', '/api/v1/sync', { operations: [op] }, 200);
        const status = (r.body as { results: Array<{ status: string }> }).results[0]!.status;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        replay.add(r.ms);
      }),
    );
    const counted = await recount(bench.pool, ops, rollSize);

    // One at a time: an online save (its meeting created untimed just before) and a synced meeting, alternately.
    const serialSave = new Samples();
    const serialSync = new Samples();
    for (let i = 0; i < Math.min(serialOffline.length, serialOnline.length); i++) {
      const c = serialOnline[i]!;
      const m = (await app.request('POST', `/api/v1/cells/${c.cellId}/meetings`, { kind: 'general', startsAt: startsAt() }, 201)).body;
      const rec = records(
        p,
        m.roll.map((x: { personId: number }) => x.personId),
      );
      serialSave.add((await app.request('PUT', `/api/v1/meetings/${m.id}/attendance`, { records: rec, version: m.version }, 200)).ms);
      const d = serialOffline[i]!;
      const op = {
        opId: randomUUID(),
        type: 'meeting.record',
        payload: { cellId: d.cellId, kind: 'general', startsAt: startsAt(), title: 'Held offline', records: records(p, d.people) },
      };
      serialSync.add((await app.request('POST', '/api/v1/sync', { operations: [op] }, 200)).ms);
    }
    console.log(
      `${n} secretaries at once, one meeting.record each (roll sizes ${Math.min(...offline.map((c) => c.people.length))}-${Math.max(...offline.map((c) => c.people.length))}); fastify inject; pool of ${app.ctx.config.poolSize} connections`,
    );
    console.log(
      `first burst (one in ten sent twice at once): ${JSON.stringify(first)}; replay of every batch: ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    console.log(
      `recount: ${counted.stored} operations stored, ${counted.meetings} meetings, ${counted.attendance} attendance rows (expected ${n}, ${n}, ${rollSize}): ${counted.ok ? 'each applied exactly once' : 'MISMATCH'}`,
    );
    console.log(`peak RSS of this process: ${peakRssMb()} MB`);
    console.log('');
    printTable(
      [
        { header: 'request', align: 'left' },
        { header: 'n' },
        { header: 'p50 ms' },
        { header: 'p95 ms' },
        { header: 'p95 / online p95' },
        { header: 'target' },
      ],
      [
        ['online: PUT /meetings/{id}/attendance (burst)', save.count, round2(save.p50), round2(save.p95), '', ''],
        [
          'sync: POST /sync, meeting.record (burst)',
          sync.count,
          round2(sync.p50),
          round2(sync.p95),
          round2(sync.p95 / save.p95),
          `<= ${TARGET}`,
        ],
        ['sync replayed: duplicate (burst)', replay.count, round2(replay.p50), round2(replay.p95), round2(replay.p95 / save.p95), ''],
        ['online: PUT /meetings/{id}/attendance (one at a time)', serialSave.count, round2(serialSave.p50), round2(serialSave.p95), '', ''],
        [
          'sync: POST /sync, meeting.record (one at a time; creates the meeting too)',
          serialSync.count,
          round2(serialSync.p50),
          round2(serialSync.p95),
          round2(serialSync.p95 / serialSave.p95),
          '',
        ],
      ],
    );
    if (!counted.ok) process.exitCode = 1;
    printResult({
      bench: 'sync',
      scale,
      value: round2(sync.p95),
      unit: 'ms p95',
      limit: round2(save.p95),
      ratio: round2(sync.p95 / save.p95),
    });
  } finally {
    await app?.close();
    await bench.close();
  }
}
