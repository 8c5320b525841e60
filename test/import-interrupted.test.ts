/**
 * An import whose process is gone reads `failed` with `failure: interrupted`, on GET and after the next
 * start, while a live import is never taken for a dead one, even when another server process starts
 * on the same database. The real kill -9 of a streaming import is in crash.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/server/config.ts';
import { createContext } from '../src/server/context.ts';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildCell } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';

describe('imports cut short by a dead process', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let region: Client;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    region = await signIn(t.app, 'region@test', 'secret-pass');
  });
  afterAll(async () => {
    await t.close();
  });

  const memberCount = async (cellId: number) => (await region.get(`/api/v1/units/${cellId}`)).body.memberCount as number;
  /** The row a server process leaves behind when it dies mid-import: running, and nobody holds it. */
  const orphanedImport = async (cellId: number) => {
    const id = randomUUID();
    await t.ctx.db
      .insertInto('imports')
      .values({
        id,
        unit_id: cellId,
        account_id: org.accounts.regionManager.id,
        status: 'running',
        lines_read: 40,
        bytes_read: 900,
      })
      .execute();
    return id;
  };

  it('answers failed: interrupted for a running import whose process is gone', async () => {
    const cell = await buildCell(t.ctx.db, org.districtA2.id);
    const id = await orphanedImport(cell.id);
    const res = await region.get(`/api/v1/imports/${id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, status: 'failed', failure: 'interrupted', created: 0, linesRead: 40 });
    expect(await memberCount(cell.id)).toBe(0);
    expect((await region.get(`/api/v1/imports/${id}`)).body.status).toBe('failed'); // and stays so
  });

  it('marks such imports at the next start', async () => {
    const cell = await buildCell(t.ctx.db, org.districtA2.id);
    const id = await orphanedImport(cell.id);
    const restarted = await createContext(loadConfig({ CELLWORK_LOG_LEVEL: 'silent' }), {
      connection: t.ctx.connection,
      jobs: false,
      log: pino({ level: 'silent' }),
    });
    await restarted.close();
    const row = await t.ctx.db
      .selectFrom('imports')
      .select(['status', 'failure', 'finished_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'failed', failure: 'interrupted' });
    expect(row.finished_at).not.toBeNull();
  });

  it('keeps a live import running while another server process starts on the same database, then finishes it', async () => {
    const cell = await buildCell(t.ctx.db, org.districtA2.id);
    const id = randomUUID().toUpperCase(); // a client may write the uuid in capitals: still the same import
    const body = new PassThrough();
    body.write('full_name,member_no\n김하나,IMP-1\n');
    const upload = region.request('POST', `/api/v1/units/${cell.id}/imports?importId=${id}`, body, { 'content-type': 'text/csv' });
    await expect.poll(async () => (await region.get(`/api/v1/imports/${id}`)).body.status).toBe('running');

    const other = await createContext(loadConfig({ CELLWORK_LOG_LEVEL: 'silent' }), {
      connection: t.ctx.connection,
      jobs: false,
      log: pino({ level: 'silent' }),
    });
    await other.close();
    expect((await region.get(`/api/v1/imports/${id}`)).body).toMatchObject({ status: 'running', failure: null });

    body.end('이두리,IMP-2\n');
    const done = await upload;
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', created: 2, failure: null });
    expect(await memberCount(cell.id)).toBe(2);
  });

  it('refuses a second import under the id of one that is running', async () => {
    const cell = await buildCell(t.ctx.db, org.districtA2.id);
    const id = randomUUID();
    const body = new PassThrough();
    body.write('full_name\nOne\n');
    const first = region.request('POST', `/api/v1/units/${cell.id}/imports?importId=${id}`, body, { 'content-type': 'text/csv' });
    await expect.poll(async () => (await region.get(`/api/v1/imports/${id}`)).status).toBe(200);
    const second = await region.request('POST', `/api/v1/units/${cell.id}/imports?importId=${id}`, 'full_name\nTwo\n', {
      'content-type': 'text/csv',
    });
    expect(second.status).toBe(409);
    body.end();
    expect((await first).body).toMatchObject({ status: 'done', created: 1 });
  });
});
