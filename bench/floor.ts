/**
 * floor: the cost under every request. Over real HTTP on loopback (keep-alive connections), the same
 * run measures, interleaved:
 *   - the limit: a bare Fastify app with one `pg` point read of a person's row (no plugins, no auth),
 *   - GET /api/health on Cellwork (no auth, one `select 1`),
 *   - GET /api/v1/people/{id} on Cellwork as a signed-in administrator (the cheapest authenticated read),
 * first one request at a time, then with 10 concurrent clients. Target: the authenticated read at most
 * 2 x the bare read (p50 and p95).
 */
import Fastify from 'fastify';
import pg from 'pg';
import { startBenchApp, type BenchApp } from './lib/app.ts';
import { openBenchDatabase } from './lib/database.ts';
import { describeDataset, ensureDataset } from './lib/dataset.ts';
import { printResult, printTable } from './lib/report.ts';
import { benchRepeat, peakRssMb, picker, round2, Samples } from './lib/stats.ts';
import type { BenchOptions } from './run.ts';

const SEQUENTIAL = 1500;
const CONCURRENT_CLIENTS = 10;
const CONCURRENT_ROUNDS = 150; // per client, per kind
const WARMUP = 100;
const TARGET = 2;

type Kind = 'bare' | 'health' | 'person';

export async function run({ scale }: BenchOptions): Promise<void> {
  const bench = await openBenchDatabase({ keep: `dataset-${scale}` });
  let app: BenchApp | undefined;
  const bare = Fastify({ logger: false });
  const barePool = new pg.Pool({ ...bench.connection, max: 10 });
  try {
    console.log(`floor bench, scale ${scale}`);
    console.log(`server: ${bench.server}`);
    console.log(describeDataset(await ensureDataset(bench, scale)));
    const people = (await bench.pool.query<{ id: number }>('select id::int as id from people order by md5(id::text) limit 1000')).rows.map(
      (r) => r.id,
    );

    // The limit: Fastify and one point read of the same row, through a pool of the app's size.
    bare.get<{ Params: { id: string } }>('/bare/people/:id', async (req) => {
      const { rows } = await barePool.query('select * from people where id = $1', [Number(req.params.id)]);
      return rows[0];
    });
    const bareBase = await bare.listen({ host: '127.0.0.1', port: 0 });

    app = await startBenchApp(bench);
    const appBase = await app.app.listen({ host: '127.0.0.1', port: 0 });
    const session = app.cookie;

    const p = picker(11);
    const send = async (kind: Kind): Promise<number> => {
      const id = p.pick(people);
      const url =
        kind === 'bare' ? `${bareBase}/bare/people/${id}` : kind === 'health' ? `${appBase}/api/health` : `${appBase}/api/v1/people/${id}`;
      const started = performance.now();
      const res = await fetch(url, kind === 'person' ? { headers: { cookie: session } } : undefined);
      await res.arrayBuffer();
      const ms = performance.now() - started;
      if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
      return ms;
    };
    const kinds: Kind[] = ['bare', 'health', 'person'];

    const sequential = measure();
    for (let i = -WARMUP; i < SEQUENTIAL * benchRepeat(); i++) {
      for (const kind of p.shuffle([...kinds])) {
        const ms = await send(kind);
        if (i >= 0) sequential[kind].add(ms);
      }
    }

    const concurrent = measure();
    await Promise.all(
      Array.from({ length: CONCURRENT_CLIENTS }, async () => {
        for (let i = 0; i < CONCURRENT_ROUNDS * benchRepeat(); i++) {
          for (const kind of p.shuffle([...kinds])) concurrent[kind].add(await send(kind));
        }
      }),
    );

    console.log(
      `over HTTP on 127.0.0.1 with keep-alive; sequential: ${SEQUENTIAL * benchRepeat()} rounds of the three reads in random order (+${WARMUP} warm-up); ` +
        `concurrent: ${CONCURRENT_CLIENTS} clients x ${CONCURRENT_ROUNDS * benchRepeat()} rounds`,
    );
    console.log(`peak RSS of this process (bench, both servers): ${peakRssMb()} MB`);
    console.log('');
    const rows: Array<Array<string | number>> = [];
    for (const [label, set] of [
      ['sequential', sequential],
      [`${CONCURRENT_CLIENTS} concurrent`, concurrent],
    ] as const) {
      const limit = set.bare;
      for (const kind of kinds) {
        const s = set[kind];
        rows.push([
          label,
          LABELS[kind],
          s.count,
          round2(s.p50),
          round2(s.p95),
          round2(s.p50 / limit.p50),
          round2(s.p95 / limit.p95),
          kind === 'person' ? `<= ${TARGET}` : '',
        ]);
      }
    }
    printTable(
      [
        { header: 'clients', align: 'left' },
        { header: 'request', align: 'left' },
        { header: 'n' },
        { header: 'p50 ms' },
        { header: 'p95 ms' },
        { header: 'p50 / bare' },
        { header: 'p95 / bare' },
        { header: 'target' },
      ],
      rows,
    );
    printResult({
      bench: 'floor',
      scale,
      value: round2(sequential.person.p50),
      unit: 'ms p50',
      limit: round2(sequential.bare.p50),
      ratio: round2(sequential.person.p50 / sequential.bare.p50),
    });
  } finally {
    await bare.close();
    await barePool.end();
    await app?.close();
    await bench.close();
  }
}

const LABELS: Record<Kind, string> = {
  bare: 'limit: bare Fastify + pg point read',
  health: 'GET /api/health',
  person: 'GET /api/v1/people/{id} (signed in)',
};

function measure(): Record<Kind, Samples> {
  return { bare: new Samples(), health: new Samples(), person: new Samples() };
}
