/**
 * The secretary through the API (issue 14; decision 0027): the traits (data, the centre's), members'
 * quarterly feedback on their secretary (anonymous: no route, export or audit row names a rater; a second
 * rating in the quarter replaces the first; the secretary cannot rate themself), the averages from three
 * raters on for the secretary and the officials above, the committees' totals, training and succession,
 * and the member's export and erasure.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor, systemActor } from '../src/server/access/actor.ts';
import { erasePerson } from '../src/server/modules/people/privacy.ts';
import { quarterOf, quarterStart } from '../src/server/modules/secretary/quarters.ts';
import { raterKey } from '../src/server/modules/secretary/rater-key.ts';
import { appointSecretary } from '../src/server/modules/units/officers.ts';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildAccount, buildPerson } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';

const CODES = [
  'party_spirit',
  'principled_stand',
  'political_preparedness',
  'sense_of_responsibility',
  'setting_examples',
  'creativity',
  'familiarity_with_masses',
  'humaneness',
  'sincerity',
  'optimism',
  'ethics',
  'uprightness',
];
const all = (score: number) => CODES.map((trait) => ({ trait, score }));

describe('the secretary: traits, feedback, succession', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let secretary: Client;
  let member: Client;
  let raters: Client[];
  let raterIds: number[];
  let outsider: Client;
  let reader: Client;
  let region: Client;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    const as = (login: string) => signIn(t.app, login, 'secret-pass');
    raters = [];
    raterIds = [];
    for (const n of [1, 2, 3]) {
      const p = await buildPerson(t.ctx.db, org.cellA1a.id, { fullName: `Rater ${n}` });
      await buildAccount(t.ctx.db, { login: `rater${n}@test`, personId: p.id, grants: [{ role: 'member', unitId: org.cellA1a.id }] });
      raters.push(await as(`rater${n}@test`));
      raterIds.push(p.id);
    }
    secretary = await as('secretary@test');
    member = await as('member@test');
    outsider = await as('outsider@test');
    reader = await as('reader@test');
    region = await as('region@test');
    admin = await as('admin@test');
  });
  afterAll(async () => t?.close());

  const rate = (c: Client, body: unknown, cellId = org.cellA1a.id) => c.post(`/api/v1/cells/${cellId}/secretary-feedback`, body);
  const ratings = async () =>
    Number((await t.ctx.db.selectFrom('secretary_ratings').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  const scores = async () =>
    Number((await t.ctx.db.selectFrom('secretary_rating_scores').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  const audits = async () =>
    Number((await t.ctx.db.selectFrom('audit_log').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);

  it('lists the twelve traits in order, in the request language with both languages', async () => {
    const res = await member.get('/api/v1/secretary-traits');
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { code: string }) => i.code)).toEqual(CODES);
    expect(res.body.items[0]).toMatchObject({ code: 'party_spirit', title: 'Party spirit', titleKo: '당성', retired: false });
    expect(res.body.items[0].description.length).toBeGreaterThan(10);
    const ko = await member.request('GET', '/api/v1/secretary-traits', undefined, { 'accept-language': 'ko-KR,ko;q=0.9' });
    expect(ko.body.items[0].title).toBe('당성');
  });

  it('administrators add, edit, reorder and retire traits; others cannot; bad input is refused', async () => {
    const body = {
      code: 'listening',
      titleEn: 'Listening',
      titleKo: '경청',
      descriptionEn: 'Hears members out.',
      descriptionKo: '성원들의 말을 끝까지 듣는다.',
    };
    expect((await member.post('/api/v1/secretary-traits', body)).status).toBe(404);
    expect((await region.post('/api/v1/secretary-traits', body)).status).toBe(404);
    expect((await admin.post('/api/v1/secretary-traits', { ...body, code: 'Bad Code' })).status).toBe(400);
    expect((await admin.post('/api/v1/secretary-traits', { ...body, titleEn: '' })).status).toBe(400);
    const created = await admin.post('/api/v1/secretary-traits', body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ code: 'listening', position: 13, retired: false });
    const again = await admin.post('/api/v1/secretary-traits', body);
    expect(again.status).toBe(409);
    expect(again.body.error.messageKey).toBe('secretaryTrait.codeTaken');
    const id = created.body.id;
    expect((await admin.patch(`/api/v1/secretary-traits/${id}`, {})).body.error.messageKey).toBe('secretaryTrait.nothingToChange');
    expect((await admin.patch(`/api/v1/secretary-traits/${id}`, { titleEn: 'Listening well' })).body.title).toBe('Listening well');
    const list = (await admin.get('/api/v1/secretary-traits')).body.items.map((i: { id: number }) => i.id);
    const reordered = [id, ...list.filter((x: number) => x !== id)];
    expect((await admin.request('PUT', '/api/v1/secretary-traits/order', { ids: reordered.slice(1) })).status).toBe(400);
    expect((await admin.request('PUT', '/api/v1/secretary-traits/order', { ids: [...reordered, id] })).status).toBe(400);
    const ordered = await admin.request('PUT', '/api/v1/secretary-traits/order', { ids: reordered });
    expect(ordered.status).toBe(200);
    expect(ordered.body.items[0].code).toBe('listening');
    // Rating a retired trait is refused; restored to the order, it is at the end.
    expect((await admin.patch(`/api/v1/secretary-traits/${id}`, { retired: true })).body.retired).toBe(true);
    expect((await member.get('/api/v1/secretary-traits')).body.items.map((i: { code: string }) => i.code)).toEqual(CODES);
    expect((await member.get('/api/v1/secretary-traits?retired=include')).status).toBe(404);
    expect((await admin.get('/api/v1/secretary-traits?retired=include')).body.items).toHaveLength(13);
    const r = await rate(member, { ratings: [{ trait: 'listening', score: 4 }] });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ messageKey: 'secretaryFeedback.unknownTrait', params: { trait: 'listening' } });
    expect((await admin.patch('/api/v1/secretary-traits/999999', { titleEn: 'x' })).status).toBe(404);
  });

  it('bad ratings are refused whole and nothing is saved; the secretary cannot rate themself', async () => {
    const before = [await ratings(), await scores()];
    const bad: Array<[Client, unknown, number, string | null]> = [
      [member, { ratings: [{ trait: 'ethics', score: 0 }] }, 400, null],
      [member, { ratings: [{ trait: 'ethics', score: 6 }] }, 400, null],
      [member, { ratings: [{ trait: 'ethics', score: 2.5 }] }, 400, null],
      [member, { ratings: [] }, 400, null],
      [member, { ratings: [{ trait: 'ethics', score: 3 }], loyalty: 5 }, 400, null],
      [member, { ratings: [{ trait: 'ethics', score: 3 }], comment: '   ' }, 400, null],
      [member, { ratings: [{ trait: 'nope', score: 3 }] }, 400, 'secretaryFeedback.unknownTrait'],
      [
        member,
        {
          ratings: [
            { trait: 'ethics', score: 3 },
            { trait: 'ethics', score: 4 },
          ],
        },
        400,
        'secretaryFeedback.duplicateTrait',
      ],
      [secretary, { ratings: all(5) }, 403, 'secretaryFeedback.ownSecretary'],
      [reader, { ratings: all(5) }, 400, 'secretaryFeedback.noPerson'],
      [outsider, { ratings: all(5) }, 404, 'cell.notFound'],
    ];
    for (const [c, body, status, key] of bad) {
      const res = await rate(c, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      if (key) expect(res.body.error.messageKey).toBe(key);
    }
    // A cell without a secretary: nobody to rate.
    const none = await rate(outsider, { ratings: all(3) }, org.cellB1a.id);
    expect(none.status).toBe(409);
    expect(none.body.error.messageKey).toBe('secretaryFeedback.noSecretary');
    // Someone who sees the cell but is not on its roll (a member of the cell next door with a grant here).
    const next = await buildPerson(t.ctx.db, org.cellA1b.id, { fullName: 'Neighbour Yoon' });
    await buildAccount(t.ctx.db, { login: 'neighbour@test', personId: next.id, grants: [{ role: 'member', unitId: org.cellA1a.id }] });
    const neighbour = await signIn(t.app, 'neighbour@test', 'secret-pass');
    const notOnRoll = await rate(neighbour, { ratings: all(3) });
    expect(notOnRoll.status).toBe(403);
    expect(notOnRoll.body.error.messageKey).toBe('secretaryFeedback.notOnRoll');
    expect((await neighbour.get(`/api/v1/cells/${org.cellA1a.id}/secretary-feedback/mine`)).body).toMatchObject({
      canRate: false,
      rated: false,
    });
    expect([await ratings(), await scores()]).toEqual(before);
  });

  it('a rating is stored without the rater, audited nowhere, and a second one in the quarter replaces the first', async () => {
    const auditBefore = await audits();
    const first = await rate(member, { ratings: all(2), comment: 'Meetings start late' });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ rated: true, quarter: quarterOf(), comment: 'Meetings start late' });
    const second = await rate(member, { ratings: all(4) });
    expect(second.status).toBe(201);
    expect(await ratings()).toBe(1);
    expect(await scores()).toBe(12);
    const mine = await member.get(`/api/v1/cells/${org.cellA1a.id}/secretary-feedback/mine`);
    expect(mine.body).toMatchObject({ rated: true, canRate: true, comment: null, secretary: { id: org.S.id } });
    expect(mine.body.ratings).toEqual(all(4));
    expect((await raters[0]!.get(`/api/v1/cells/${org.cellA1a.id}/secretary-feedback/mine`)).body).toMatchObject({
      rated: false,
      ratings: [],
    });
    expect((await secretary.get(`/api/v1/cells/${org.cellA1a.id}/secretary-feedback/mine`)).body.canRate).toBe(false);
    // No person column, no timestamp: the row holds the cell, quarter, secretary, a key and the comment.
    const cols = await sql<{ column_name: string }>`select column_name from information_schema.columns
      where table_name in ('secretary_ratings', 'secretary_rating_scores') order by column_name`.execute(t.ctx.db);
    expect([...new Set(cols.rows.map((c) => c.column_name))].sort()).toEqual(
      ['cell_id', 'comment', 'quarter', 'rater_key', 'score', 'secretary_person_id', 'trait_id'].sort(),
    );
    expect(await audits()).toBe(auditBefore);
  });

  it('averages only from three raters, for the secretary and officials above; members 403, outsiders 404', async () => {
    const url = `/api/v1/cells/${org.cellA1a.id}/secretary-feedback`;
    await rate(raters[0]!, { ratings: all(3), comment: 'Zealous about minutes' });
    const two = await secretary.get(url);
    expect(two.status).toBe(200);
    expect(two.body).toMatchObject({ raters: null, comments: null, secretary: { id: org.S.id } });
    expect(two.body.traits.every((x: { average: number | null }) => x.average === null)).toBe(true);
    // Committees see nothing of a cell below the threshold.
    expect((await reader.get(`/api/v1/units/${org.districtA1.id}/secretary-feedback`)).body).toMatchObject({ raters: 0, cells: 0 });
    await rate(raters[1]!, { ratings: [...all(5).slice(0, 11)], comment: 'Always listens' });
    const three = await secretary.get(url);
    expect(three.body.raters).toBe(3);
    expect(three.body.traits[0]).toMatchObject({ code: 'party_spirit', average: 4 });
    // Uprightness was scored by two only: not shown.
    expect(three.body.traits[11]).toMatchObject({ code: 'uprightness', average: null });
    expect(three.body.comments).toEqual(['Always listens', 'Zealous about minutes']);
    expect((await reader.get(url)).body.raters).toBe(3);
    expect((await region.get(url)).body.raters).toBe(3);
    expect((await admin.get(url)).body.raters).toBe(3);
    const denied = await member.get(url);
    expect(denied.status).toBe(403);
    expect(denied.body.error.messageKey).toBe('secretaryFeedback.forSecretary');
    expect((await outsider.get(url)).status).toBe(404);
    expect((await secretary.get(`/api/v1/cells/${org.cellB1a.id}/secretary-feedback`)).status).toBe(404);
    expect((await secretary.get(`${url}?quarter=2026-Q5`)).status).toBe(400);
    expect((await secretary.get(`${url}?quarter=2020-Q1`)).body.raters).toBe(null);
  });

  it('committees read the totals of their subtree with a drill-down', async () => {
    const district = await reader.get(`/api/v1/units/${org.districtA1.id}/secretary-feedback`);
    expect(district.status).toBe(200);
    expect(district.body).toMatchObject({ raters: 3, cells: 1, quarter: quarterOf() });
    expect(district.body.traits[0]).toMatchObject({ code: 'party_spirit', average: 4 });
    expect(district.body.traits[11].average).toBe(null);
    const a1a = district.body.children.find((c: { unitId: number }) => c.unitId === org.cellA1a.id);
    expect(a1a).toMatchObject({ raters: 3, cells: 1, kind: 'cell' });
    const root = await admin.get(`/api/v1/units/${org.root}/secretary-feedback`);
    expect(root.body).toMatchObject({ raters: 3, cells: 1 });
    expect(root.body.children.find((c: { unitId: number }) => c.unitId === org.regionB.id)).toMatchObject({ raters: 0, cells: 0 });
    expect((await reader.get(`/api/v1/units/${org.regionB.id}/secretary-feedback`)).status).toBe(404);
    expect((await secretary.get(`/api/v1/units/${org.districtA1.id}/secretary-feedback`)).status).toBe(404);
    expect((await secretary.get(`/api/v1/units/${org.cellA1a.id}/secretary-feedback`)).status).toBe(403);
    expect((await member.get(`/api/v1/units/${org.cellA1a.id}/secretary-feedback`)).status).toBe(403);
  });

  it("the export carries the member's own ratings, found through the key; erasure cuts them loose and keeps the count", async () => {
    const exp = await member.get('/api/v1/me/export');
    expect(exp.status).toBe(200);
    expect(exp.body.secretaryFeedback.ratingsGiven).toHaveLength(1);
    expect(exp.body.secretaryFeedback.ratingsGiven[0]).toMatchObject({
      cell_name: 'Cell A1a',
      quarter: quarterOf(),
      secretary: 'Secretary Kim',
    });
    expect(exp.body.secretaryFeedback.ratingsGiven[0].ratings).toEqual(all(4));
    const other = (await raters[2]!.get('/api/v1/me/export')).body.secretaryFeedback;
    expect(other.ratingsGiven).toEqual([]);
    const sec = (await secretary.get('/api/v1/me/export')).body.secretaryFeedback;
    expect(sec.ratingsGiven).toEqual([]);
    expect(sec.averagesAboutYou[0]).toMatchObject({ cellName: 'Cell A1a', raters: 3 });
    const q = quarterStart(quarterOf());
    const key = raterKey(t.ctx.feedbackKey, { cellId: org.cellA1a.id, quarter: q, secretaryId: org.S.id }, raterIds[0]!);
    const adminActor = await loadActor(
      t.ctx.db,
      { id: org.accounts.admin.id, login: 'admin@test', personId: null },
      { csrfToken: null, sessionId: null },
    );
    await erasePerson(t.ctx.db, adminActor, raterIds[0]!, t.ctx.feedbackKey);
    expect(await ratings()).toBe(3);
    const rows = await t.ctx.db.selectFrom('secretary_ratings').select(['rater_key', 'comment']).execute();
    expect(rows.map((r) => r.rater_key)).not.toContain(key);
    expect(rows.map((r) => r.comment)).not.toContain('Zealous about minutes');
    expect((await secretary.get(`/api/v1/cells/${org.cellA1a.id}/secretary-feedback`)).body.raters).toBe(3);
  });

  it('a new secretary does not inherit the ratings of the one before', async () => {
    await appointSecretary(t.ctx.db, systemActor(), org.cellA1a.id, { personId: org.P.id, deputy: false });
    const view = await reader.get(`/api/v1/cells/${org.cellA1a.id}/secretary-feedback`);
    expect(view.body).toMatchObject({ secretary: { id: org.P.id }, raters: null });
    // The committee's totals still count the quarter's feedback about the former secretary.
    expect((await reader.get(`/api/v1/units/${org.districtA1.id}/secretary-feedback`)).body.raters).toBe(3);
    await appointSecretary(t.ctx.db, systemActor(), org.cellA1a.id, { personId: org.S.id, deputy: false });
  });

  it('succession: the secretary and deputy with their training; committees list cells without a trained one', async () => {
    const db = t.ctx.db;
    await appointSecretary(db, systemActor(), org.cellA1a.id, { personId: org.M.id, deputy: true });
    const prog = await db
      .insertInto('programmes')
      .values({ title: 'Secretary school', title_ko: '비서 학교' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const url = `/api/v1/cells/${org.cellA1a.id}/secretary-succession`;
    const before = await secretary.get(url);
    expect(before.status, JSON.stringify(before.body)).toBe(200);
    expect(before.body.secretary).toMatchObject({ personId: org.S.id, trained: false });
    expect(before.body.deputies).toHaveLength(1);
    expect(before.body.deputies[0]).toMatchObject({ personId: org.M.id, trained: false });
    const gaps = await reader.get(`/api/v1/units/${org.districtA1.id}/secretary-training-gaps`);
    expect(gaps.status).toBe(200);
    expect(gaps.body.items.map((i: { cellId: number }) => i.cellId)).toEqual([org.cellA1a.id, org.cellA1b.id]);
    // Mark the programme, complete it in the register: the deputy is trained, the cell leaves the list.
    expect((await region.request('PUT', `/api/v1/secretary-training/programmes/${prog.id}`, { secretaryTraining: true })).status).toBe(404);
    const marked = await admin.request('PUT', `/api/v1/secretary-training/programmes/${prog.id}`, { secretaryTraining: true });
    expect(marked.status).toBe(200);
    expect((await admin.request('PUT', '/api/v1/secretary-training/programmes/999999', { secretaryTraining: true })).status).toBe(404);
    expect((await admin.get('/api/v1/secretary-training/programmes')).body.items).toEqual([
      { id: Number(prog.id), title: 'Secretary school', titleKo: '비서 학교', secretaryTraining: true },
    ]);
    await db
      .insertInto('enrolments')
      .values({
        person_id: org.M.id,
        course: 'Secretary School',
        institution: 'Provincial school',
        kind: 'evening',
        starts_on: '2025-01-01',
        status: 'completed',
      })
      .execute();
    const after = await secretary.get(url);
    expect(after.body.deputies[0]).toMatchObject({
      trained: true,
      courses: [{ course: 'Secretary School', institution: 'Provincial school' }],
    });
    const page1 = await reader.get(`/api/v1/units/${org.districtA1.id}/secretary-training-gaps?limit=1`);
    expect(page1.body.items.map((i: { cellId: number }) => i.cellId)).toEqual([org.cellA1b.id]);
    expect(page1.body.nextCursor).toBe(null);
    const region1 = await region.get(`/api/v1/units/${org.regionA.id}/secretary-training-gaps?limit=1`);
    expect(region1.body.items).toHaveLength(1);
    expect(region1.body.children.map((c: { unitId: number }) => c.unitId)).toEqual([org.districtA1.id, org.districtA2.id]);
    const next = await region.get(`/api/v1/units/${org.regionA.id}/secretary-training-gaps?limit=1&cursor=${region1.body.nextCursor}`);
    expect(next.body.items).toHaveLength(1);
    expect(next.body.items[0].cellId).not.toBe(region1.body.items[0].cellId);
    expect((await region.get(`/api/v1/units/${org.regionA.id}/secretary-training-gaps?cursor=xx`)).status).toBe(400);
    expect((await member.get(url)).status).toBe(403);
    expect((await outsider.get(url)).status).toBe(404);
    expect((await member.get(`/api/v1/units/${org.cellA1a.id}/secretary-training-gaps`)).status).toBe(403);
    expect((await reader.get(`/api/v1/units/${org.regionB.id}/secretary-training-gaps`)).status).toBe(404);
  });
});
