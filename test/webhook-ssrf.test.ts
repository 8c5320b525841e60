/**
 * The webhook SSRF guard (decision 0018), with CELLWORK_WEBHOOK_ALLOW_PRIVATE off (the default): an
 * endpoint at localhost or a literal private address is refused on save; at send time a host name that
 * resolves to a private address is refused, and the delivery fails at once without a request being made.
 */
import http from 'node:http';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDueWebhooks } from '../src/server/modules/notifications/webhook-send.ts';
import { isPrivateAddress } from '../src/server/modules/notifications/address-guard.ts';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildAccount, buildCell, buildCommittee, buildPerson, buildRoot } from './helpers/factories.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let admin: Client;
let personId: number;

beforeAll(async () => {
  t = await createTestApp();
  expect(t.ctx.config.notifications.webhookAllowPrivate).toBe(false);
  const root = await buildRoot(t.ctx.db);
  const district = await buildCommittee(t.ctx.db, root, { name: 'District' });
  const cellId = (await buildCell(t.ctx.db, district.id, { name: 'Cell' })).id;
  personId = (await buildPerson(t.ctx.db, cellId, { fullName: 'Member Lee' })).id;
  const a = await buildAccount(t.ctx.db, { grants: [{ role: 'admin', access: 'manage' }] });
  admin = await signIn(t.app, a.login, a.password);
});
afterAll(async () => {
  await t?.close();
});

describe('webhook SSRF guard', () => {
  it('refuses localhost and literal private addresses on save, in create and update', async () => {
    for (const url of [
      'http://127.0.0.1/x',
      'http://127.1.2.3:8080/x',
      'http://10.1.2.3/x',
      'http://172.16.0.1/x',
      'http://192.168.1.1/x',
      'http://169.254.169.254/latest/meta-data',
      'http://0.0.0.0/x',
      'http://[::1]/x',
      'http://[::]/x',
      'http://[fd00::1]/x',
      'http://[fe80::1]/x',
      'http://[::ffff:127.0.0.1]/x',
      'http://localhost/x',
      'http://LOCALHOST.:9000/x',
      'http://api.localhost/x',
      'http://2130706433/x', // 127.0.0.1 as one number, which URL parsing normalises
    ]) {
      const res = await admin.post('/api/v1/webhooks', { url, eventKinds: ['demo'] });
      expect(res.status, url).toBe(400);
      expect(res.body.error, url).toMatchObject({ messageKey: 'webhook.privateAddress' });
    }
    const ok = await admin.post('/api/v1/webhooks', { url: 'http://93.184.216.34/hook', eventKinds: ['demo'] });
    expect(ok.status).toBe(201);
    const named = await admin.post('/api/v1/webhooks', { url: 'https://hooks.example.org/cellwork', eventKinds: ['demo'] });
    expect(named.status).toBe(201);
    const patched = await admin.request('PATCH', `/api/v1/webhooks/${ok.body.id}`, { url: 'http://[fc00::5]/x' });
    expect(patched.status).toBe(400);
    expect(patched.body.error).toMatchObject({ messageKey: 'webhook.privateAddress' });
    expect((await admin.get('/api/v1/webhooks')).body.items.map((w: { url: string }) => w.url)).toEqual([
      'http://93.184.216.34/hook',
      'https://hooks.example.org/cellwork',
    ]);
    // Clean up, so the sending test below sees only its own endpoint.
    for (const id of [ok.body.id, named.body.id]) expect((await admin.request('DELETE', `/api/v1/webhooks/${id}`)).status).toBe(204);
  });

  it('classifies addresses', () => {
    for (const ip of [
      '127.0.0.1',
      '10.0.0.1',
      '172.31.255.255',
      '192.168.0.1',
      '169.254.1.1',
      '0.0.0.0',
      '::1',
      '::',
      'fc00::1',
      'fdff::1',
      'fe80::1',
      '::ffff:7f00:1',
      '::ffff:10.0.0.1',
    ]) {
      expect(isPrivateAddress(ip), ip).toBe(true);
    }
    for (const ip of ['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:2800:220:1:248:1893:25c3:1946', '::ffff:5db8:d822']) {
      expect(isPrivateAddress(ip), ip).toBe(false);
    }
  });

  it('at send time, a host name resolving to a private address fails the delivery at once, with no request made', async () => {
    let requests = 0;
    const server = http.createServer((_req, res) => {
      requests++;
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as { port: number }).port;
      // As if saved before the guard, or a name that now resolves to the internal network: `localhost`
      // goes through the resolver like any name (the save-time check is bypassed by writing the row).
      await t.ctx.db
        .insertInto('webhook_endpoints')
        .values({ url: `http://localhost:${port}/hook`, secret: 'a-secret-of-enough-length', event_kinds: ['demo'] })
        .execute();
      const r = await t.ctx.db.transaction().execute((trx) =>
        t.ctx.notifier.notifyPeople(trx, {
          kind: 'demo',
          payload: { key: 'notifications.kinds.demo', params: { title: 'x' } },
          link: '/',
          personIds: [personId],
        }),
      );
      expect(r.webhookDeliveries).toBe(1);
      const run = await sendDueWebhooks(t.ctx.db, t.ctx.config, pino({ level: 'silent' }));
      expect(run).toMatchObject({ claimed: 1, sent: 0, failed: 1 });
      const rows = await t.ctx.db.selectFrom('webhook_deliveries').select(['state', 'attempts', 'last_error', 'last_status']).execute();
      expect(rows).toEqual([
        {
          state: 'failed',
          attempts: 1,
          last_error: expect.stringMatching(/^refused: localhost resolves to the private address (127\.0\.0\.1|::1)$/),
          last_status: null,
        },
      ]);
      // Failed for good: a second run claims nothing.
      expect(await sendDueWebhooks(t.ctx.db, t.ctx.config, pino({ level: 'silent' }))).toMatchObject({ claimed: 0 });
      expect(requests).toBe(0);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
