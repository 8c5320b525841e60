/**
 * The real app on the bench database (createContext + buildApp, as in production, quiet logs, no job
 * queue), an administrator signed in through the API, and a timer for requests sent with fastify's
 * inject (no sockets: the figures are the app's and the database's, not the loopback's).
 */
import { pino } from 'pino';
import { systemActor } from '../../src/server/access/actor.ts';
import { loadConfig } from '../../src/server/config.ts';
import { createContext, type AppContext } from '../../src/server/context.ts';
import { buildApp } from '../../src/server/http/app.ts';
import { createAccount, createGrant } from '../../src/server/modules/accounts/service.ts';
import type { BenchDatabase } from './database.ts';

type App = Awaited<ReturnType<typeof buildApp>>;
type Method = 'GET' | 'POST' | 'PUT';

export type BenchApp = {
  app: App;
  ctx: AppContext;
  /** The administrator's session cookie (`cw_session=…`), for requests sent over real HTTP. */
  cookie: string;
  /** Sends a request as the signed-in administrator; throws unless the status is `expect`. */
  request(method: Method, url: string, body?: unknown, expect?: number): Promise<{ ms: number; body: any }>;
  close(): Promise<void>;
};

/** `jobs`: run the job queue in this process (a directive's fan-out); `rollupFolder`: fold roll-ups as production does. */
export async function startBenchApp(bench: BenchDatabase, opts: { jobs?: boolean; rollupFolder?: boolean } = {}): Promise<BenchApp> {
  const config = loadConfig({ CELLWORK_LOG_LEVEL: 'silent' });
  const ctx = await createContext(config, {
    connection: bench.connection,
    jobs: opts.jobs ?? false,
    rollupFolder: opts.rollupFolder ?? false,
    log: pino({ level: 'silent' }),
  });
  const app = await buildApp(ctx, { logger: false });
  await app.ready();
  try {
    const login = `bench-${Date.now()}@bench`;
    const password = 'bench-password-1';
    const account = await createAccount(ctx.db, systemActor(), { login, password });
    await createGrant(ctx.db, systemActor(), account.id, { role: 'admin', access: 'manage' });
    const res = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { login, password } });
    if (res.statusCode !== 200) throw new Error(`bench sign-in failed: ${res.statusCode} ${res.body}`);
    const cookie = [res.headers['set-cookie']]
      .flat()
      .find((c) => c?.startsWith('cw_session='))
      ?.split(';')[0];
    const csrf = (JSON.parse(res.body) as { csrfToken: string }).csrfToken;
    if (!cookie) throw new Error('bench sign-in: no session cookie');
    return {
      app,
      ctx,
      cookie,
      async request(method, url, body, expect = 200) {
        const headers: Record<string, string> = { cookie };
        if (method !== 'GET') headers['x-csrf-token'] = csrf;
        const started = performance.now();
        const r = await app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as object }) });
        const ms = performance.now() - started;
        if (r.statusCode !== expect) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body.slice(0, 300)}`);
        return { ms, body: r.body ? JSON.parse(r.body) : undefined };
      },
      async close() {
        await app.close();
        await ctx.close();
      },
    };
  } catch (err) {
    await app.close();
    await ctx.close();
    throw err;
  }
}
