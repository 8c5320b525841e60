/**
 * acknowledge: 10,000 members acknowledge a directive over HTTP at once (each twice, 20,000 requests,
 * 200 in flight, in a shuffled order), each with their own API token. None may be lost, none doubled:
 * the reach counters at the centre must equal a recount of the delivery rows (both printed; the final
 * JSON's ratio is counter / recount, 1 when exact).
 */
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { systemActor } from '../src/server/access/actor.ts';
import { runFanOut } from '../src/server/modules/directives/fanout.ts';
import { createDirective } from '../src/server/modules/directives/service.ts';
import { startBenchApp, type BenchApp } from './lib/app.ts';
import { dropDirectives } from './lib/directives.ts';
import { openBenchDatabase } from './lib/database.ts';
import { describeDataset, ensureDataset } from './lib/dataset.ts';
import { printResult, printTable } from './lib/report.ts';
import { peakRssMb, picker, round2, Samples } from './lib/stats.ts';
import type { BenchOptions } from './run.ts';

const MEMBERS = Number(process.env.BENCH_ACKS ?? 10_000);
const IN_FLIGHT = 200;

export async function run({ scale }: BenchOptions): Promise<void> {
  const bench = await openBenchDatabase({ keep: `dataset-${scale}` });
  let app: BenchApp | undefined;
  let id: number | undefined;
  try {
    console.log(`acknowledge bench, scale ${scale}`);
    console.log(`server: ${bench.server}`);
    console.log(describeDataset(await ensureDataset(bench, scale)));
    app = await startBenchApp(bench);
    const db = app.ctx.db;
    const root = await db.selectFrom('units').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow();
    const d = await createDirective(db, systemActor(), { title: 'Acknowledge bench', body: 'x', target: { unitIds: [Number(root.id)] } });
    id = d.id;
    await sql`update directives set status = 'published', published_at = now() where id = ${id}`.execute(db);
    await sql`insert into directive_rounds (directive_id, round) values (${id}, 1)`.execute(db);
    await runFanOut(db, id, 1, { batchCells: app.ctx.config.fanOutBatchCells, pauseMs: 0 });

    // One account and API token per member (inserted directly: hashing 10,000 passwords is not the subject).
    const people = (
      await sql<{ person_id: number }>`select person_id from directive_deliveries where directive_id = ${id}
        order by md5(person_id::text) limit ${MEMBERS}`.execute(db)
    ).rows.map((r) => Number(r.person_id));
    const tokens = people.map(() => `cw_${randomBytes(24).toString('base64url')}`);
    await sql`with a as (
        insert into accounts (login, password_hash, person_id)
        select 'ack-bench-' || p || '@bench', 'not-a-hash', p from unnest(${people}::bigint[]) p returning id, person_id)
      insert into api_tokens (account_id, name, token_hash)
      select a.id, 'ack bench', decode(h, 'hex') from a
      join unnest(${people}::bigint[], ${tokens.map((t) => createHash('sha256').update(t).digest('hex'))}::text[]) x(p, h) on x.p = a.person_id`.execute(
      db,
    );

    const base = await app.app.listen({ host: '127.0.0.1', port: 0 });
    const p = picker(7);
    const requests = p.shuffle([...tokens.keys(), ...tokens.keys()]);
    const latency = new Samples();
    const statuses = new Map<number, number>();
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < requests.length) {
          const i = requests[next++]!;
          const t0 = performance.now();
          const res = await fetch(`${base}/api/v1/directives/${id}/acknowledgment`, {
            method: 'POST',
            headers: { authorization: `Bearer ${tokens[i]}`, 'content-type': 'application/json' },
            body: '{}',
          });
          await res.arrayBuffer();
          latency.add(performance.now() - t0);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        }
      }),
    );
    const ms = performance.now() - started;
    const counter = await db
      .selectFrom('directive_reach')
      .select(['members', 'acknowledged'])
      .where('directive_id', '=', id)
      .where('unit_id', '=', Number(root.id))
      .executeTakeFirstOrThrow();
    const recount = (
      await sql<{
        n: number;
        a: number;
        rows: number;
      }>`select count(distinct person_id)::int as n, count(acknowledged_at)::int as a, count(*)::int as rows
        from directive_deliveries where directive_id = ${id}`.execute(db)
    ).rows[0]!;
    console.log(`${requests.length} requests (${people.length} members, each twice), ${IN_FLIGHT} in flight, over HTTP with API tokens`);
    console.log(
      `statuses: ${[...statuses].map(([s, n]) => `${s} x ${n}`).join(', ')}; ${round2(ms)} ms, ${Math.round(requests.length / (ms / 1000))} requests/s`,
    );
    console.log(`peak RSS of this process: ${peakRssMb()} MB`);
    console.log('');
    printTable(
      [{ header: 'figure', align: 'left' }, { header: 'reach counter (centre)' }, { header: 'recount of the rows' }],
      [
        ['members', counter.members, recount.rows],
        ['acknowledged', counter.acknowledged, recount.a],
        ['distinct people', '', recount.n],
        ['request p50 / p95 ms', round2(latency.p50), round2(latency.p95)],
      ],
    );
    printResult({
      bench: 'acknowledge',
      scale,
      value: counter.acknowledged,
      unit: 'acknowledged (counter)',
      limit: recount.a,
      ratio: round2(counter.acknowledged / recount.a),
    });
  } finally {
    if (app && id !== undefined) {
      const db = app.ctx.db;
      await sql`delete from api_tokens where name = 'ack bench'`.execute(db);
      await sql`delete from accounts where login like 'ack-bench-%@bench'`.execute(db);
      await dropDirectives(db, [id]);
    }
    await app?.close();
    await bench.close();
  }
}
