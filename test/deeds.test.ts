/**
 * Laudable deeds through the API (issue 15; decision 0031): the cell's secretary or an official over it
 * records a deed of the cell or of its members; a committee publishes it to its subtree, where it shows
 * on every member's board newest first, and withdraws it. Bad input is a clear 4xx and saves nothing.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/server/access/actor.ts';
import { erasePerson } from '../src/server/modules/people/privacy.ts';
import { addDays, todayIso } from '../src/server/modules/compliance/periods.ts';
import { transferPerson } from '../src/server/modules/people/service.ts';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildAccount, buildPerson } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';

const today = todayIso();

describe('laudable deeds', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let secretary: Client;
  let member: Client;
  let reader: Client;
  let region: Client;
  let district: Client;
  let outsider: Client;
  let a2Member: Client;
  let admin: Client;
  let movedId: number;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    await buildAccount(t.ctx.db, { login: 'district@test', grants: [{ role: 'official', access: 'manage', unitId: org.districtA1.id }] });
    const a2 = await buildPerson(t.ctx.db, org.cellA2a.id, { fullName: 'Member Yoon' });
    await buildAccount(t.ctx.db, { login: 'a2@test', personId: a2.id, grants: [{ role: 'member', unitId: org.cellA2a.id }] });
    // On cell A1a's roll only from last month on.
    const moved = await buildPerson(t.ctx.db, org.cellB1a.id, { fullName: 'Moved Seo' });
    movedId = moved.id;
    await transferPerson(t.ctx.db, systemActor(), moved.id, { toCellId: org.cellA1a.id, date: addDays(today, -20) });
    const as = (login: string) => signIn(t.app, login, 'secret-pass');
    secretary = await as('secretary@test');
    member = await as('member@test');
    reader = await as('reader@test');
    region = await as('region@test');
    district = await as('district@test');
    outsider = await as('outsider@test');
    a2Member = await as('a2@test');
    admin = await as('admin@test');
  });
  afterAll(async () => t?.close());

  const count = async (table: 'deeds' | 'deed_people') =>
    Number((await t.ctx.db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  const deed = (over: Record<string, unknown> = {}) => ({
    title: 'Saved the seed store from the flood',
    description: 'Worked through the night moving the seed grain to the upper floor.',
    on: addDays(today, -3),
    ...over,
  });
  const record = (c: Client, cellId: number, body: unknown) => c.post(`/api/v1/cells/${cellId}/deeds`, body);
  const board = async (c: Client, q = '') => (await c.get(`/api/v1/me/deeds-board${q}`)).body;

  let first: number;
  it('the secretary records a deed of members of the cell; every bad input is refused and nothing saved', async () => {
    const ok = await record(secretary, org.cellA1a.id, deed({ personIds: [org.M.id, org.P.id], witnesses: 'The farm manager' }));
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    first = ok.body.id;
    const [deeds, people] = [await count('deeds'), await count('deed_people')];
    const bad: Array<[Client, number, unknown, number, string]> = [
      [secretary, org.cellA1a.id, deed({ on: addDays(today, 1) }), 400, 'deed.inFuture'],
      [secretary, org.cellA1a.id, deed({ personIds: [org.Q.id] }), 400, 'deed.personNotInCell'],
      [secretary, org.cellA1a.id, deed({ personIds: [org.M.id, 999_999] }), 400, 'deed.personNotInCell'],
      // Not yet on the roll on that day.
      [secretary, org.cellA1a.id, deed({ personIds: [movedId], on: addDays(today, -30) }), 400, 'deed.personNotInCell'],
      [secretary, org.cellA1a.id, deed({ title: '' }), 400, 'validation_failed'],
      [secretary, org.cellA1a.id, deed({ on: '2026-02-30' }), 400, 'validation_failed'],
      [secretary, org.cellA1a.id, deed({ personIds: [0] }), 400, 'validation_failed'],
      [secretary, org.cellA1a.id, deed({ looks: 'tall' }), 400, 'validation_failed'],
      [member, org.cellA1a.id, deed(), 403, 'deed.notAllowed'],
      [reader, org.cellA1a.id, deed(), 403, 'deed.notAllowed'],
      [secretary, org.cellA1b.id, deed(), 404, 'cell.notFound'],
      [outsider, org.cellA1a.id, deed(), 404, 'cell.notFound'],
      [region, org.cellB1a.id, deed(), 404, 'cell.notFound'],
      [region, org.districtA1.id, deed(), 404, 'cell.notFound'],
    ];
    for (const [c, cellId, body, status, key] of bad) {
      const r = await record(c, cellId, body);
      expect(r.status, `${JSON.stringify(body)} ${JSON.stringify(r.body)}`).toBe(status);
      expect(key === 'validation_failed' ? r.body.error.code : r.body.error.messageKey).toBe(key);
    }
    expect([await count('deeds'), await count('deed_people')]).toEqual([deeds, people]);
    expect((await record(secretary, org.cellA1a.id, deed({ personIds: [movedId], on: today }))).status).toBe(201);
  });

  it('a committee records a deed of one of its cells; the cell lists its deeds newest first', async () => {
    const ok = await record(district, org.cellA1b.id, deed({ title: 'Finished the canal a month early', on: addDays(today, -1) }));
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const list = await member.get(`/api/v1/cells/${org.cellA1a.id}/deeds`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((d: { on: string }) => d.on)).toEqual([today, addDays(today, -3)]);
    const oldest = list.body.items[1];
    expect(oldest).toMatchObject({
      id: first,
      witnesses: 'The farm manager',
      recordedBy: { id: org.cellA1a.id },
      published: null,
      canPublish: false,
    });
    expect(oldest.people.map((p: { fullName: string }) => p.fullName)).toEqual(['Member Lee', 'Member Park']);
    const b = await district.get(`/api/v1/cells/${org.cellA1b.id}/deeds`);
    expect(b.body.items[0]).toMatchObject({ recordedBy: { id: org.districtA1.id, name: 'District A1' }, people: [], canPublish: true });
    const paged = await member.get(`/api/v1/cells/${org.cellA1a.id}/deeds?limit=1`);
    const rest = await member.get(`/api/v1/cells/${org.cellA1a.id}/deeds?limit=1&cursor=${paged.body.nextCursor}`);
    expect(rest.body.items[0].id).toBe(first);
    expect((await outsider.get(`/api/v1/cells/${org.cellA1a.id}/deeds`)).status).toBe(404);
  });

  it("a committee publishes a deed to its subtree: it shows on its members' boards, newest first, until withdrawn", async () => {
    expect((await board(member)).items).toEqual([]);
    const publish = (c: Client, id: number, body: unknown = {}) => c.post(`/api/v1/deeds/${id}/publish`, body);
    for (const [c, body, status, key] of [
      [secretary, {}, 403, 'deed.publishNotAllowed'],
      [member, {}, 403, 'deed.publishNotAllowed'],
      [reader, {}, 403, 'deed.publishNotAllowed'],
      [outsider, {}, 404, 'deed.notFound'],
      [region, { unitId: org.cellA1a.id }, 400, 'deed.publishUnit'],
      [region, { unitId: org.districtA2.id }, 400, 'deed.publishUnit'],
      [region, { unitId: org.regionB.id }, 400, 'deed.publishUnit'],
      [district, { unitId: org.regionA.id }, 400, 'deed.publishUnit'],
    ] as Array<[Client, unknown, number, string]>) {
      const r = await publish(c, first, body);
      expect([r.status, r.body.error?.messageKey], JSON.stringify(body)).toEqual([status, key]);
    }
    expect(await t.ctx.db.selectFrom('deeds').select('id').where('published_path', 'is not', null).execute()).toEqual([]);
    // The district publishes to its own subtree: cell A1a's and A1b's members see it, cell A2a's do not.
    const pub = await publish(district, first);
    expect(pub.status, JSON.stringify(pub.body)).toBe(200);
    expect(pub.body.published).toMatchObject({ unitId: org.districtA1.id, unitName: 'District A1' });
    expect((await board(member)).items.map((d: { id: number }) => d.id)).toEqual([first]);
    expect((await board(a2Member)).items).toEqual([]);
    expect((await board(outsider)).items).toEqual([]);
    // The region publishes the district's deed of cell A1b to the whole region: newer, so first.
    const canal = (await district.get(`/api/v1/cells/${org.cellA1b.id}/deeds`)).body.items[0].id;
    expect((await publish(region, canal, { unitId: org.regionA.id })).status).toBe(200);
    expect((await board(member)).items.map((d: { id: number }) => d.id)).toEqual([canal, first]);
    expect((await board(a2Member)).items.map((d: { id: number }) => d.id)).toEqual([canal]);
    expect((await board(district)).items.map((d: { id: number }) => d.id)).toEqual([canal, first]);
    const one = await board(member, '?limit=1');
    expect((await board(member, `?limit=1&cursor=${one.nextCursor}`)).items[0].id).toBe(first);
    expect((await member.get('/api/v1/me/deeds-board?cursor=bad')).status).toBe(400);
    // The district cannot withdraw the region's publication; the region can, and twice answers as once.
    expect((await district.post(`/api/v1/deeds/${canal}/unpublish`, {})).status).toBe(403);
    for (let i = 0; i < 2; i++) {
      const r = await region.post(`/api/v1/deeds/${canal}/unpublish`, {});
      expect([r.status, r.body.published]).toEqual([200, null]);
    }
    expect((await board(a2Member)).items).toEqual([]);
    expect((await board(member)).items.map((d: { id: number }) => d.id)).toEqual([first]);
    expect((await outsider.post(`/api/v1/deeds/${first}/unpublish`, {})).status).toBe(404);
    expect((await admin.post(`/api/v1/deeds/${first}/unpublish`, {})).status).toBe(200);
  });

  it("a member's export lists the deeds naming them; erasure takes them off the deed, which stays the cell's", async () => {
    const exported = await member.get('/api/v1/me/export');
    expect(exported.status).toBe(200);
    expect(exported.body.deeds.map((d: { title: string; witnesses: string | null }) => [d.title, d.witnesses])).toEqual([
      ['Saved the seed store from the flood', 'The farm manager'],
    ]);
    await erasePerson(t.ctx.db, systemActor(), org.M.id, t.ctx.feedbackKey);
    const list = await secretary.get(`/api/v1/cells/${org.cellA1a.id}/deeds`);
    const kept = list.body.items.find((d: { id: number }) => d.id === first);
    expect(kept.people.map((p: { fullName: string }) => p.fullName)).toEqual(['Member Park']);
  });
});
