import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/server/access/actor.ts';
import { createGrant } from '../src/server/modules/accounts/service.ts';
import { createTestApp } from './helpers/app.ts';
import { anonymous, Client, signIn, withToken } from './helpers/client.ts';
import { buildAccount } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';

describe('sessions, CSRF and API tokens (throttling: sign-in-throttle.test.ts)', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
  });
  afterAll(async () => {
    await t.close();
  });

  it('signs in with a hardened cookie and shows the actor', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { login: 'SECRETARY@test', password: 'secret-pass' },
    });
    expect(res.statusCode).toBe(200);
    const cookie = String([res.headers['set-cookie']].flat()[0]);
    expect(cookie).toMatch(/^cw_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const me = JSON.parse(res.body);
    expect(me.account.login).toBe('secretary@test');
    expect(me.person.fullName).toBe('Secretary Kim');
    expect(me.cells).toEqual([{ id: org.cellA1a.id, name: 'Cell A1a', role: 'secretary' }]);
    expect(me.roots.map((r: { id: number }) => r.id)).toEqual([org.cellA1a.id]);
    expect(me.grants[0]).toMatchObject({ role: 'secretary', access: 'manage', unit: { id: org.cellA1a.id } });
  });

  it('stores only a hash of the session token', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { login: 'member@test', password: 'secret-pass' } });
    const token = String([res.headers['set-cookie']].flat()[0]).split(';')[0]!.split('=')[1]!;
    const rows = await sql<{
      n: number;
    }>`select count(*)::int as n from sessions where encode(token_hash, 'escape') like ${`%${token}%`}`.execute(t.ctx.db);
    expect(rows.rows[0]!.n).toBe(0);
  });

  it('answers a wrong password and an unknown login the same way', async () => {
    const a = await anonymous(t.app).post('/api/v1/session', { login: 'member@test', password: 'nope' });
    const b = await anonymous(t.app).post('/api/v1/session', { login: 'ghost@test', password: 'nope' });
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect(a.body).toEqual(b.body);
  });

  it('refuses a state-changing request without the CSRF header', async () => {
    const client = await signIn(t.app, 'region@test', 'secret-pass');
    const noCsrf = new Client(t.app, (client as unknown as { cookie: string }).cookie, null);
    const res = await noCsrf.patch(`/api/v1/units/${org.cellA1b.id}`, { name: 'Should not change' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_failed');
    const unit = await client.get(`/api/v1/units/${org.cellA1b.id}`);
    expect(unit.body.name).not.toBe('Should not change');
    const ok = await client.patch(`/api/v1/units/${org.cellA1b.id}`, { name: 'Cell A1b' });
    expect(ok.status).toBe(200);
  });

  it('signs out, and the cookie stops working', async () => {
    const client = await signIn(t.app, 'member@test', 'secret-pass');
    expect((await client.delete('/api/v1/session')).status).toBe(204);
    expect((await client.get('/api/v1/me')).status).toBe(401);
  });

  it('ends sessions after the idle timeout and the absolute lifetime', async () => {
    const client = await signIn(t.app, 'member@test', 'secret-pass');
    await t.ctx.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - t.ctx.config.sessionIdleMs - 1000) })
      .where('id', '=', await lastSessionId())
      .execute();
    expect((await client.get('/api/v1/me')).status).toBe(401);
    const again = await signIn(t.app, 'member@test', 'secret-pass');
    await t.ctx.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', await lastSessionId())
      .execute();
    expect((await again.get('/api/v1/me')).status).toBe(401);
  });

  async function lastSessionId(): Promise<number> {
    return (await t.ctx.db.selectFrom('sessions').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()).id;
  }

  it('changing the password ends the other sessions and keeps this one', async () => {
    const a = await buildAccount(t.ctx.db, {
      login: 'changer@test',
      password: 'first-pass',
      grants: [{ role: 'member', unitId: org.cellA1a.id }],
    });
    const one = await signIn(t.app, a.login, 'first-pass');
    const two = await signIn(t.app, a.login, 'first-pass');
    expect((await one.post('/api/v1/me/password', { currentPassword: 'first-pass', newPassword: 'second-pass' })).status).toBe(204);
    expect((await one.get('/api/v1/me')).status).toBe(200);
    expect((await two.get('/api/v1/me')).status).toBe(401);
    expect((await anonymous(t.app).post('/api/v1/session', { login: a.login, password: 'first-pass' })).status).toBe(401);
    await signIn(t.app, a.login, 'second-pass');
  });

  it('a revoked grant stops working on the next request', async () => {
    const a = await buildAccount(t.ctx.db, {
      login: 'temp-official@test',
      grants: [{ role: 'official', access: 'read', unitId: org.regionB.id }],
    });
    const client = await signIn(t.app, a.login, a.password);
    expect((await client.get(`/api/v1/units/${org.cellB1a.id}`)).status).toBe(200);
    const grant = await t.ctx.db.selectFrom('grants').select('id').where('account_id', '=', a.id).executeTakeFirstOrThrow();
    const admin = await signIn(t.app, 'admin@test', 'secret-pass');
    expect((await admin.delete(`/api/v1/grants/${grant.id}`)).status).toBe(204);
    expect((await client.get(`/api/v1/units/${org.cellB1a.id}`)).status).toBe(404);
  });

  it('API tokens authenticate without cookies or CSRF, and stop when revoked', async () => {
    const client = await signIn(t.app, 'region@test', 'secret-pass');
    const created = await client.post('/api/v1/me/tokens', { name: 'integration' });
    expect(created.status).toBe(201);
    const bot = withToken(t.app, created.body.token);
    expect((await bot.get('/api/v1/me')).body.account.login).toBe('region@test');
    expect((await bot.patch(`/api/v1/units/${org.cellA2a.id}`, { name: 'Cell A2a' })).status).toBe(200);
    expect((await bot.get(`/api/v1/units/${org.cellB1a.id}`)).status).toBe(404);
    const list = await client.get('/api/v1/me/tokens');
    expect(list.body.items.map((i: { name: string }) => i.name)).toContain('integration');
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);
    expect((await client.delete(`/api/v1/me/tokens/${created.body.id}`)).status).toBe(204);
    expect((await bot.get('/api/v1/me')).status).toBe(401);
  });

  it('an administrator grant reaches the whole tree, and only an administrator can give one', async () => {
    const region = await signIn(t.app, 'region@test', 'secret-pass');
    const someone = await buildAccount(t.ctx.db, { login: 'someone@test' });
    const res = await region.post(`/api/v1/accounts/${someone.id}/grants`, { role: 'admin' });
    expect(res.status).toBe(404);
    await createGrant(t.ctx.db, systemActor(), someone.id, { role: 'admin', access: 'manage' });
    const client = await signIn(t.app, someone.login, someone.password);
    expect((await client.get(`/api/v1/units/${org.cellB1a.id}`)).status).toBe(200);
  });
});
