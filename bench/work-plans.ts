/**
 * work-plans: the reads of issue 15's work plans and deeds next to the API floor of the same run
 * (GET /api/v1/people/{id}), interleaved, through fastify's inject. Target: p95 at most 3 x the floor's.
 * - the committee's view of its cells' plans for this quarter (GET /api/v1/units/{id}/work-plans: counts
 *   by status and the first page in name order) for the centre, the busiest region and district, as
 *   the administrator;
 * - the deeds board of a member's home (GET /api/v1/me/deeds-board), for members picked across the
 *   tree, with their own sessions, against the floor read with the same sessions.
 * Data: bench/lib/work-plans.ts.
 */
import type pg from 'pg';
import { materializePeriod } from '../src/server/modules/compliance/engine.ts';
import { periodOf, todayIso } from '../src/server/modules/compliance/periods.ts';
import { startBenchApp, type BenchApp } from './lib/app.ts';
import { memberSessions } from './lib/assignments.ts';
import { LEVELS, measureCommitteeReads, pickUnitsAndPeople } from './lib/committee-reads.ts';
import { openBenchDatabase } from './lib/database.ts';
import { describeDataset, ensureDataset } from './lib/dataset.ts';
import { printResult, printTable } from './lib/report.ts';
import { benchRepeat, peakRssMb, picker, round2, Samples } from './lib/stats.ts';
import { ensureWorkPlans } from './lib/work-plans.ts';
import type { BenchOptions } from './run.ts';

const MEMBERS = 50;
const ROUNDS = 600;
const WARMUP = 50;
const TARGET = 3;

/** The counts the view's roll-ups stand for, recounted from the raw rows (the aggregate the view used to run). */
async function recountPlans(pool: pg.Pool, unitId: number, period: string) {
  const { rows } = await pool.query(
    `select count(*)::int as cells, (count(*) filter (where wp.status = 'draft'))::int as draft,
       (count(*) filter (where wp.status = 'adopted'))::int as adopted, (count(*) filter (where wp.status = 'reviewed'))::int as reviewed
     from units c join units u on u.id = $1 left join work_plans wp on wp.cell_id = c.id and wp.period = $2
     where c.kind = 'cell' and c.closed_on is null and c.path <@ u.path`,
    [unitId, period],
  );
  return rows[0];
}

async function measureBoard(app: BenchApp) {
  const members = await memberSessions(app, MEMBERS);
  const p = picker(31);
  const samples = { board: new Samples(), floor: new Samples() };
  let items = 0;
  let boards = 0;
  for (let i = -WARMUP; i < ROUNDS * benchRepeat(); i++) {
    const m = p.pick(members);
    for (const kind of p.shuffle(['board', 'floor'] as const)) {
      const url = kind === 'board' ? '/api/v1/me/deeds-board?limit=10' : `/api/v1/people/${m.personId}`;
      const started = performance.now();
      const res = await app.app.inject({ method: 'GET', url, headers: { cookie: m.cookie } });
      const ms = performance.now() - started;
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      if (i < 0) continue;
      samples[kind].add(ms);
      if (kind === 'board') {
        items += JSON.parse(res.body).items.length;
        boards += 1;
      }
    }
  }
  return { samples, meanItems: items / Math.max(boards, 1) };
}

export async function run({ scale }: BenchOptions): Promise<void> {
  const bench = await openBenchDatabase({ keep: `dataset-${scale}` });
  let app: BenchApp | undefined;
  try {
    console.log(`work-plans bench, scale ${scale}`);
    console.log(`server: ${bench.server}`);
    console.log(describeDataset(await ensureDataset(bench, scale)));
    const generated = await ensureWorkPlans(bench.pool);
    console.log(
      `work plans: ${generated.plans}, deeds: ${generated.deeds} (${generated.published} published) (${round2(generated.seconds)} s)`,
    );
    app = await startBenchApp(bench);
    // The plans were written straight to the tables: the current month is rebuilt once (untimed), as
    // the nightly rebuild would, so the view reads the plans' summed roll-ups (decision 0031).
    const rebuild = performance.now();
    await materializePeriod(app.ctx.db, periodOf(todayIso()));
    console.log(`the current month rebuilt in ${round2((performance.now() - rebuild) / 1000)} s`);
    const picked = await pickUnitsAndPeople(app.ctx.db);
    const { samples, last } = await measureCommitteeReads<{ counts: Record<string, number>; items: unknown[] }>(
      app,
      picked,
      (id) => `/api/v1/units/${id}/work-plans?period=${generated.current}`,
      29,
    );
    for (const [level, body] of Object.entries(last)) {
      const unitId = picked.units[level as 'centre'];
      console.log(`plans of the ${level} (unit ${unitId}): ${JSON.stringify(body.counts)}, ${body.items.length} rows`);
      console.log(`  recounted from the tables: ${JSON.stringify(await recountPlans(bench.pool, unitId, generated.current))}`);
    }
    const board = await measureBoard(app);
    console.log(`deeds board: ${round2(board.meanItems)} deeds on a member's first page on average`);
    // Each read against the floor measured beside it: the committee views with the administrator's floor, the board with the members'.
    const rows = [
      ...LEVELS.map((l) => ({ name: `work plans view of the ${l}`, s: samples[l], floor: samples.floor.p95 })),
      { name: 'GET /api/v1/me/deeds-board (members)', s: board.samples.board, floor: board.samples.floor.p95 },
    ];
    printTable(
      [{ header: 'request', align: 'left' }, { header: 'p50 ms' }, { header: 'p95 ms' }, { header: 'p95 / floor p95' }],
      [
        ...rows.map((r) => [r.name, round2(r.s.p50), round2(r.s.p95), round2(r.s.p95 / r.floor)]),
        ['floor: GET /api/v1/people/{id} (administrator)', round2(samples.floor.p50), round2(samples.floor.p95), 1],
        ['floor: GET /api/v1/people/{id} (members, own record)', round2(board.samples.floor.p50), round2(board.samples.floor.p95), 1],
      ],
    );
    const worst = rows.reduce((a, b) => (b.s.p95 / b.floor > a.s.p95 / a.floor ? b : a));
    printResult({
      bench: 'work-plans',
      scale,
      value: round2(worst.s.p95),
      unit: 'ms p95',
      limit: round2(TARGET * worst.floor),
      ratio: round2(worst.s.p95 / (TARGET * worst.floor)),
    });
    console.log(`peak RSS ${peakRssMb()} MB`);
  } finally {
    await app?.close();
    await bench.close();
  }
}
