/**
 * A throwaway database for one benchmark run: a fresh database on BENCH_DATABASE_URL's server, or an
 * embedded PostgreSQL in a temp directory (durability off: the figures measure the code, not the
 * disk). The app figure and its limit are always measured on this same server in the same run.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { createDatabase, createPool, migrateToLatest, type Database } from '../../src/server/db/database.ts';
import { startEmbeddedPostgres } from '../../src/server/db/embedded.ts';

export type BenchDatabase = {
  pool: pg.Pool;
  db: Database;
  /** A private temp directory for files the benchmark writes; removed by close(). */
  tmpDir: string;
  /** Where the server runs, for the report. */
  server: string;
  /** The connection, for starting the app on the same database. */
  connection: pg.PoolConfig;
  /** True when a kept database from an earlier run was opened (see `keep`). */
  kept: boolean;
  close(): Promise<void>;
};

export const EMBEDDED_SETTINGS = {
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  max_wal_size: '8GB',
  ...(process.env.BENCH_PG_SETTINGS ? JSON.parse(process.env.BENCH_PG_SETTINGS) : {}),
};

/**
 * With BENCH_KEEP=1 and a `keep` name (e.g. 'dataset-L'), the database is not thrown away: the embedded
 * cluster lives in <tmpdir>/cellwork-bench-keep-<name> (or, with BENCH_DATABASE_URL, the database
 * cellwork_bench_keep_<name>) and the next run opens it again, so data that is slow to build is built once.
 */
export async function openBenchDatabase(opts: { keep?: string } = {}): Promise<BenchDatabase> {
  const keep = process.env.BENCH_KEEP === '1' && opts.keep ? opts.keep.toLowerCase().replace(/[^a-z0-9]+/g, '_') : undefined;
  const suffix = randomBytes(4).toString('hex');
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), `cellwork-bench-files-${suffix}-`));
  const cleanups: Array<() => Promise<void>> = [async () => fs.rmSync(tmpDir, { recursive: true, force: true })];
  const close = async () => {
    for (const fn of cleanups.reverse()) await fn().catch((err) => console.error('bench cleanup:', err));
  };
  try {
    const url = process.env.BENCH_DATABASE_URL;
    let connection: pg.PoolConfig;
    let server: string;
    let kept = false;
    if (url) {
      const name = keep ? `cellwork_bench_keep_${keep}` : `cellwork_bench_${suffix}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      kept = keep !== undefined && (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
      if (!kept) await admin.query(`create database ${name}`);
      await admin.end();
      if (!keep)
        cleanups.push(async () => {
          const c = new pg.Client({ connectionString: url });
          await c.connect();
          await c.query(`drop database if exists ${name} with (force)`);
          await c.end();
        });
      const target = new URL(url);
      target.pathname = `/${name}`;
      connection = { connectionString: target.toString() };
      server = `${target.host} (BENCH_DATABASE_URL), database ${name}${keep ? ' (kept: BENCH_KEEP=1)' : ''}`;
    } else {
      const dataDir = path.join(os.tmpdir(), keep ? `cellwork-bench-keep-${keep}` : `cellwork-bench-${suffix}`);
      kept = keep !== undefined && fs.existsSync(path.join(dataDir, 'pg', 'PG_VERSION'));
      if (!keep) cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
      const embedded = await startEmbeddedPostgres({
        dataDir,
        settings: EMBEDDED_SETTINGS,
        log: process.env.BENCH_PG_LOG ? (l: string) => fs.appendFileSync(process.env.BENCH_PG_LOG!, `${l}\n`) : undefined,
      });
      cleanups.push(() => embedded.stop());
      connection = embedded.connection;
      server = `embedded PostgreSQL in ${dataDir} (fsync, synchronous_commit, full_page_writes off)${keep ? ' (kept: BENCH_KEEP=1)' : ''}`;
    }
    const pool = createPool(connection, 4);
    const db = createDatabase(pool);
    cleanups.push(() => db.destroy()); // ends the pool too
    const applied = await migrateToLatest(db);
    if (kept && applied.length > 0) {
      // A kept dataset brought up to a newer schema: its rewritten rows are vacuumed, as autovacuum
      // would do in production, so the figures are not of a table full of dead rows.
      const { rows } = await sql<{
        t: string;
      }>`select format('%I.%I', schemaname, relname) as t from pg_stat_user_tables where n_dead_tup > 0`.execute(db);
      process.stderr.write(`migrated the kept dataset (${applied.join(', ')}); vacuuming ${rows.length} tables\n`);
      for (const { t } of rows) await sql.raw(`vacuum (analyze) ${t}`).execute(db);
    }
    return { pool, db, tmpDir, server, connection, kept, close };
  } catch (err) {
    await close();
    throw err;
  }
}
