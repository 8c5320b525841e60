/**
 * One PostgreSQL for the whole run: the embedded server by default, or the server named by
 * CELLWORK_TEST_DATABASE_URL. A migrated template database is made once; each test file clones it.
 */
import { buildWebApp } from '../src/cli/build-web.ts';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDatabase, createPool, migrateToLatest, type ConnectionOptions } from '../src/server/db/database.ts';
import { removeEmbeddedData, startEmbeddedPostgres } from '../src/server/db/embedded.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgServer: ConnectionOptions;
    templateDatabase: string;
    databaseMode: 'embedded' | 'external';
  }
}

export default async function setup(project: TestProject) {
  ensureWebBuilt(path.resolve(import.meta.dirname, '../dist/web'));
  const external = process.env.CELLWORK_TEST_DATABASE_URL;
  let server: ConnectionOptions;
  let stopServer = async () => undefined as void;
  let dataDir: string | undefined;
  if (external) {
    server = { connectionString: external };
  } else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cellwork-test-'));
    fs.chmodSync(dataDir, 0o755); // as root, lets the postgres user keep this throwaway cluster in place
    const embedded = await startEmbeddedPostgres({
      dataDir,
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' },
    });
    server = embedded.connection;
    stopServer = embedded.stop;
  }
  const template = `cellwork_tpl_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client(server);
  await admin.connect();
  await admin.query(`create database ${template}`);
  const pool = createPool({ ...server, ...databaseOf(server, template) }, 2);
  const db = createDatabase(pool);
  await migrateToLatest(db);
  await db.destroy();

  project.provide('pgServer', server);
  project.provide('templateDatabase', template);
  project.provide('databaseMode', external ? 'external' : 'embedded');

  return async () => {
    const { rows } = await admin.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [`${template}%`]);
    for (const r of rows) await admin.query(`drop database if exists ${r.datname} with (force)`).catch(() => undefined);
    await admin.query(`drop database if exists ${template} with (force)`).catch(() => undefined);
    await admin.end();
    await stopServer();
    if (dataDir) removeEmbeddedData(dataDir);
  };
}

/** Connection options pointing at another database on the same server. */
export function databaseOf(server: ConnectionOptions, database: string): ConnectionOptions {
  if (server.connectionString) {
    const url = new URL(server.connectionString);
    url.pathname = `/${database}`;
    return { connectionString: url.toString() };
  }
  return { ...server, database };
}

/** Builds the web app when it is missing or older than any of its sources or translations. */
function ensureWebBuilt(webDir: string): void {
  const root = path.resolve(import.meta.dirname, '..');
  const index = path.join(webDir, 'index.html');
  if (fs.existsSync(index)) {
    const built = fs.statSync(index).mtimeMs;
    const sources = [path.join(root, 'src/web'), path.join(root, 'src/shared')];
    const newest = Math.max(
      ...sources.flatMap((d) =>
        fs
          .readdirSync(d, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => fs.statSync(path.join(e.parentPath, e.name)).mtimeMs),
      ),
    );
    if (newest <= built) return;
  }
  buildWebApp();
}
