/**
 * Counts the statements the app sends to PostgreSQL (BEGIN and COMMIT included): each is a round trip
 * a request waits for. Hooks every client the pool hands out.
 */
import type pg from 'pg';

export function statementCounter(pool: pg.Pool) {
  let counting = false;
  let sent: string[] = [];
  pool.on('acquire', (client) => {
    const c = client as unknown as { countedBy?: unknown; query: (...args: unknown[]) => unknown };
    if (c.countedBy === pool) return;
    const query = c.query.bind(client);
    c.query = (...args: unknown[]) => {
      const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string }).text ?? '');
      if (counting) sent.push(text);
      return query(...args);
    };
    c.countedBy = pool;
  });
  return {
    /** The statements `fn` sent. */
    async during(fn: () => Promise<unknown>): Promise<string[]> {
      sent = [];
      counting = true;
      try {
        await fn();
      } finally {
        counting = false;
      }
      return sent;
    },
  };
}
