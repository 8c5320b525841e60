/**
 * What an idea's authors may do while it awaits evaluation (issue 15; decision 0032): change its title,
 * description and expected benefit, or withdraw it. A withdrawn idea stays in the cell's list and
 * history and leaves the counts; once evaluated (or withdrawn) both are 409. Every refusal saves
 * nothing. The cell's list of ideas is paged.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldAllRollups } from '../src/server/modules/compliance/fold.ts';
import { todayIso } from '../src/server/modules/compliance/periods.ts';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildOrg, type Org } from './helpers/org.ts';

describe('ideas: their authors edit and withdraw them', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let member: Client;
  let secretary: Client;
  let outsider: Client;
  let admin: Client;
  const year = Number(todayIso().slice(0, 4));
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    const as = (login: string) => signIn(t.app, login, 'secret-pass');
    member = await as('member@test');
    secretary = await as('secretary@test');
    outsider = await as('outsider@test');
    admin = await as('admin@test');
  });
  afterAll(async () => t?.close());

  const submitted = async (title = 'Reuse the cooling water') => {
    const res = await member.post(`/api/v1/cells/${org.cellA1a.id}/ideas`, {
      title,
      description: 'Lead the cooling water back to the intake.',
      expectedBenefit: 'Less water',
      authorIds: [org.M.id],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as number;
  };
  /** The idea's row and its timeline, to show a refusal saved nothing. */
  const snapshot = async (id: number) => ({
    idea: await t.ctx.db.selectFrom('ideas').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    events: Number(
      (await t.ctx.db.selectFrom('idea_events').select(sql<number>`count(*)`.as('n')).where('idea_id', '=', id).executeTakeFirstOrThrow())
        .n,
    ),
  });
  const submittedCount = async (unitId: number) => {
    await foldAllRollups(t.ctx.db);
    const res = await admin.get(`/api/v1/units/${unitId}/ideas/summary?year=${year}`);
    expect(res.status).toBe(200);
    return res.body.submitted as number;
  };

  it('an author changes the texts of an idea awaiting evaluation; the timeline says so', async () => {
    const id = await submitted();
    const page = await member.get(`/api/v1/ideas/${id}`);
    expect(page.body.can).toMatchObject({ edit: true, withdraw: true });
    expect((await secretary.get(`/api/v1/ideas/${id}`)).body.can).toMatchObject({ edit: false, withdraw: false });
    const res = await member.patch(`/api/v1/ideas/${id}`, { title: 'Reuse the cooling water twice', expectedBenefit: null });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ title: 'Reuse the cooling water twice', expectedBenefit: null, status: 'submitted' });
    expect(res.body.description).toBe('Lead the cooling water back to the intake.');
    expect(res.body.timeline.map((e: { step: string }) => e.step)).toEqual(['submitted', 'edited']);
    expect(res.body.timeline[1].detail).toEqual({ fields: ['title', 'expectedBenefit'] });
  });

  it('refuses edits by name and saves nothing', async () => {
    const id = await submitted();
    const before = await snapshot(id);
    const cases: Array<[Client, unknown, number, string]> = [
      [secretary, { title: 'Mine now' }, 403, 'idea.notAuthor'],
      [admin, { title: 'Mine now' }, 403, 'idea.notAuthor'],
      [outsider, { title: 'Mine now' }, 404, 'idea.notFound'],
      [member, {}, 400, ''],
      [member, { title: '   ' }, 400, ''],
      [member, { title: 'x'.repeat(201) }, 400, ''],
      [member, { status: 'accepted' }, 400, ''],
    ];
    for (const [client, body, status, key] of cases) {
      const res = await client.patch(`/api/v1/ideas/${id}`, body);
      expect(res.status, `${JSON.stringify(body)}: ${JSON.stringify(res.body)}`).toBe(status);
      if (key) expect(res.body.error.messageKey).toBe(key);
    }
    expect((await member.patch('/api/v1/ideas/999999999', { title: 'Nothing' })).status).toBe(404);
    expect(await snapshot(id)).toEqual(before);
  });

  it('a withdrawn idea stays in the list and the history, leaves the counts and the awaiting list, and changes no more', async () => {
    const cellBefore = await submittedCount(org.cellA1a.id);
    const districtBefore = await submittedCount(org.districtA1.id);
    const id = await submitted('To be withdrawn');
    expect(await submittedCount(org.cellA1a.id)).toBe(cellBefore + 1);
    expect(await submittedCount(org.districtA1.id)).toBe(districtBefore + 1);
    const res = await member.post(`/api/v1/ideas/${id}/withdrawal`, { note: 'Already done elsewhere' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ id, status: 'withdrawn' });
    expect(await submittedCount(org.cellA1a.id)).toBe(cellBefore);
    expect(await submittedCount(org.districtA1.id)).toBe(districtBefore);
    const page = await member.get(`/api/v1/ideas/${id}`);
    expect(page.body).toMatchObject({ status: 'withdrawn', withdrawnOn: todayIso() });
    expect(page.body.can).toMatchObject({ edit: false, withdraw: false, evaluate: false });
    expect(page.body.timeline.map((e: { step: string }) => e.step)).toEqual(['submitted', 'withdrawn']);
    expect(page.body.timeline[1].detail).toEqual({ note: 'Already done elsewhere' });
    const list = await member.get(`/api/v1/cells/${org.cellA1a.id}/ideas?status=withdrawn`);
    expect(list.body.items.map((i: { id: number }) => i.id)).toEqual([id]);
    const awaiting = await secretary.get(`/api/v1/units/${org.cellA1a.id}/ideas/awaiting`);
    expect(awaiting.body.items.map((i: { id: number }) => i.id)).not.toContain(id);
    const before = await snapshot(id);
    const refusals: Array<[Promise<{ status: number; body: { error: { messageKey: string } } }>, string]> = [
      [member.patch(`/api/v1/ideas/${id}`, { title: 'Back again' }), 'idea.notSubmitted'],
      [member.post(`/api/v1/ideas/${id}/withdrawal`, {}), 'idea.notSubmitted'],
      [secretary.post(`/api/v1/ideas/${id}/evaluation`, { decision: 'accepted', reasons: 'Good' }), 'idea.withdrawn'],
    ];
    for (const [pending, key] of refusals) {
      const r = await pending;
      expect(r.status, JSON.stringify(r.body)).toBe(409);
      expect(r.body.error.messageKey).toBe(key);
    }
    expect(await snapshot(id)).toEqual(before);
  });

  it('after evaluation an idea is no longer changed or withdrawn (409), nor by anyone else (403)', async () => {
    const id = await submitted('Evaluated first');
    expect((await secretary.post(`/api/v1/ideas/${id}/evaluation`, { decision: 'rejected', reasons: 'Too costly' })).status).toBe(200);
    const before = await snapshot(id);
    for (const r of [
      await member.patch(`/api/v1/ideas/${id}`, { description: 'Cheaper now' }),
      await member.post(`/api/v1/ideas/${id}/withdrawal`, {}),
    ]) {
      expect(r.status, JSON.stringify(r.body)).toBe(409);
      expect(r.body.error.messageKey).toBe('idea.notSubmitted');
    }
    expect((await secretary.post(`/api/v1/ideas/${id}/withdrawal`, {})).body.error.messageKey).toBe('idea.notAuthor');
    expect(await snapshot(id)).toEqual(before);
  });

  it("pages the cell's ideas, newest first, with a cursor", async () => {
    for (let n = 0; n < 3; n++) await submitted(`Paged ${n}`);
    const all = await member.get(`/api/v1/cells/${org.cellA1a.id}/ideas?limit=100`);
    const ids = all.body.items.map((i: { id: number }) => i.id);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    expect([...ids].sort((a: number, b: number) => b - a)).toEqual(ids);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: Array<{ id: number }>; nextCursor: string | null } } = await member.get(
        `/api/v1/cells/${org.cellA1a.id}/ideas?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((i) => i.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids);
  });
});
