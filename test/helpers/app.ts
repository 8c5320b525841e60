/** A real app on its own database: createContext + buildApp, as in production, with quiet logs. */
import { pino } from 'pino';
import { loadConfig } from '../../src/server/config.ts';
import { createContext, type AppContext } from '../../src/server/context.ts';
import { buildApp } from '../../src/server/http/app.ts';
import { createTestDatabase } from './database.ts';

export type TestApp = Awaited<ReturnType<typeof buildApp>>;

export async function createTestApp(
  opts: {
    env?: Record<string, string>;
    /** Run the job queue in this process (directives' fan-out). */
    jobs?: boolean;
    /** Fold roll-ups in the background (otherwise tests fold with foldAllRollups before reading committees). */
    rollupFolder?: boolean;
  } = {},
): Promise<{ app: TestApp; ctx: AppContext; close(): Promise<void> }> {
  const database = await createTestDatabase();
  const config = loadConfig({ CELLWORK_LOG_LEVEL: 'silent', ...opts.env });
  const ctx = await createContext(config, {
    connection: database.connection,
    jobs: opts.jobs ?? false,
    rollupFolder: opts.rollupFolder ?? false,
    log: pino({ level: 'silent' }),
  });
  // The context was built on a test database; report the server kind the suite runs on.
  ctx.databaseMode = database.mode;
  const app = await buildApp(ctx, { logger: false });
  await app.ready();
  return {
    app,
    ctx,
    async close() {
      await app.close();
      await ctx.close();
      await database.drop();
    },
  };
}
