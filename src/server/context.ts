/**
 * createContext(config, overrides?) builds everything the app needs: the database (embedded or
 * external), the migrated schema, the job queue. No DI container; tests pass overrides.
 */
import { sql } from 'kysely';
import type pg from 'pg';
import { pino, type Logger } from 'pino';
import type { Config } from './config.ts';
import { createDatabase, createPool, migrateToLatest, type ConnectionOptions, type Database } from './db/database.ts';
import { startEmbeddedPostgres } from './db/embedded.ts';
import { startJobs, type Jobs } from './jobs/queue.ts';
import { startRollupFolder } from './modules/compliance/fold.ts';
import { markInterruptedImports } from './modules/imports/liveness.ts';
import { createNotifier, type Notifier } from './modules/notifications/service.ts';
import { loadFeedbackKey } from './modules/reviews/author-key.ts';

export type DatabaseMode = 'embedded' | 'external';

export type AppContext = {
  config: Config;
  log: Logger;
  db: Database;
  pool: pg.Pool;
  connection: ConnectionOptions;
  databaseMode: DatabaseMode;
  databaseVersion: string;
  jobs: Jobs | undefined;
  /** Notifications for other modules: in-app, mail and webhooks, inside the caller's transaction. */
  notifier: Notifier;
  /** The key of anonymous feedback's author hashes; never stored in the database (decision 0021). */
  feedbackKey: Buffer;
  close(): Promise<void>;
};

export type ContextOverrides = {
  /** Use this connection instead of DATABASE_URL or the embedded server (tests). */
  connection?: ConnectionOptions;
  log?: Logger;
  /** Start the job queue (default true). */
  jobs?: boolean;
  /** Run migrations at start (default true). */
  migrate?: boolean;
  /** Fold queued roll-up differences in the background (default: as `jobs`; tests fold when they read). */
  rollupFolder?: boolean;
};

export async function createContext(config: Config, overrides: ContextOverrides = {}): Promise<AppContext> {
  const log = overrides.log ?? pino({ level: config.logLevel });
  const cleanups: Array<() => Promise<void>> = [];
  let connection: ConnectionOptions;
  let databaseMode: DatabaseMode = 'external';
  if (overrides.connection) connection = overrides.connection;
  else if (config.databaseUrl) connection = { connectionString: config.databaseUrl };
  else {
    const pgLog = log.child({ component: 'postgres' });
    const server = await startEmbeddedPostgres({ dataDir: config.dataDir, log: (l) => pgLog.debug(l) });
    connection = server.connection;
    databaseMode = 'embedded';
    cleanups.push(() => server.stop());
  }
  const pool = createPool(connection, config.poolSize, log.child({ component: 'database' }));
  const db = createDatabase(pool);
  cleanups.unshift(() => db.destroy());
  try {
    if (overrides.migrate !== false) {
      const applied = await migrateToLatest(db);
      if (applied.length) log.info({ applied }, 'migrations applied');
    }
    const { rows } = await sql<{ v: string }>`select current_setting('server_version') as v`.execute(db);
    // An import whose process died rolled back whole; say so instead of showing it running forever.
    await markInterruptedImports(db);
    const jobs = overrides.jobs === false ? undefined : await startJobs(connection, db, log, config);
    if (jobs) cleanups.unshift(() => jobs.stop());
    if (overrides.rollupFolder ?? overrides.jobs !== false) {
      const folder = startRollupFolder(db, log.child({ component: 'rollups' }), config.rollupFoldMs);
      cleanups.unshift(() => folder.stop());
    }
    return {
      config,
      log,
      db,
      pool,
      connection,
      databaseMode,
      jobs,
      notifier: createNotifier({ boss: jobs?.boss, config }),
      feedbackKey: loadFeedbackKey(config),
      databaseVersion: rows[0]?.v ?? 'unknown',
      async close() {
        for (const c of cleanups.splice(0)) await c().catch((err: unknown) => log.warn({ err }, 'cleanup failed'));
      },
    };
  } catch (err) {
    for (const c of cleanups.splice(0)) await c().catch(() => undefined);
    throw err;
  }
}
