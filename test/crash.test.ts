/**
 * kill -9 of the app while the embedded PostgreSQL runs: the next start finds the orphaned server,
 * recovers, and no committed row is lost. Runs the real `cellwork` command in child processes.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeEmbeddedData } from '../src/server/db/embedded.ts';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin/cellwork.js');
// Inside a private (0700) folder, as a checkout under /root would be: as root the cluster then lives
// under the shared folder, reached through the data directory's link, and must survive kill -9 there too.
const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cellwork-crash-'));
const dataDir = path.join(privateDir, 'data');
const env = { ...process.env, CELLWORK_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', CELLWORK_LOG_LEVEL: 'warn', DATABASE_URL: '' };
delete (env as Record<string, string | undefined>).DATABASE_URL;
const children: ChildProcess[] = [];

function serve(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [bin, 'serve', '--no-demo'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 90_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /running at (http:\/\/localhost:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!.replace('localhost', '127.0.0.1') });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}):\n${out}`));
    });
  });
}

async function session(url: string) {
  const res = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'root@crash', password: 'crash-pass' }),
  });
  expect(res.status).toBe(200);
  const me = (await res.json()) as { csrfToken: string; roots: Array<{ id: number }> };
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const call = (method: string, p: string, body?: unknown) =>
    fetch(`${url}${p}`, {
      method,
      headers: { cookie, 'x-csrf-token': me.csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  return { me, cookie, call };
}

const waitExit = (child: ChildProcess) =>
  new Promise<void>((r) => (child.exitCode !== null || child.signalCode ? r() : child.once('exit', () => r())));

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && !c.signalCode) c.kill('SIGKILL');
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
    try {
      process.kill(pid, 'SIGQUIT');
    } catch {
      /* already gone */
    }
  }
  removeEmbeddedData(dataDir);
  fs.rmSync(privateDir, { recursive: true, force: true });
});

describe('crash safety of the embedded database', () => {
  it('keeps every committed row across kill -9 and stops cleanly on SIGTERM', async () => {
    const admin = spawnSync(
      process.execPath,
      [bin, 'create-admin', '--login', 'root@crash', '--password', 'crash-pass', '--organization', 'Crash Test'],
      { cwd: root, env, encoding: 'utf8' },
    );
    expect(admin.status, admin.stderr).toBe(0);

    const first = await serve();
    const s1 = await session(first.url);
    const rootId = s1.me.roots[0]!.id;
    const created: number[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await s1.call('POST', '/api/v1/units', { parentId: rootId, kind: 'cell', name: `크래시 세포 ${i}`, code: `CRASH-${i}` });
      expect(res.status).toBe(201);
      created.push(((await res.json()) as { id: number }).id);
    }
    // A request in flight when the process dies: it may or may not have committed, but never half.
    void s1.call('POST', '/api/v1/units', { parentId: rootId, kind: 'cell', name: 'in flight', code: 'CRASH-X' }).catch(() => undefined);
    first.child.kill('SIGKILL');
    await waitExit(first.child);

    const second = await serve();
    const s2 = await session(second.url);
    const children = (await (await s2.call('GET', `/api/v1/units/${rootId}/children?limit=100`)).json()) as {
      items: Array<{ id: number; name: string }>;
    };
    const ids = children.items.map((u) => u.id);
    for (const id of created) expect(ids).toContain(id);
    expect(children.items.find((u) => u.id === created[3])?.name).toBe('크래시 세포 3');

    second.child.kill('SIGTERM');
    await waitExit(second.child);
    expect(second.child.exitCode).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    expect(fs.statSync(privateDir).mode & 0o777).toBe(0o700);
  }, 240_000);

  it('answers failed: interrupted for an import cut by kill -9, after the restart, with nothing imported', async () => {
    const first = await serve();
    const s1 = await session(first.url);
    const cell = (await (
      await s1.call('POST', '/api/v1/units', { parentId: s1.me.roots[0]!.id, kind: 'cell', name: 'Import cell', code: 'CRASH-IMPORT' })
    ).json()) as { id: number };
    const importId = randomUUID();
    // A streamed upload that is still sending when the process dies.
    const upload = http.request(`${first.url}/api/v1/units/${cell.id}/imports?importId=${importId}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', cookie: s1.cookie, 'x-csrf-token': s1.me.csrfToken },
    });
    upload.on('error', () => undefined);
    upload.write(`full_name,member_no\n${Array.from({ length: 500 }, (_, i) => `Crash Person ${i},CP-${i}\n`).join('')}`);
    await expect
      .poll(async () => {
        const status = (await (await s1.call('GET', `/api/v1/imports/${importId}`)).json()) as { status?: string; linesRead?: number };
        return status.status === 'running' && (status.linesRead ?? 0) > 0;
      })
      .toBe(true);
    first.child.kill('SIGKILL');
    await waitExit(first.child);
    upload.destroy();

    const second = await serve();
    const s2 = await session(second.url);
    const res = await s2.call('GET', `/api/v1/imports/${importId}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'failed', failure: 'interrupted', created: 0 });
    expect(((await (await s2.call('GET', `/api/v1/units/${cell.id}`)).json()) as { memberCount: number }).memberCount).toBe(0);
    second.child.kill('SIGTERM');
    await waitExit(second.child);
  }, 240_000);
});
