/**
 * Sending, end to end on the real job queue: mail to a real SMTP server in this process (never a mock
 * transport), a server that is down (queued, retried, delivered when it is back), the opt-out, no
 * duplicate when senders run again or at once; webhooks to a local HTTP server that checks the signature.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/server/config.ts';
import { createContext, type AppContext } from '../src/server/context.ts';
import { buildApp } from '../src/server/http/app.ts';
import { sendDueMail } from '../src/server/modules/notifications/mail.ts';
import type { TestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { createTestDatabase } from './helpers/database.ts';
import { buildAccount, buildCell, buildCommittee, buildPerson, buildRoot } from './helpers/factories.ts';
import { TestMailServer } from './helpers/smtp.ts';

const log = pino({ level: 'silent' });
const demo = (title: string) => ({ kind: 'demo', payload: { key: 'notifications.kinds.demo', params: { title } }, link: '/' });
const waitLong = { timeout: 60_000, interval: 250 };

describe('sending notifications', () => {
  const smtp = new TestMailServer();
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let ctx: AppContext;
  let app: TestApp;
  let admin: Client;
  let cellId: number;
  const people: Record<string, { id: number; email: string | null }> = {};

  const notify = (title: string, names: string[]) =>
    ctx.db.transaction().execute((trx) => ctx.notifier.notifyPeople(trx, { ...demo(title), personIds: names.map((n) => people[n]!.id) }));
  const sending = async () => (await admin.get('/api/v1/notifications/sending')).body;

  beforeAll(async () => {
    await smtp.start();
    database = await createTestDatabase();
    const config = loadConfig({
      CELLWORK_LOG_LEVEL: 'silent',
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: 'Cellwork <cellwork@test>',
      CELLWORK_PUBLIC_URL: 'https://cellwork.example.org/',
      CELLWORK_NOTIFY_RETRY_SECONDS: '1',
      CELLWORK_MAIL_BATCH: '5',
      CELLWORK_WEBHOOK_TIMEOUT_SECONDS: '1',
      // The webhook test's receiver listens on 127.0.0.1, which the SSRF guard refuses by default.
      CELLWORK_WEBHOOK_ALLOW_PRIVATE: 'true',
    });
    ctx = await createContext(config, { connection: database.connection, log });
    app = (await buildApp(ctx, { logger: false })) as TestApp;
    await app.ready();
    const root = await buildRoot(ctx.db);
    const district = await buildCommittee(ctx.db, root, { name: 'District' });
    cellId = (await buildCell(ctx.db, district.id, { name: 'Cell' })).id;
    for (const name of ['Lee', 'Kim', 'Quiet', 'Many', 'Gone']) {
      const email = `${name.toLowerCase()}@example.org`;
      people[name] = { ...(await buildPerson(ctx.db, cellId, { fullName: `Member ${name}`, email })), email };
    }
    for (const [name, settings] of [
      ['Kim', { emailOptOut: false, language: 'ko' }],
      ['Quiet', { emailOptOut: true }],
    ] as const) {
      const a = await buildAccount(ctx.db, { personId: people[name]!.id, grants: [{ role: 'member', unitId: cellId }] });
      const c = await signIn(app, a.login, a.password);
      expect((await c.request('PUT', '/api/v1/me/notification-settings', settings)).status).toBe(200);
    }
    const a = await buildAccount(ctx.db, { grants: [{ role: 'admin', access: 'manage' }] });
    admin = await signIn(app, a.login, a.password);
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.close();
    await database?.drop();
    await smtp.stop();
  });

  it('mail arrives through SMTP, in each member’s language; an opted-out member gets none', async () => {
    const r = await notify('Meeting on Friday', ['Lee', 'Kim', 'Quiet']);
    expect(r).toMatchObject({ notified: 3, mailed: 2 });
    await expect.poll(() => smtp.received.length, waitLong).toBe(2);
    const [lee] = smtp.to('lee@example.org');
    expect(lee?.subject).toBe('Cellwork: Meeting on Friday');
    expect(lee?.body).toContain('Hello Member Lee');
    expect(lee?.body).toContain('https://cellwork.example.org/');
    const [kim] = smtp.to('kim@example.org');
    expect(kim?.subject).toBe('Cellwork 알림: Meeting on Friday');
    expect(kim?.body).toContain('Member Kim 님, 안녕하십니까.');
    expect(kim?.body).toContain('Cellwork에서 보낸 시험 알림입니다.');
    expect(smtp.to('quiet@example.org')).toEqual([]);
    await expect.poll(async () => (await sending()).mail, waitLong).toMatchObject({ enabled: true, sent: 2, queued: 0, failed: 0 });
  });

  it('a mail server that is down leaves mail queued and retried, and it is delivered when the server is back', async () => {
    const port = smtp.port;
    await smtp.stop();
    await notify('While the server was down', ['Lee']);
    // Retried with backoff, each failure recorded: the administrator's view shows it waiting and why.
    type Mail = { queued: number; lastErrors: Array<{ state: string; attempts: number; error: string }> };
    await expect
      .poll(async () => (await sending()).mail as Mail, waitLong)
      .toSatisfy((m: Mail) => m.queued === 1 && (m.lastErrors[0]?.attempts ?? 0) >= 2);
    const waiting = (await sending()).mail as Mail;
    expect(waiting.lastErrors[0]).toMatchObject({ state: 'queued', error: expect.stringMatching(/ECONNREFUSED|ECONNECTION/) });
    await smtp.start(port);
    await expect.poll(() => smtp.to('lee@example.org').length, waitLong).toBe(2);
    const mail = await sending();
    expect(mail.mail).toMatchObject({ sent: 3, queued: 0, failed: 0 });
    expect(smtp.to('lee@example.org')[1]?.subject).toBe('Cellwork: While the server was down');
  });

  it('senders running again, or several at once, send each message exactly once', async () => {
    const before = smtp.received.length;
    // Twelve messages; senders take five at a time, three of them at once, again and again.
    const events = [];
    for (let i = 0; i < 4; i++) events.push((await notify(`Batch ${i}`, ['Lee', 'Kim', 'Many'])).eventId);
    const rounds = [];
    for (let i = 0; i < 4; i++) rounds.push(await Promise.all([1, 2, 3].map(() => sendDueMail(ctx.db, ctx.config, log))));
    await expect.poll(() => smtp.received.length - before, waitLong).toBe(12);
    // And once more after everything went: nothing is sent again.
    expect(await sendDueMail(ctx.db, ctx.config, log)).toEqual({ sent: 0, failed: 0, claimed: 0 });
    const ids = smtp.received.slice(before).map((m) => m.messageId);
    expect(new Set(ids).size).toBe(12);
    const rows = await ctx.db.selectFrom('mail_outbox').select(['state', 'attempts']).where('event_id', 'in', events).execute();
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => r.state === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('an address the mail server refuses for good (550) is marked failed at once, with the reason; an administrator can queue it again', async () => {
    smtp.refused.add('gone@example.org');
    const r = await notify('To a closed mailbox', ['Gone']);
    expect(r.mailed).toBe(1);
    await expect
      .poll(
        () => ctx.db.selectFrom('mail_outbox').select(['state', 'attempts', 'last_error']).where('event_id', '=', r.eventId).execute(),
        waitLong,
      )
      .toEqual([{ state: 'failed', attempts: 1, last_error: expect.stringContaining('550') }]);
    const mail = (await sending()).mail;
    expect(mail.failed).toBe(1);
    expect(mail.lastErrors[0]).toMatchObject({ state: 'failed', error: expect.stringContaining('No such mailbox') });
    expect(smtp.to('gone@example.org')).toEqual([]);

    // The mailbox opens again; the administrator queues the failed mail again, and it goes.
    smtp.refused.delete('gone@example.org');
    expect((await admin.post('/api/v1/notifications/sending/retry', { channel: 'mail' })).body).toEqual({ requeued: 1 });
    await expect.poll(() => smtp.to('gone@example.org').length, waitLong).toBe(1);
    expect((await admin.post('/api/v1/notifications/sending/retry', { channel: 'mail' })).body).toEqual({ requeued: 0 });
    expect((await admin.post('/api/v1/notifications/sending/retry', { channel: 'sms' })).status).toBe(400);
  });

  it('webhooks: a signed POST, retried after a timeout and a non-2xx answer, with the recipients', async () => {
    const got: Array<{ status: number | 'hang'; body: string; signature: string; timestamp: string; event: string }> = [];
    // The endpoint first does not answer at all (a timeout), then refuses (500), then accepts.
    const answers: Array<number | 'hang'> = ['hang', 500];
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const answer = answers.shift() ?? 204;
        got.push({
          status: answer,
          body: Buffer.concat(chunks).toString('utf8'),
          signature: String(req.headers['x-cellwork-signature']),
          timestamp: String(req.headers['x-cellwork-timestamp']),
          event: String(req.headers['x-cellwork-event']),
        });
        if (answer !== 'hang') res.writeHead(answer).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`;
      const created = await admin.post('/api/v1/webhooks', { url, eventKinds: ['demo'] });
      expect(created.status).toBe(201);
      await admin.post('/api/v1/webhooks', { url: `${url}/other`, eventKinds: ['something.else'] });
      const r = await notify('To the gateway', ['Lee', 'Kim']);
      expect(r.webhookDeliveries).toBe(1);
      await expect.poll(() => got.length, waitLong).toBe(3);
      await expect.poll(async () => (await sending()).webhooks, waitLong).toMatchObject({ sent: 1, queued: 0, failed: 0 });
      for (const g of got) {
        const expected = `sha256=${createHmac('sha256', created.body.secret).update(g.body).digest('hex')}`;
        expect(g.signature).toBe(expected);
        expect(JSON.parse(g.body).timestamp).toBe(Number(g.timestamp));
        expect(g.event).toBe('demo');
      }
      const body = JSON.parse(got[2]!.body);
      expect(body.event).toMatchObject({
        id: r.eventId,
        kind: 'demo',
        payload: { key: 'notifications.kinds.demo', params: { title: 'To the gateway' } },
      });
      expect(body.recipients.map((p: { personId: number }) => p.personId)).toEqual([people.Lee!.id, people.Kim!.id].sort((a, b) => a - b));
      expect(got.map((g) => g.status)).toEqual(['hang', 500, 204]);
      const errors = await ctx.db.selectFrom('webhook_deliveries').select(['state', 'attempts', 'last_status']).execute();
      expect(errors).toEqual([{ state: 'sent', attempts: 3, last_status: 204 }]);
      // A wrong secret does not verify.
      expect(createHmac('sha256', 'not-the-secret').update(got[2]!.body).digest('hex')).not.toBe(got[2]!.signature.slice(7));
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
