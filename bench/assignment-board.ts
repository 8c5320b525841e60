/**
 * assignment-board: the secretary's assignment board of a 60-member cell (GET
 * /api/v1/cells/{id}/assignments?limit=200: every assignment with its assignee, progress, due day and
 * evaluation), next to the API floor of the same run (GET /api/v1/people/{id}, the cheapest
 * authenticated read), interleaved, as the signed-in administrator through fastify's inject; the CSV
 * export is timed beside them. The cell is the one closest to 60 members, topped up to 60 with
 * generated members (each given three assignments). Target (issue 12): p95 at most 3 x the floor's.
 */
import { sql } from 'kysely';
import { startBenchApp, type BenchApp } from './lib/app.ts';
import { ensureAssignments } from './lib/assignments.ts';
import { openBenchDatabase } from './lib/database.ts';
import { describeDataset, ensureDataset } from './lib/dataset.ts';
import { printResult, printTable } from './lib/report.ts';
import { benchRepeat, peakRssMb, picker, round2, Samples } from './lib/stats.ts';
import type { BenchOptions } from './run.ts';

const MEMBERS = 60;
const ROUNDS = 400;
const WARMUP = 40;
const TARGET = 3;

/** The cell closest to 60 members, topped up to 60 (set-based) and with three assignments for each newcomer. */
async function sixtyMemberCell(app: BenchApp): Promise<number> {
  const db = app.ctx.db;
  const { rows } = await sql<{ id: string; n: number }>`select u.id, count(m.id)::int as n from units u
    join memberships m on m.cell_id = u.id and m.to_date is null where u.kind = 'cell' and u.closed_on is null
    group by u.id order by abs(count(m.id) - ${MEMBERS}), u.id limit 1`.execute(db);
  const cell = Number(rows[0]!.id);
  const missing = MEMBERS - rows[0]!.n;
  if (missing > 0) {
    await sql`with p as (insert into people (full_name) select 'Board bench ' || g from generate_series(1, ${missing}) g returning id)
      insert into memberships (cell_id, person_id, role, from_date) select ${cell}, id, 'member', current_date - 30 from p`.execute(db);
    await sql`insert into assignments (cell_id, person_id, title, due_on, given_on)
      select m.cell_id, m.person_id, 'Board bench work ' || k, current_date + k * 7, current_date - 1
      from memberships m cross join generate_series(1, 3) k
      where m.cell_id = ${cell} and m.to_date is null
        and not exists (select 1 from assignments a where a.cell_id = m.cell_id and a.person_id = m.person_id)`.execute(db);
  }
  return cell;
}

export async function run({ scale }: BenchOptions): Promise<void> {
  const bench = await openBenchDatabase({ keep: `dataset-${scale}` });
  let app: BenchApp | undefined;
  try {
    console.log(`assignment-board bench, scale ${scale}`);
    console.log(`server: ${bench.server}`);
    console.log(describeDataset(await ensureDataset(bench, scale)));
    const generated = await ensureAssignments(bench.pool);
    console.log(`assignments: ${generated.rows} (${round2(generated.seconds)} s)`);
    app = await startBenchApp(bench);
    const cell = await sixtyMemberCell(app);
    const people = (await bench.pool.query<{ id: number }>('select id::int as id from people order by md5(id::text) limit 1000')).rows.map(
      (r) => r.id,
    );
    const p = picker(17);
    const samples = { board: new Samples(), csv: new Samples(), floor: new Samples() };
    let shown = 0;
    for (let i = -WARMUP; i < ROUNDS * benchRepeat(); i++) {
      for (const kind of p.shuffle(['board', 'csv', 'floor'] as const)) {
        const url =
          kind === 'board'
            ? `/api/v1/cells/${cell}/assignments?limit=200`
            : kind === 'csv'
              ? `/api/v1/cells/${cell}/assignments.csv`
              : `/api/v1/people/${p.pick(people)}`;
        const started = performance.now();
        const res = await app.app.inject({ method: 'GET', url, headers: { cookie: app.cookie } });
        const ms = performance.now() - started;
        if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        if (i < 0) continue;
        samples[kind].add(ms);
        if (kind === 'board') shown = JSON.parse(res.body).items.length;
      }
    }
    console.log(`cell ${cell}: ${MEMBERS} members on the roll, ${shown} assignments on the board`);
    console.log(`peak RSS ${peakRssMb()} MB`);
    const floor = samples.floor;
    printTable(
      [{ header: 'request', align: 'left' }, { header: 'p50 ms' }, { header: 'p95 ms' }, { header: 'p95 / floor p95' }],
      [
        ['GET /cells/{id}/assignments', round2(samples.board.p50), round2(samples.board.p95), round2(samples.board.p95 / floor.p95)],
        ['GET /cells/{id}/assignments.csv', round2(samples.csv.p50), round2(samples.csv.p95), round2(samples.csv.p95 / floor.p95)],
        ['floor: GET /api/v1/people/{id}', round2(floor.p50), round2(floor.p95), 1],
      ],
    );
    printResult({
      bench: 'assignment-board',
      scale,
      value: round2(samples.board.p95),
      unit: 'ms p95',
      limit: round2(TARGET * floor.p95),
      ratio: round2(samples.board.p95 / (TARGET * floor.p95)),
    });
  } finally {
    await app?.close();
    await bench.close();
  }
}
