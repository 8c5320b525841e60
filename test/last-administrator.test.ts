/** The last active administrator grant cannot be taken away, neither by revoking it nor by erasure. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildAccount, buildPerson } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';

describe('the last administrator', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
  });
  afterAll(async () => {
    await t.close();
  });

  const adminGrantOf = async (accountId: number) =>
    (
      await t.ctx.db
        .selectFrom('grants')
        .select('id')
        .where('account_id', '=', accountId)
        .where('role', '=', 'admin')
        .where('revoked_at', 'is', null)
        .executeTakeFirstOrThrow()
    ).id;
  const activeAdmins = async () =>
    (await t.ctx.db.selectFrom('grants').select('id').where('role', '=', 'admin').where('revoked_at', 'is', null).execute()).length;

  it('cannot revoke their own grant: 409 with its own message, and the grant stays', async () => {
    const admin = await signIn(t.app, 'admin@test', 'secret-pass');
    const grantId = await adminGrantOf(org.accounts.admin.id);
    const res = await admin.delete(`/api/v1/grants/${grantId}`);
    expect(res.status).toBe(409);
    expect(res.body.error.messageKey).toBe('administrators.lastOne');
    expect((await admin.get('/api/v1/accounts')).status).toBe(200);
  });

  it('two administrators revoking their own grants at the same moment: one of them is refused', async () => {
    for (let round = 0; round < 5; round++) {
      const other = await buildAccount(t.ctx.db, { login: `second-admin-${round}@test`, grants: [{ role: 'admin', access: 'manage' }] });
      const first = await buildAccount(t.ctx.db, { login: `first-admin-${round}@test`, grants: [{ role: 'admin', access: 'manage' }] });
      // Leave exactly the two new administrators: the older ones go first, one at a time.
      const admin = await signIn(t.app, first.login, first.password);
      for (const g of await t.ctx.db
        .selectFrom('grants')
        .select(['id', 'account_id'])
        .where('role', '=', 'admin')
        .where('revoked_at', 'is', null)
        .execute()) {
        if (g.account_id !== first.id && g.account_id !== other.id) expect((await admin.delete(`/api/v1/grants/${g.id}`)).status).toBe(204);
      }
      const clients: Client[] = [admin, await signIn(t.app, other.login, other.password)];
      const grants = [await adminGrantOf(first.id), await adminGrantOf(other.id)];
      const statuses = await Promise.all(clients.map((c, i) => c.delete(`/api/v1/grants/${grants[i]}`).then((r) => r.status)));
      expect(statuses.sort()).toEqual([204, 409]);
      expect(await activeAdmins()).toBe(1);
    }
  });

  it('cannot be erased while their account holds the last administrator grant', async () => {
    const person = await buildPerson(t.ctx.db, org.cellA1b.id, { fullName: 'Only Admin' });
    const account = await buildAccount(t.ctx.db, {
      login: 'only-admin@test',
      personId: person.id,
      grants: [{ role: 'admin', access: 'manage' }],
    });
    const self = await signIn(t.app, account.login, account.password);
    for (const g of await t.ctx.db
      .selectFrom('grants')
      .select(['id', 'account_id'])
      .where('role', '=', 'admin')
      .where('revoked_at', 'is', null)
      .execute()) {
      if (g.account_id !== account.id) expect((await self.delete(`/api/v1/grants/${g.id}`)).status).toBe(204);
    }
    const res = await self.post(`/api/v1/people/${person.id}/erase`, {});
    expect(res.status).toBe(409);
    expect(res.body.error.messageKey).toBe('administrators.lastOne');
    const still = await t.ctx.db.selectFrom('people').select('full_name').where('id', '=', person.id).executeTakeFirstOrThrow();
    expect(still.full_name).toBe('Only Admin');
    expect(await activeAdmins()).toBe(1);
    // With a second administrator the erasure goes through.
    const next = await buildAccount(t.ctx.db, { login: 'next-admin@test', grants: [{ role: 'admin', access: 'manage' }] });
    expect((await self.post(`/api/v1/people/${person.id}/erase`, {})).status).toBe(204);
    expect(await adminGrantOf(next.id)).toBeGreaterThan(0);
  });
});
