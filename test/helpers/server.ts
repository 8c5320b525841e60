/**
 * A real HTTP server for browser tests: its own database with the demo organization, the built web
 * app, listening on a free port on 127.0.0.1.
 */
import { pino } from 'pino';
import { loadConfig } from '../../src/server/config.ts';
import { createContext, type AppContext } from '../../src/server/context.ts';
import { buildApp } from '../../src/server/http/app.ts';
import { seedDemo } from '../../src/server/seed/index.ts';
import { createTestDatabase } from './database.ts';

/** `jobs`: run the job queue in the server (a directive's fan-out needs it). */
export async function startTestServer(
  opts: { jobs?: boolean } = {},
): Promise<{ baseUrl: string; ctx: AppContext; close(): Promise<void> }> {
  const config = loadConfig({ CELLWORK_LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: '0' });
  const database = await createTestDatabase();
  // The roll-up folder runs as in production: committees' figures follow a save within a moment.
  const ctx = await createContext(config, {
    connection: database.connection,
    jobs: opts.jobs ?? false,
    rollupFolder: true,
    log: pino({ level: 'silent' }),
  });
  await seedDemo(ctx.pool, ctx.db);
  const app = await buildApp(ctx, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    ctx,
    async close() {
      await app.close();
      await ctx.close();
      await database.drop();
    },
  };
}
