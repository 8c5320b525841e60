/**
 * reach: the reach report of a directive published to everyone, for the centre, a region (level 1) and a
 * district (level 2), and the drill-down to the centre's and a region's children, against the API floor:
 * the cheapest authenticated read, one person by id (GET /api/v1/people/{id}). Same app, same run,
 * interleaved in a shuffled order. Reach is read from counters kept current (decision 0016), not a join
 * over the deliveries. Target: p95 of every read <= 3 x the floor's p95.
 */
import { sql } from 'kysely';
import { systemActor } from '../src/server/access/actor.ts';
import { acknowledgeDirective } from '../src/server/modules/directives/deliveries.ts';
import { runFanOut } from '../src/server/modules/directives/fanout.ts';
import { createDirective } from '../src/server/modules/directives/service.ts';
import { startBenchApp, type BenchApp } from './lib/app.ts';
import { dropDirectives } from './lib/directives.ts';
import { openBenchDatabase } from './lib/database.ts';
import { describeDataset, ensureDataset } from './lib/dataset.ts';
import { printResult, printTable } from './lib/report.ts';
import { benchRepeat, peakRssMb, picker, round2, Samples } from './lib/stats.ts';
import type { BenchOptions } from './run.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const WARMUP = 30;
const TARGET = 3;
const ACKS = 2000;

export async function run({ scale }: BenchOptions): Promise<void> {
  const bench = await openBenchDatabase({ keep: `dataset-${scale}` });
  let app: BenchApp | undefined;
  let id: number | undefined;
  try {
    console.log(`reach bench, scale ${scale}`);
    console.log(`server: ${bench.server}`);
    console.log(describeDataset(await ensureDataset(bench, scale)));
    app = await startBenchApp(bench);
    const db = app.ctx.db;
    const ids = async (where: string, limit: number) =>
      (
        await bench.pool.query<{ id: number }>(`select id::int as id from units where ${where} order by md5(id::text) limit ${limit}`)
      ).rows.map((r) => r.id);
    const units = {
      root: await ids('depth = 0', 1),
      level1: await ids(`depth = 1 and kind = 'committee'`, 200),
      level2: await ids(`depth = 2 and kind = 'committee'`, 200),
    };
    const people = (await bench.pool.query<{ id: number }>('select id::int as id from people order by md5(id::text) limit 500')).rows.map(
      (r) => r.id,
    );

    // A directive to everyone, fanned out here, and some acknowledgments through the service.
    const d = await createDirective(db, systemActor(), {
      title: 'Reach bench',
      body: 'x',
      target: { unitIds: units.root },
      acknowledgeWithinDays: 7,
    });
    id = d.id;
    await sql`update directives set status = 'published', published_at = now() where id = ${id}`.execute(db);
    await sql`insert into directive_rounds (directive_id, round, deadline_on, deadline) values (${id}, 1, current_date + 7, now() + interval '7 days')`.execute(
      db,
    );
    const fanStarted = performance.now();
    await runFanOut(db, id, 1, { batchCells: app.ctx.config.fanOutBatchCells, pauseMs: 0 });
    const fanMs = performance.now() - fanStarted;
    const ackers = (
      await sql<{
        person_id: number;
      }>`select person_id from directive_deliveries where directive_id = ${id} order by md5(person_id::text) limit ${ACKS}`.execute(db)
    ).rows;
    for (const a of ackers) await acknowledgeDirective(db, { ...systemActor(), personId: Number(a.person_id) }, id);
    await sql`analyze directive_reach`.execute(db);

    const p = picker();
    const targets = [
      { name: 'floor: GET /people/{id}', url: () => `/api/v1/people/${p.pick(people)}` },
      { name: 'reach: centre', url: () => `/api/v1/directives/${id}/reach?unit=${units.root[0]}` },
      { name: 'reach: region', url: () => `/api/v1/directives/${id}/reach?unit=${p.pick(units.level1)}` },
      { name: 'reach: district', url: () => `/api/v1/directives/${id}/reach?unit=${p.pick(units.level2)}` },
      { name: 'children: centre', url: () => `/api/v1/directives/${id}/reach/children?unit=${units.root[0]}` },
      { name: 'children: region', url: () => `/api/v1/directives/${id}/reach/children?unit=${p.pick(units.level1)}` },
    ];
    const samples = targets.map(() => new Samples());
    const rounds = ROUNDS * benchRepeat();
    for (let round = -WARMUP; round < rounds; round++) {
      for (const i of p.shuffle(targets.map((_, k) => k))) {
        const { ms } = await app.request('GET', targets[i]!.url());
        if (round >= 0) samples[i]!.add(ms);
      }
    }
    const floor = samples[0]!;
    const centre = (await app.request('GET', `/api/v1/directives/${id}/reach?unit=${units.root[0]}`)).body;
    const recount = (
      await sql<{ n: number; a: number }>`select count(*)::int as n, count(acknowledged_at)::int as a
      from directive_deliveries where directive_id = ${id}`.execute(db)
    ).rows[0]!;
    console.log(
      `fan-out to ${recount.n} members in ${round2(fanMs)} ms (this process); ${ackers.length} acknowledgments through the service`,
    );
    console.log(
      `centre: members ${centre.members}, acknowledged ${centre.acknowledged}; recount from the deliveries: ${recount.n}, ${recount.a}`,
    );
    console.log(`${rounds} rounds (+${WARMUP} warm-up), each request once per round in a shuffled order; fastify inject`);
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
      targets.map((t, i) => [
        t.name,
        samples[i]!.count,
        round2(samples[i]!.p50),
        round2(samples[i]!.p95),
        round2(samples[i]!.p95 / floor.p95),
        i === 0 ? '' : `<= ${TARGET}`,
      ]),
    );
    // Not a target: the first page of the members not reached (by name), which reads the unit's deliveries.
    const info: Array<[string, string]> = [
      ['not reached, first page: centre', `/api/v1/directives/${id}/not-reached?unit=${units.root[0]}&limit=25`],
      ['not reached, first page: district', `/api/v1/directives/${id}/not-reached?unit=${units.level2[0]}&limit=25`],
    ];
    for (const [name, url] of info) {
      const s = new Samples();
      for (let i = 0; i < 12; i++) {
        const { ms } = await app.request('GET', url);
        if (i >= 2) s.add(ms);
      }
      console.log(`(not a target) ${name}: p50 ${round2(s.p50)} ms, max ${round2(s.p95)} ms over ${s.count}`);
    }
    const worst = Math.max(...samples.slice(1).map((s) => s.p95));
    console.log(`the slowest read: ${targets[samples.findIndex((s, i) => i > 0 && s.p95 === worst)]?.name}`);
    printResult({
      bench: 'reach',
      scale,
      value: round2(worst),
      unit: 'ms p95',
      limit: round2(floor.p95),
      ratio: round2(worst / floor.p95),
    });
  } finally {
    if (app && id !== undefined) {
      const db = app.ctx.db;
      await dropDirectives(db, [id]);
    }
    await app?.close();
    await bench.close();
  }
}
