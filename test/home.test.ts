/** The home pages' own read: the next meetings of the signed-in person's cells. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './helpers/app.ts';
import { signIn } from './helpers/client.ts';
import { buildMeeting, holdMeeting } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';

const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

describe('GET /api/v1/me/meetings', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    ids.later = (await buildMeeting(t.ctx.db, org.cellA1a.id, { startsAt: inDays(9), title: 'later' })).id;
    ids.soon = (await buildMeeting(t.ctx.db, org.cellA1a.id, { startsAt: inDays(2), title: 'soon' })).id;
    ids.past = (await buildMeeting(t.ctx.db, org.cellA1a.id, { startsAt: inDays(-3), title: 'past' })).id;
    ids.held = (await buildMeeting(t.ctx.db, org.cellA1a.id, { startsAt: inDays(-1), title: 'held' })).id;
    await holdMeeting(t.ctx.db, ids.held);
    ids.otherCell = (await buildMeeting(t.ctx.db, org.cellA1b.id, { startsAt: inDays(1), title: 'other cell' })).id;
    ids.outside = (await buildMeeting(t.ctx.db, org.cellB1a.id, { startsAt: inDays(1), title: 'outside' })).id;
  });
  afterAll(async () => {
    await t.close();
  });

  it("lists the coming meetings of the member's own cell, soonest first, none past or of other cells", async () => {
    const member = await signIn(t.app, 'member@test', 'secret-pass');
    const res = await member.get('/api/v1/me/meetings');
    expect(res.status).toBe(200);
    expect(res.body.items.map((m: { id: number }) => m.id)).toEqual([ids.soon, ids.later]);
    expect(res.body.items[0]).toMatchObject({ cellId: org.cellA1a.id, cellName: 'Cell A1a', kind: 'general', title: 'soon' });
  });

  it('gives each person their own cell: the outsider sees only theirs', async () => {
    const outsider = await signIn(t.app, 'outsider@test', 'secret-pass');
    const res = await outsider.get('/api/v1/me/meetings?limit=5');
    expect(res.body.items.map((m: { id: number }) => m.id)).toEqual([ids.outside]);
  });

  it('is empty for an account on no roll, however wide its grants', async () => {
    const region = await signIn(t.app, 'region@test', 'secret-pass');
    const res = await region.get('/api/v1/me/meetings');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
  });

  it('refuses a limit out of range with 400', async () => {
    const member = await signIn(t.app, 'member@test', 'secret-pass');
    expect((await member.get('/api/v1/me/meetings?limit=0')).status).toBe(400);
    expect((await member.get('/api/v1/me/meetings?limit=abc')).status).toBe(400);
  });
});
