/**
 * Where a request's time goes on the database side: every statement the app's pool sends while
 * recording is timed from send to reply (the round trip as the app waits for it), grouped by the
 * start of its text. `BENCH_STATEMENTS=1` prints it after a bench's figures.
 */
import type pg from 'pg';
import { printTable } from './report.ts';
import { round2, Samples } from './stats.ts';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

const label = (text: string) => text.replace('/*prepared*/', '').replace(/\s+/g, ' ').trim().slice(0, 70);

export function statementTimes(pool: pg.Pool) {
  let recording = false;
  const times = new Map<string, Samples>();
  let requests = 0;
  pool.on('acquire', (client) => {
    const c = client as unknown as { timedBy?: unknown; query: (...args: unknown[]) => unknown };
    if (c.timedBy === pool) return;
    const query = c.query.bind(client);
    c.query = (...args: unknown[]) => {
      const result = query(...args);
      if (!recording || !(result instanceof Promise)) return result;
      const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string }).text ?? '');
      const started = performance.now();
      const key = label(text);
      return result.finally(() => {
        if (!times.has(key)) times.set(key, new Samples());
        times.get(key)!.add(performance.now() - started);
      });
    };
    c.timedBy = pool;
  });
  return {
    /** Times the statements `fn` sends. */
    async during<T>(fn: () => Promise<T>): Promise<T> {
      recording = true;
      requests++;
      try {
        return await fn();
      } finally {
        recording = false;
      }
    },
    print(title: string): void {
      console.log('');
      console.log(`${title}: statements per request (${requests} requests), send to reply`);
      printTable(
        [
          { header: 'statement', align: 'left' },
          { header: 'per request' },
          { header: 'p50 ms' },
          { header: 'p95 ms' },
          { header: 'ms per request' },
        ],
        [...times.entries()]
          .map(([k, s]) => [k, s, sum(s.values) / requests] as const)
          .sort((a, b) => b[2] - a[2])
          .map(([k, s, perRequest]) => [k, round2(s.count / requests), round2(s.p50), round2(s.p95), round2(perRequest)]),
      );
      console.log(`all statements: ${round2([...times.values()].reduce((n, s) => n + sum(s.values), 0) / requests)} ms per request (mean)`);
    },
  };
}
