/** Notifications in-app: notify inside a transaction, the member's list and settings, bad input. */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { purgeSent } from '../src/server/modules/notifications/jobs.ts';
import { MAIL_TEXTS } from '../src/server/modules/notifications/mail-text.ts';
import en from '../src/web/i18n/en.json' with { type: 'json' };
import ko from '../src/web/i18n/ko.json' with { type: 'json' };
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildAccount, buildCell, buildCommittee, buildPerson, buildRoot } from './helpers/factories.ts';

const demo = (title: string) => ({ kind: 'demo', payload: { key: 'notifications.kinds.demo', params: { title } }, link: '/' });

describe('notifications in the app', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let cellId: number;
  let lee: { id: number };
  let park: { id: number };
  let leeClient: Client;
  let parkClient: Client;
  let admin: Client;

  beforeAll(async () => {
    // Mail configured (nothing listens there: these tests never run the sender), so mail rows are queued.
    t = await createTestApp({ env: { SMTP_URL: 'smtp://127.0.0.1:9', MAIL_FROM: 'cellwork@test' } });
    const db = t.ctx.db;
    const root = await buildRoot(db);
    const district = await buildCommittee(db, root, { name: 'District' });
    cellId = (await buildCell(db, district.id, { name: 'Cell' })).id;
    lee = await buildPerson(db, cellId, { fullName: 'Member Lee', email: 'lee@example.org' });
    park = await buildPerson(db, cellId, { fullName: 'Member Park', email: 'park@example.org' });
    await buildPerson(db, cellId, { fullName: 'Member Noemail' });
    const a = await buildAccount(db, { personId: lee.id, grants: [{ role: 'member', unitId: cellId }] });
    const b = await buildAccount(db, { personId: park.id, grants: [{ role: 'member', unitId: cellId }] });
    const c = await buildAccount(db, { grants: [{ role: 'admin', access: 'manage' }] });
    leeClient = await signIn(t.app, a.login, a.password);
    parkClient = await signIn(t.app, b.login, b.password);
    admin = await signIn(t.app, c.login, c.password);
  });
  afterAll(() => t.close());

  it('nothing is notified when the caller rolls back; everything when it commits', async () => {
    await expect(
      t.ctx.db.transaction().execute(async (trx) => {
        await t.ctx.notifier.notifyPeople(trx, { ...demo('rolled back'), personIds: [lee.id] });
        throw new Error('the write fails');
      }),
    ).rejects.toThrow('the write fails');
    expect((await leeClient.get('/api/v1/me/notifications')).body).toEqual({ items: [], nextCursor: null, unread: 0 });

    const result = await t.ctx.db
      .transaction()
      .execute((trx) => t.ctx.notifier.notifyPeople(trx, { ...demo('First'), personIds: [lee.id, park.id, lee.id] }));
    expect(result).toMatchObject({ notified: 2, mailed: 2, webhookDeliveries: 0 });
    const list = await leeClient.get('/api/v1/me/notifications');
    expect(list.status).toBe(200);
    expect(list.body.unread).toBe(1);
    expect(list.body.items).toEqual([
      {
        id: result.eventId,
        kind: 'demo',
        payload: { key: 'notifications.kinds.demo', params: { title: 'First' } },
        link: '/',
        createdAt: expect.any(String),
        readAt: null,
      },
    ]);
  });

  it('notifyWhere takes a select of person ids and inserts set-based; a dedupe key makes a re-run notify nobody twice', async () => {
    const members = t.ctx.db.selectFrom('memberships').select('person_id').where('cell_id', '=', cellId).where('to_date', 'is', null);
    const run = () =>
      t.ctx.db
        .transaction()
        .execute((trx) => t.ctx.notifier.notifyWhere(trx, { ...demo('Everyone'), dedupeKey: 'everyone-1', recipients: members }));
    const first = await run();
    expect(first).toMatchObject({ notified: 3, mailed: 2 }); // the member without an address gets no mail
    const again = await run();
    expect(again).toMatchObject({ eventId: first.eventId, notified: 0, mailed: 0 });
    const { n } = await t.ctx.db
      .selectFrom('notifications')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('event_id', '=', first.eventId)
      .executeTakeFirstOrThrow();
    expect(n).toBe(3);
  });

  it('lists unread first, pages with a cursor, marks one and all read; another member’s notification is a 404', async () => {
    const ids: number[] = [];
    for (const title of ['A', 'B', 'C']) {
      ids.push(
        (await t.ctx.db.transaction().execute((trx) => t.ctx.notifier.notifyPeople(trx, { ...demo(title), personIds: [park.id] }))).eventId,
      );
    }
    const before = await parkClient.get('/api/v1/me/notifications');
    const oldest = before.body.items.at(-1).id as number;
    expect((await parkClient.post(`/api/v1/me/notifications/${ids[2]}/read`)).body).toEqual({ marked: 1, unread: before.body.unread - 1 });
    // Read again: idempotent.
    expect((await parkClient.post(`/api/v1/me/notifications/${ids[2]}/read`)).status).toBe(200);
    expect((await leeClient.post(`/api/v1/me/notifications/${ids[1]}/read`)).status).toBe(404);

    const seen: Array<{ id: number; readAt: string | null }> = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: typeof seen; nextCursor: string | null } } = await parkClient.get(
        `/api/v1/me/notifications?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.map((s) => s.id)).toEqual([
      ids[1],
      ids[0],
      ...before.body.items.map((i: { id: number }) => i.id).filter((id: number) => !ids.includes(id)),
      ids[2],
    ]);
    expect(seen.findIndex((s) => s.readAt !== null)).toBe(seen.length - 1);
    expect(oldest).toBeLessThan(ids[0]!);

    const all = await parkClient.post('/api/v1/me/notifications/read-all');
    expect(all.body).toEqual({ marked: before.body.unread - 1, unread: 0 });
    expect((await parkClient.get('/api/v1/me/notifications?unreadOnly=true')).body).toMatchObject({ items: [], unread: 0 });
  });

  it('a member opts out of mail: notified in the app, no mail queued', async () => {
    expect((await leeClient.get('/api/v1/me/notification-settings')).body).toEqual({
      emailOptOut: false,
      language: null,
      email: 'lee@example.org',
      mailEnabled: true,
    });
    const put = await leeClient.request('PUT', '/api/v1/me/notification-settings', { emailOptOut: true, language: 'ko' });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ emailOptOut: true, language: 'ko' });
    const r = await t.ctx.db
      .transaction()
      .execute((trx) => t.ctx.notifier.notifyPeople(trx, { ...demo('Quiet'), personIds: [lee.id, park.id] }));
    expect(r).toMatchObject({ notified: 2, mailed: 1 });
    const mail = await t.ctx.db.selectFrom('mail_outbox').select('person_id').where('event_id', '=', r.eventId).execute();
    expect(mail).toEqual([{ person_id: park.id }]);
    await leeClient.request('PUT', '/api/v1/me/notification-settings', { emailOptOut: false });
    expect((await leeClient.get('/api/v1/me/notification-settings')).body).toMatchObject({ emailOptOut: false, language: 'ko' });
  });

  it('bad input is a clear 4xx', async () => {
    expect((await leeClient.get('/api/v1/me/notifications?cursor=garbage')).status).toBe(400);
    expect((await leeClient.get('/api/v1/me/notifications?limit=0')).status).toBe(400);
    expect((await leeClient.post('/api/v1/me/notifications/abc/read')).status).toBe(400);
    expect((await leeClient.request('PUT', '/api/v1/me/notification-settings', { emailOptOut: 'no' })).status).toBe(400);
    expect((await leeClient.request('PUT', '/api/v1/me/notification-settings', { emailOptOut: true, language: 'fr' })).status).toBe(400);
    for (const url of ['ftp://example.org/hook', 'javascript:alert(1)', 'not a url', '']) {
      const res = await admin.post('/api/v1/webhooks', { url });
      expect(res.status, url).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect((await admin.post('/api/v1/webhooks', { url: 'https://example.org/h', secret: 'short' })).status).toBe(400);
    expect((await admin.post('/api/v1/webhooks', { url: 'https://example.org/h', eventKinds: ['Bad Kind'] })).status).toBe(400);
    expect((await admin.patch('/api/v1/webhooks/999999', { enabled: false })).status).toBe(404);
  });

  it('webhook endpoints: the secret is shown once, then never; changes are audited', async () => {
    const created = await admin.post('/api/v1/webhooks', {
      url: 'https://sms.example.org/hook',
      eventKinds: ['demo'],
      description: 'SMS gateway',
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    const list = await admin.get('/api/v1/webhooks');
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: created.body.id, url: 'https://sms.example.org/hook', eventKinds: ['demo'] }),
    ]);
    expect(JSON.stringify(list.body)).not.toContain(created.body.secret);
    const off = await admin.patch(`/api/v1/webhooks/${created.body.id}`, { enabled: false });
    expect(off.body).not.toHaveProperty('secret');
    const rotated = await admin.patch(`/api/v1/webhooks/${created.body.id}`, { rotateSecret: true });
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.body.secret);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity', '=', 'webhook')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['webhook.create', 'webhook.update', 'webhook.update']);
    expect(JSON.stringify(audit)).not.toContain(created.body.secret);
    expect((await admin.delete(`/api/v1/webhooks/${created.body.id}`)).status).toBe(204);
    expect((await admin.delete(`/api/v1/webhooks/${created.body.id}`)).status).toBe(404);
  });

  it('webhook deliveries carry their recipients in pages of 500, only to endpoints subscribed to the kind', async () => {
    const hook = await admin.post('/api/v1/webhooks', { url: 'https://sms.example.org/pages', eventKinds: ['demo.pages'] });
    await admin.post('/api/v1/webhooks', { url: 'https://sms.example.org/other', eventKinds: ['other'] });
    const r = await t.ctx.db.transaction().execute((trx) =>
      t.ctx.notifier.notifyWhere(trx, {
        kind: 'demo.pages',
        payload: { key: 'notifications.kinds.demo', params: { title: 'Pages' } },
        recipients: sql<{ person_id: number }>`select generate_series(900001, 901001) as person_id`,
      }),
    );
    expect(r).toMatchObject({ notified: 1001, webhookDeliveries: 3 });
    const { rows } = await sql<{ endpoint_id: number; n: number; first: number; last: number }>`
      select endpoint_id, cardinality(recipient_ids) as n, recipient_ids[1] as first, recipient_ids[cardinality(recipient_ids)] as last
      from webhook_deliveries where event_id = ${r.eventId} order by first`.execute(t.ctx.db);
    expect(rows).toEqual([
      { endpoint_id: hook.body.id, n: 500, first: 900001, last: 900500 },
      { endpoint_id: hook.body.id, n: 500, first: 900501, last: 901000 },
      { endpoint_id: hook.body.id, n: 1, first: 901001, last: 901001 },
    ]);
    await admin.delete(`/api/v1/webhooks/${hook.body.id}`);
  });

  it('the administrator sees the sending state; the mail queued above waits there', async () => {
    const res = await admin.get('/api/v1/notifications/sending');
    expect(res.status).toBe(200);
    expect(res.body.mail).toMatchObject({ enabled: true, sent: 0, failed: 0 });
    expect(res.body.mail.queued).toBeGreaterThan(0);
    expect((await leeClient.get('/api/v1/notifications/sending')).status).toBe(404);
  });

  it('sent mail older than 30 days is purged; recent and failed mail stays', async () => {
    const r = await t.ctx.db
      .transaction()
      .execute((trx) => t.ctx.notifier.notifyPeople(trx, { ...demo('Old'), personIds: [lee.id, park.id] }));
    const rows = await t.ctx.db
      .selectFrom('mail_outbox')
      .select(['id', 'person_id'])
      .where('event_id', '=', r.eventId)
      .orderBy('id')
      .execute();
    expect(rows).toHaveLength(2);
    await t.ctx.db
      .updateTable('mail_outbox')
      .set({ state: 'sent', sent_at: sql<Date>`now() - interval '40 days'` })
      .where('id', '=', rows[0]!.id)
      .execute();
    await t.ctx.db.updateTable('mail_outbox').set({ state: 'failed', last_error: 'x' }).where('id', '=', rows[1]!.id).execute();
    await purgeSent.handle({}, { db: t.ctx.db, log: pino({ level: 'silent' }) });
    const left = await t.ctx.db.selectFrom('mail_outbox').select('id').where('event_id', '=', r.eventId).execute();
    expect(left).toEqual([{ id: rows[1]!.id }]);
  });

  it('every kind that has mail texts is also in both web catalogs, with the same params', () => {
    const lookup = (catalog: object, key: string) =>
      key.split('.').reduce<unknown>((o, p) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[p] : undefined), catalog);
    const params = (text: string) =>
      [...text.matchAll(/\{\{(\w+)\}\}/g)]
        .map((m) => m[1])
        .filter((p) => p !== 'name')
        .sort();
    for (const [key, texts] of Object.entries(MAIL_TEXTS)) {
      for (const [language, catalog] of Object.entries({ en, ko })) {
        const web = lookup(catalog, key);
        expect(typeof web, `${key} in ${language}.json`).toBe('string');
        expect(params(String(web)), `${key} params in ${language}.json`).toEqual(
          params(texts[language as 'en' | 'ko'].subject + texts[language as 'en' | 'ko'].body).filter((p, i, a) => a.indexOf(p) === i),
        );
      }
    }
  });

  it('a person’s export carries their notifications, settings and mail; erasing them removes all three', async () => {
    const count = async (table: 'notifications' | 'mail_outbox' | 'notification_preferences') =>
      (
        await t.ctx.db
          .selectFrom(table)
          .select(sql<number>`count(*)::int`.as('n'))
          .where('person_id', '=', park.id)
          .executeTakeFirstOrThrow()
      ).n;
    await parkClient.request('PUT', '/api/v1/me/notification-settings', { emailOptOut: false, language: 'en' });
    await t.ctx.db.transaction().execute((trx) => t.ctx.notifier.notifyPeople(trx, { ...demo('Before erasure'), personIds: [park.id] }));
    expect(await count('notifications')).toBeGreaterThan(0);
    expect(await count('mail_outbox')).toBeGreaterThan(0);
    expect(await count('notification_preferences')).toBe(1);
    const exported = (await parkClient.get('/api/v1/me/export')).body.notifications;
    expect(exported.settings).toMatchObject({ email_opt_out: false, language: 'en' });
    expect(exported.notifications.map((n: { payload: { params: { title: string } } }) => n.payload.params.title)).toContain(
      'Before erasure',
    );
    expect(exported.mail).toContainEqual(expect.objectContaining({ to_address: 'park@example.org', state: 'queued' }));
    expect((await admin.post(`/api/v1/people/${park.id}/erase`)).status).toBe(204);
    expect([await count('notifications'), await count('mail_outbox'), await count('notification_preferences')]).toEqual([0, 0, 0]);
  });
});
