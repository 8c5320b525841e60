/**
 * kill -9 of the app while the embedded PostgreSQL runs: the next start finds the orphaned server,
 * recovers, and no committed row is lost. Runs the real `cellwork` command in child processes.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin/cellwork.js');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cellwork-crash-'));
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
      if (m) { clearTimeout(timer); resolve({ child, url: m[1]!.replace('localhost', '127.0.0.1') }); }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited (${code}):\n${out}`)); });
  });
}

async function session(url: string) {
  const res = await fetch(`${url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'root@crash', password: 'crash-pass' }) });
  expect(res.status).toBe(200);
  const me = await res.json() as { csrfToken: string; roots: Array<{ id: number }> };
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const call = (method: string, p: string, body?: unknown) => fetch(`${url}${p}`, {
    method, headers: { cookie, 'x-csrf-token': me.csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined,
  });
  return { me, call };
}

const waitExit = (child: ChildProcess) => new Promise<void>((r) => (child.exitCode !== null || child.signalCode ? r() : child.once('exit', () => r())));

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && !c.signalCode) c.kill('SIGKILL');
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
    try { process.kill(pid, 'SIGQUIT'); } catch { /* already gone */ }
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('crash safety of the embedded database', () => {
  it('keeps every committed row across kill -9 and stops cleanly on SIGTERM', async () => {
    const admin = spawnSync(process.execPath, [bin, 'create-admin', '--login', 'root@crash', '--password', 'crash-pass', '--organization', 'Crash Test'], { cwd: root, env, encoding: 'utf8' });
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
    const children = await (await s2.call('GET', `/api/v1/units/${rootId}/children?limit=100`)).json() as { items: Array<{ id: number; name: string }> };
    const ids = children.items.map((u) => u.id);
    for (const id of created) expect(ids).toContain(id);
    expect(children.items.find((u) => u.id === created[3])?.name).toBe('크래시 세포 3');

    second.child.kill('SIGTERM');
    await waitExit(second.child);
    expect(second.child.exitCode).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 240_000);
});
