/**
 * Calendar feeds last only as long as their owner may read what they show (decision 0014): revoked
 * when the owner loses the grant or is erased, and refused on every fetch once the owner is disabled
 * or can no longer read the cell.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './helpers/app.ts';
import { anonymous, signIn, type Client } from './helpers/client.ts';
import { buildAccount, buildMeeting, buildPerson } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';

describe('calendar feeds follow their owner', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    admin = await signIn(t.app, 'admin@test', 'secret-pass');
    await buildMeeting(t.ctx.db, org.cellA1a.id);
  });
  afterAll(async () => {
    await t.close();
  });

  const fetchFeed = async (url: string) => anonymous(t.app).get(url);
  const revokedAt = async (url: string) => {
    const { hashToken } = await import('../src/server/http/auth.ts');
    const token = url.split('/').at(-1)!.slice(0, -4);
    return (
      await t.ctx.db.selectFrom('calendar_feeds').select('revoked_at').where('token_hash', '=', hashToken(token)).executeTakeFirstOrThrow()
    ).revoked_at;
  };
  /** A member of cell A1a with an account, signed in, and their personal and cell feeds. */
  const memberWithFeeds = async () => {
    const person = await buildPerson(t.ctx.db, org.cellA1a.id);
    const account = await buildAccount(t.ctx.db, { personId: person.id, grants: [{ role: 'member', unitId: org.cellA1a.id }] });
    const client = await signIn(t.app, account.login, account.password);
    const personal = (await client.post('/api/v1/me/calendar', {})).body.url as string;
    const cell = (await client.post(`/api/v1/cells/${org.cellA1a.id}/calendar`, {})).body.url as string;
    for (const url of [personal, cell]) {
      const res = await fetchFeed(url);
      expect(res.status).toBe(200);
      expect(res.body).toContain('Cell A1a');
    }
    return { person, account, personal, cell };
  };
  const grantOf = async (accountId: number) =>
    (
      await t.ctx.db
        .selectFrom('grants')
        .select('id')
        .where('account_id', '=', accountId)
        .where('revoked_at', 'is', null)
        .executeTakeFirstOrThrow()
    ).id;

  it('revokes the cell feed when the owner loses the grant, and keeps it revoked if the grant comes back', async () => {
    const { account, personal, cell } = await memberWithFeeds();
    expect((await admin.delete(`/api/v1/grants/${await grantOf(account.id)}`)).status).toBe(204);
    expect((await fetchFeed(cell)).status).toBe(404);
    expect(await revokedAt(cell)).not.toBeNull();
    // The personal feed stays theirs, but shows no cell its owner may no longer read.
    const mine = await fetchFeed(personal);
    expect(mine.status).toBe(200);
    expect(mine.body).not.toContain('Cell A1a');
    expect((await admin.post(`/api/v1/accounts/${account.id}/grants`, { role: 'member', unitId: org.cellA1a.id })).status).toBe(201);
    expect((await fetchFeed(cell)).status).toBe(404);
  });

  it('stops serving every feed of a disabled owner', async () => {
    const { account, personal, cell } = await memberWithFeeds();
    await t.ctx.db.updateTable('accounts').set({ disabled_at: new Date() }).where('id', '=', account.id).execute();
    expect((await fetchFeed(personal)).status).toBe(404);
    expect((await fetchFeed(cell)).status).toBe(404);
  });

  it('stops serving a cell feed whose owner can no longer read the cell, even without a revocation', async () => {
    const { account, cell } = await memberWithFeeds();
    // The grant ends outside the application's own paths (no revocation ran): the fetch still checks.
    await t.ctx.db.updateTable('grants').set({ revoked_at: new Date() }).where('account_id', '=', account.id).execute();
    expect((await fetchFeed(cell)).status).toBe(404);
  });

  it('revokes the feeds of an erased person, and of their accounts', async () => {
    const { person, personal, cell } = await memberWithFeeds();
    expect((await admin.post(`/api/v1/people/${person.id}/erase`, {})).status).toBe(204);
    for (const url of [personal, cell]) {
      expect((await fetchFeed(url)).status).toBe(404);
      expect(await revokedAt(url)).not.toBeNull();
    }
  });

  it('keeps serving the feeds of an owner who keeps their access', async () => {
    const { personal, cell } = await memberWithFeeds();
    const other = await buildPerson(t.ctx.db, org.cellA1b.id);
    const extra = await buildAccount(t.ctx.db, { personId: other.id, grants: [{ role: 'member', unitId: org.cellA1b.id }] });
    expect((await admin.delete(`/api/v1/grants/${await grantOf(extra.id)}`)).status).toBe(204);
    for (const url of [personal, cell]) expect((await fetchFeed(url)).status).toBe(200);
    expect(await revokedAt(cell)).toBeNull();
  });
});
