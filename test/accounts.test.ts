/** Accounts as administrators see them, whom a manager may grant roles to, and tokens after a password change. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../src/shared/schemas/accounts.ts';
import { createTestApp } from './helpers/app.ts';
import { signIn, withToken, type Client } from './helpers/client.ts';
import { buildAccount, buildPerson } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';

describe('accounts', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
  });
  afterAll(async () => {
    await t.close();
  });

  const listed = async (client: Client) => (await client.get('/api/v1/accounts?limit=500')).body.items as Account[];

  it("the list names every account: its person's name, else its login", async () => {
    const items = await listed(await signIn(t.app, 'admin@test', 'secret-pass'));
    expect(items.find((a) => a.login === 'secretary@test')).toMatchObject({
      name: 'Secretary Kim',
      personName: 'Secretary Kim',
      personId: org.S.id,
    });
    expect(items.find((a) => a.login === 'admin@test')).toMatchObject({ name: 'admin@test', personName: null, personId: null });
  });

  it("does not name a person outside the manager's subtree", async () => {
    const elsewhere = await buildPerson(t.ctx.db, org.cellB1a.id, { fullName: 'Official From B' });
    await buildAccount(t.ctx.db, {
      login: 'official-b@test',
      personId: elsewhere.id,
      grants: [{ role: 'official', access: 'read', unitId: org.districtA1.id }],
    });
    const items = await listed(await signIn(t.app, 'region@test', 'secret-pass'));
    expect(items.find((a) => a.login === 'official-b@test')).toMatchObject({ name: 'official-b@test', personName: null });
    expect(items.find((a) => a.login === 'member@test')).toMatchObject({ name: 'Member Lee' });
  });

  it('a secretary grants roles only to accounts of their own subtree; any other id is the same 404 as none', async () => {
    const secretary = await signIn(t.app, 'secretary@test', 'secret-pass');
    const grant = (accountId: number) => secretary.post(`/api/v1/accounts/${accountId}/grants`, { role: 'member', unitId: org.cellA1a.id });
    const missing = await grant(9_999_999);
    expect(missing.status).toBe(404);
    for (const existing of [org.accounts.outsider.id, org.accounts.admin.id, org.accounts.regionManager.id]) {
      const res = await grant(existing);
      expect({ status: res.status, body: res.body }).toEqual({ status: missing.status, body: missing.body });
    }
    const onRoll = await buildAccount(t.ctx.db, { login: 'park@test', personId: org.P.id });
    expect((await grant(onRoll.id)).status).toBe(201);
  });

  it('a password change ends the other sessions but not the API tokens', async () => {
    const a = await buildAccount(t.ctx.db, {
      login: 'integrator@test',
      password: 'first-pass',
      grants: [{ role: 'member', unitId: org.cellA1a.id }],
    });
    const one = await signIn(t.app, a.login, 'first-pass');
    const two = await signIn(t.app, a.login, 'first-pass');
    const token = (await one.post('/api/v1/me/tokens', { name: 'nightly export' })).body.token as string;
    expect((await one.post('/api/v1/me/password', { currentPassword: 'first-pass', newPassword: 'second-pass' })).status).toBe(204);
    expect((await two.get('/api/v1/me')).status).toBe(401);
    expect((await withToken(t.app, token).get('/api/v1/me')).body.account.login).toBe(a.login);
    expect((await one.get('/api/v1/me/tokens')).body.items.map((i: { name: string }) => i.name)).toEqual(['nightly export']);
  });
});
