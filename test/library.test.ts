/**
 * The study library through the API (issue 11): content written by administrators and read by all,
 * search in English and Korean with ranking and highlighted snippets, reading lists by subtree, the
 * reading log's privacy, study sessions linked to what was read, and bad input answered with a 4xx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildAccount, buildMeeting, buildPerson, holdMeeting } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';

describe('the study library', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let admin: Client;
  let member: Client;
  let secretary: Client;
  let region: Client;
  let reader: Client;
  let outsider: Client;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    const as = (login: string) => signIn(t.app, login, 'secret-pass');
    admin = await as('admin@test');
    member = await as('member@test');
    secretary = await as('secretary@test');
    region = await as('region@test');
    reader = await as('reader@test');
    outsider = await as('outsider@test');
  });
  afterAll(async () => {
    await t.close();
  });

  it('administrators add documents, the charter, issues and articles; bodies are sanitised; others may not write', async () => {
    const charter = await admin.post('/api/v1/library/documents', {
      kind: 'charter',
      title: 'Charter of the Organization',
      body: '<h2>Article 1</h2><p onclick="steal()">Every member studies the charter.</p><script>alert(1)</script><a href="javascript:x()">link</a>',
    });
    expect(charter.status).toBe(201);
    expect(charter.body).toMatchObject({ kind: 'charter', title: 'Charter of the Organization', editorial: false, issue: null });
    expect(charter.body.bodyHtml).toContain('<h2>Article 1</h2>');
    expect(charter.body.bodyHtml).not.toMatch(/script|onclick|javascript/);
    ids.charter = charter.body.id;

    const plain = await admin.post('/api/v1/library/documents', {
      title: '조직 생활 규범',
      body: '모든 성원은 정기적으로 학습모임에 참가한다.\n\n세포 비서는 학습 결과를 기록한다.',
    });
    expect(plain.status).toBe(201);
    expect(plain.body.bodyHtml).toBe('<p>모든 성원은 정기적으로 학습모임에 참가한다.</p>\n<p>세포 비서는 학습 결과를 기록한다.</p>');
    ids.rules = plain.body.id;

    const issue = await admin.post('/api/v1/library/issues', { title: 'Workers’ Voice', issueNo: 112, issuedOn: '2026-11-15' });
    expect(issue.status).toBe(201);
    ids.issue = issue.body.id;
    const editorial = await admin.post(`/api/v1/library/issues/${ids.issue}/articles`, {
      title: '사설: 학습은 조직의 힘',
      body: '우리 조직의 힘은 꾸준한 학습에서 나온다. 모든 세포는 매달 학습모임을 연다.',
      editorial: true,
    });
    expect(editorial.status).toBe(201);
    expect(editorial.body).toMatchObject({
      kind: 'article',
      editorial: true,
      issue: { id: ids.issue, issueNo: 112, issuedOn: '2026-11-15' },
    });
    ids.editorial = editorial.body.id;
    const article = await admin.post(`/api/v1/library/issues/${ids.issue}/articles`, {
      title: 'Harvest report from the river district',
      body: 'The cooperative brought in the harvest early. Members discussed the charter at their study session.',
    });
    ids.article = article.body.id;
    const draft = await admin.post(`/api/v1/library/issues/${ids.issue}/articles`, {
      title: 'Draft about the harvest',
      body: 'Not yet published harvest notes.',
      published: false,
    });
    ids.draft = draft.body.id;

    const byIssue = await member.get(`/api/v1/library/issues/${ids.issue}`);
    expect(byIssue.body.articles.map((a: { id: number }) => a.id)).toEqual([ids.editorial, ids.article]);
    expect((await admin.get(`/api/v1/library/issues/${ids.issue}`)).body.articles).toHaveLength(3);
    expect((await member.get('/api/v1/library/issues')).body.items).toEqual([
      { id: ids.issue, title: 'Workers’ Voice', issueNo: 112, issuedOn: '2026-11-15', articleCount: 2 },
    ]);
    expect((await member.get(`/api/v1/library/items/${ids.draft}`)).status).toBe(404);
    expect((await admin.get(`/api/v1/library/items/${ids.draft}`)).status).toBe(200);

    for (const c of [member, secretary, region, reader]) {
      expect((await c.post('/api/v1/library/documents', { title: 'x', body: 'y' })).status).toBe(404);
      expect((await c.post(`/api/v1/library/issues/${ids.issue}/articles`, { title: 'x', body: 'y' })).status).toBe(404);
      expect((await c.patch(`/api/v1/library/items/${ids.charter}`, { title: 'Changed' })).status).toBe(404);
    }

    const charters = await member.get('/api/v1/library/items?kind=charter');
    expect(charters.body.items.map((i: { id: number }) => i.id)).toEqual([ids.charter]);
    const editorials = await member.get('/api/v1/library/items?editorial=true');
    expect(editorials.body.items.map((i: { id: number }) => i.id)).toEqual([ids.editorial]);
    const page = await member.get('/api/v1/library/items?limit=2');
    expect(page.body.items).toHaveLength(2);
    const next = await member.get(`/api/v1/library/items?limit=2&cursor=${page.body.nextCursor}`);
    expect([...page.body.items, ...next.body.items].map((i: { id: number }) => i.id).sort()).toEqual(
      [ids.charter, ids.rules, ids.editorial, ids.article].sort(),
    );
  });

  it('updates, publishes and withdraws; an editorial flag only on articles', async () => {
    const changed = await admin.patch(`/api/v1/library/items/${ids.draft}`, {
      published: true,
      body: '<p>Harvest notes, now <b>published</b>.</p>',
    });
    expect(changed.status).toBe(200);
    expect(changed.body.publishedAt).not.toBeNull();
    expect((await member.get(`/api/v1/library/items/${ids.draft}`)).body.bodyHtml).toBe('<p>Harvest notes, now <b>published</b>.</p>');
    expect((await admin.patch(`/api/v1/library/items/${ids.draft}`, { published: false })).body.publishedAt).toBeNull();
    expect((await member.get(`/api/v1/library/items/${ids.draft}`)).status).toBe(404);
    const wrong = await admin.patch(`/api/v1/library/items/${ids.charter}`, { editorial: true });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.messageKey).toBe('library.editorialNotArticle');
  });

  it('searches English by word prefix, ranked, with ts_headline snippets', async () => {
    const res = await member.get('/api/v1/library/search?q=charter');
    expect(res.status).toBe(200);
    const found = res.body.items.map((i: { id: number }) => i.id);
    // The title hit ranks above the body hit.
    expect(found).toEqual([ids.charter, ids.article]);
    expect(res.body.items[0].titleHtml).toBe('<mark>Charter</mark> of the Organization');
    expect(res.body.items[1].snippetHtml).toContain('discussed the <mark>charter</mark> at their study session');
    // Prefix: "harv" finds "harvest"; a draft is not found by a member, but by an administrator.
    const harv = await member.get('/api/v1/library/search?q=harv');
    expect(harv.body.items.map((i: { id: number }) => i.id)).toEqual([ids.article]);
    expect(harv.body.items[0].snippetHtml).toContain('<mark>harvest</mark>');
    expect((await admin.get('/api/v1/library/search?q=harv')).body.items.map((i: { id: number }) => i.id)).toContain(ids.draft);
    expect((await member.get('/api/v1/library/search?q=nothing-like-this')).body.items).toEqual([]);
  });

  it('searches Korean: a word with its particle, and a word inside a compound (trigram substring)', async () => {
    // 학습 is a prefix of 학습모임에 / 학습은 / 학습을: the full-text index finds it.
    const word = await member.get(`/api/v1/library/search?q=${encodeURIComponent('학습')}`);
    const hits = word.body.items.map((i: { id: number }) => i.id);
    expect(hits).toEqual([ids.editorial, ids.rules]); // the editorial has it in its title
    expect(word.body.items[0].titleHtml).toBe('사설: <mark>학습</mark>은 조직의 힘');
    expect(word.body.items[0].snippetHtml).toContain('<mark>');
    // 모임 only occurs inside 학습모임: no word starts with it, the trigram match finds it.
    const inside = await member.get(`/api/v1/library/search?q=${encodeURIComponent('모임')}`);
    expect(inside.body.items.map((i: { id: number }) => i.id).sort()).toEqual([ids.rules, ids.editorial].sort());
    for (const hit of inside.body.items) expect(hit.snippetHtml).toContain('학습<mark>모임</mark>');
    // Text sent decomposed (as some systems type Hangul) is stored composed, so a composed query finds it.
    const decomposed = await admin.post('/api/v1/library/documents', {
      title: '평화와 연대'.normalize('NFD'),
      body: '연대 활동'.normalize('NFD'),
    });
    expect(decomposed.body.title).toBe('평화와 연대');
    const found = await member.get(`/api/v1/library/search?q=${encodeURIComponent('연대')}`);
    expect(found.body.items.map((i: { id: number }) => i.id)).toEqual([decomposed.body.id]);
    // Two words, both required.
    const both = await member.get(`/api/v1/library/search?q=${encodeURIComponent('세포 비서')}`);
    expect(both.body.items.map((i: { id: number }) => i.id)).toEqual([ids.rules]);
  });

  it('escapes HTML in snippets: only <mark> is markup', async () => {
    const doc = await admin.post('/api/v1/library/documents', {
      title: 'Notes on <tags> & quotes',
      body: 'Plain text saying 1 < 2 and "quotes" & the word zebra in it.',
    });
    expect(doc.status).toBe(201);
    const res = await member.get('/api/v1/library/search?q=zebra');
    expect(res.body.items[0].titleHtml).toBe('Notes on &lt;tags&gt; &amp; quotes');
    expect(res.body.items[0].snippetHtml).toContain('1 &lt; 2');
    expect(res.body.items[0].snippetHtml).toContain('<mark>zebra</mark>');
    expect(res.body.items[0].snippetHtml.replace(/<\/?mark>/g, '')).not.toMatch(/<|>/);
    const korean = await member.get(`/api/v1/library/search?q=${encodeURIComponent('<script>')}`);
    expect(korean.status).toBe(200);
  });

  it('reading lists: set by a committee for its subtree, seen by the cells under it; cells and other subtrees refused', async () => {
    const byRegion = await region.post('/api/v1/reading-lists', {
      unitId: org.regionA.id,
      title: 'November study',
      startsOn: '2026-11-01',
      endsOn: '2026-11-30',
      itemIds: [ids.editorial, ids.charter],
    });
    expect(byRegion.status).toBe(201);
    expect(byRegion.body).toMatchObject({ unitId: org.regionA.id, byCentre: false, canEdit: true });
    expect(byRegion.body.items.map((i: { id: number }) => i.id)).toEqual([ids.editorial, ids.charter]);
    const byCentre = await admin.post('/api/v1/reading-lists', {
      unitId: org.root,
      title: 'The charter, all year',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      itemIds: [ids.charter],
    });
    expect(byCentre.status).toBe(201);
    expect(byCentre.body.byCentre).toBe(true);
    const inB = await admin.post('/api/v1/reading-lists', {
      unitId: org.regionB.id,
      title: 'Region B only',
      startsOn: '2026-11-01',
      endsOn: '2026-11-30',
      itemIds: [ids.article],
    });

    // The member's cell: the region's list and the centre's, not region B's; the committees above are not named to a member.
    const mine = await member.get(`/api/v1/units/${org.cellA1a.id}/reading-lists`);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((l: { title: string }) => l.title).sort()).toEqual(['November study', 'The charter, all year']);
    for (const l of mine.body.items) {
      expect(l).not.toHaveProperty('unitId');
      expect(l.canEdit).toBe(false);
    }
    const onDay = await member.get(`/api/v1/units/${org.cellA1a.id}/reading-lists?on=2026-06-01`);
    expect(onDay.body.items.map((l: { title: string }) => l.title)).toEqual(['The charter, all year']);
    expect(
      (await outsider.get(`/api/v1/units/${org.cellB1a.id}/reading-lists`)).body.items.map((l: { title: string }) => l.title).sort(),
    ).toEqual(['Region B only', 'The charter, all year']);
    expect((await member.get(`/api/v1/reading-lists/${inB.body.id}`)).status).toBe(404);
    expect((await member.get(`/api/v1/reading-lists/${byRegion.body.id}`)).status).toBe(200);
    expect((await member.get(`/api/v1/units/${org.cellB1a.id}/reading-lists`)).status).toBe(404);

    // The district reader sees the region's list (it applies to the district) but may not change it.
    const district = await reader.get(`/api/v1/units/${org.districtA1.id}/reading-lists`);
    expect(district.body.items.find((l: { title: string }) => l.title === 'November study')).toMatchObject({ canEdit: false });

    const list = { title: 'x', startsOn: '2026-11-01', endsOn: '2026-11-30', itemIds: [ids.charter] };
    expect((await region.post('/api/v1/reading-lists', { ...list, unitId: org.regionB.id })).status).toBe(404);
    expect((await reader.post('/api/v1/reading-lists', { ...list, unitId: org.districtA1.id })).status).toBe(404);
    const byCell = await secretary.post('/api/v1/reading-lists', { ...list, unitId: org.cellA1a.id });
    expect(byCell.status).toBe(400);
    expect(byCell.body.error.messageKey).toBe('library.unitNotCommittee');
    const draftItem = await region.post('/api/v1/reading-lists', { ...list, unitId: org.districtA1.id, itemIds: [ids.draft] });
    expect(draftItem.status).toBe(400);
    expect(draftItem.body.error).toMatchObject({ messageKey: 'library.itemsNotFound', params: { ids: String(ids.draft) } });
    const backwards = await region.post('/api/v1/reading-lists', { ...list, unitId: org.districtA1.id, startsOn: '2026-12-01' });
    expect(backwards.status).toBe(400);
    const tooLong = await region.post('/api/v1/reading-lists', { ...list, unitId: org.districtA1.id, startsOn: '2020-01-01' });
    expect(tooLong.body.error.messageKey).toBe('library.listTooLong');

    // Changed and deleted by its committee's managers only.
    const put = await region.request('PUT', `/api/v1/reading-lists/${byRegion.body.id}`, {
      ...list,
      unitId: org.districtA1.id,
      title: 'November study (district)',
      itemIds: [ids.article, ids.editorial],
    });
    expect(put.status).toBe(200);
    expect(put.body.items.map((i: { id: number }) => i.id)).toEqual([ids.article, ids.editorial]);
    expect((await member.request('PUT', `/api/v1/reading-lists/${byRegion.body.id}`, { ...list, unitId: org.districtA1.id })).status).toBe(
      404,
    );
    expect((await region.delete(`/api/v1/reading-lists/${byCentre.body.id}`)).status).toBe(404);
    expect((await region.delete(`/api/v1/reading-lists/${byRegion.body.id}`)).status).toBe(204);
    expect((await member.get(`/api/v1/reading-lists/${byRegion.body.id}`)).status).toBe(404);
  });

  it('the reading log: a member marks an item read; it is theirs alone, and study sessions attended count as read', async () => {
    const marked = await member.post('/api/v1/me/reading-log', { itemId: ids.article });
    expect(marked.status).toBe(200);
    expect(marked.body.readOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const again = await member.post('/api/v1/me/reading-log', { itemId: ids.article, readOn: '2026-11-20' });
    expect(again.body).toEqual({ readOn: '2026-11-20', sessions: [] });
    expect((await member.get(`/api/v1/library/items/${ids.article}`)).body.myReading).toEqual({ readOn: '2026-11-20', sessions: [] });

    // Nobody else sees it: not the secretary of the member's cell, not an administrator (no route shows another's log).
    // The secretary reads the item as themself (nothing read); the administrator has no person, so no reading at all.
    expect((await secretary.get(`/api/v1/library/items/${ids.article}`)).body.myReading).toEqual({ readOn: null, sessions: [] });
    expect((await admin.get(`/api/v1/library/items/${ids.article}`)).body.myReading).toBeNull();
    // No route takes a person: the member's log is reachable only as /me.
    expect(t.app.routeTable.filter((r) => r.url.includes('reading-log')).map((r) => r.url)).toEqual([
      '/api/v1/me/reading-log',
      '/api/v1/me/reading-log',
      '/api/v1/me/reading-log/:itemId',
    ]);
    expect((await secretary.get('/api/v1/me/reading-log')).body.items).toEqual([]);
    expect((await admin.get('/api/v1/me/reading-log')).status).toBe(400); // no person record

    // A study meeting of the cell, held, with the editorial linked: the member present has read it at a session.
    const study = await buildMeeting(t.ctx.db, org.cellA1a.id, { kind: 'study', startsAt: '2026-11-10T18:00:00Z' });
    const linked = await secretary.request('PUT', `/api/v1/meetings/${study.id}/readings`, { itemIds: [ids.editorial, ids.editorial] });
    expect(linked.status).toBe(200);
    expect(linked.body.items.map((i: { id: number }) => i.id)).toEqual([ids.editorial]);
    expect((await member.get(`/api/v1/meetings/${study.id}/readings`)).body.items).toHaveLength(1);
    expect((await member.get('/api/v1/me/reading-log')).body.items.map((e: { item: { id: number } }) => e.item.id)).toEqual([ids.article]);
    await holdMeeting(t.ctx.db, study.id, { [org.P.id]: 'absent' });
    const log = (await member.get('/api/v1/me/reading-log')).body.items;
    expect(log.map((e: { item: { id: number } }) => e.item.id)).toEqual([ids.article, ids.editorial]);
    expect(log[1]).toMatchObject({ readOn: null, sessions: [{ meetingId: study.id, meetsOn: '2026-11-10' }] });
    // Derived, not stored: the absent member has not read it; unlinking takes it out of the log.
    const parkAccount = await buildAccount(t.ctx.db, {
      login: 'park@test',
      personId: org.P.id,
      grants: [{ role: 'member', unitId: org.cellA1a.id }],
    });
    const park = await signIn(t.app, parkAccount.login, parkAccount.password);
    expect((await park.get('/api/v1/me/reading-log')).body.items).toEqual([]);
    expect(await t.ctx.db.selectFrom('reading_log').select('item_id').where('item_id', '=', ids.editorial!).execute()).toEqual([]);
    await secretary.request('PUT', `/api/v1/meetings/${study.id}/readings`, { itemIds: [] });
    expect((await member.get('/api/v1/me/reading-log')).body.items.map((e: { item: { id: number } }) => e.item.id)).toEqual([ids.article]);

    expect((await member.delete(`/api/v1/me/reading-log/${ids.article}`)).status).toBe(204);
    expect((await member.get('/api/v1/me/reading-log')).body.items).toEqual([]);
  });

  it("a member's solo readings are in their data export and go when they are erased", async () => {
    const person = await buildPerson(t.ctx.db, org.cellA1b.id, { fullName: 'Reader Yoon' });
    const account = await buildAccount(t.ctx.db, {
      login: 'yoon@test',
      personId: person.id,
      grants: [{ role: 'member', unitId: org.cellA1b.id }],
    });
    const yoon = await signIn(t.app, account.login, account.password);
    await yoon.post('/api/v1/me/reading-log', { itemId: ids.charter, readOn: '2026-11-02' });
    const exported = await yoon.get('/api/v1/me/export');
    expect(exported.body.readingLog).toEqual([{ itemId: ids.charter, title: 'Charter of the Organization', readOn: '2026-11-02' }]);
    expect((await admin.post(`/api/v1/people/${person.id}/erase`, {})).status).toBeLessThan(300);
    expect(await t.ctx.db.selectFrom('reading_log').selectAll().where('person_id', '=', person.id).execute()).toEqual([]);
  });

  it('links readings to study meetings only, by the cell’s managers, with published items', async () => {
    const general = await buildMeeting(t.ctx.db, org.cellA1a.id, { kind: 'general' });
    const notStudy = await secretary.request('PUT', `/api/v1/meetings/${general.id}/readings`, { itemIds: [ids.charter] });
    expect(notStudy.status).toBe(400);
    expect(notStudy.body.error.messageKey).toBe('library.notStudyMeeting');
    const study = await buildMeeting(t.ctx.db, org.cellA1a.id, { kind: 'study' });
    expect((await member.request('PUT', `/api/v1/meetings/${study.id}/readings`, { itemIds: [ids.charter] })).status).toBe(404);
    const elsewhere = await buildMeeting(t.ctx.db, org.cellB1a.id, { kind: 'study' });
    expect((await secretary.request('PUT', `/api/v1/meetings/${elsewhere.id}/readings`, { itemIds: [ids.charter] })).status).toBe(404);
    expect((await secretary.get(`/api/v1/meetings/${elsewhere.id}/readings`)).status).toBe(404);
    const unknown = await secretary.request('PUT', `/api/v1/meetings/${study.id}/readings`, { itemIds: [ids.charter, 999999] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.params).toEqual({ ids: '999999' });
    expect((await secretary.get(`/api/v1/meetings/${study.id}/readings`)).body.items).toEqual([]);
  });

  it('answers bad input with a clear 4xx, never a 500', async () => {
    const cases: Array<[string, string, unknown]> = [
      ['GET', '/api/v1/library/search', undefined],
      ['GET', '/api/v1/library/search?q=', undefined],
      ['GET', `/api/v1/library/search?q=${'x'.repeat(201)}`, undefined],
      ['GET', '/api/v1/library/search?q=a&limit=1000', undefined],
      ['GET', '/api/v1/library/items?kind=poem', undefined],
      ['GET', '/api/v1/library/items/abc', undefined],
      ['GET', '/api/v1/library/items/0397', undefined],
      ['POST', '/api/v1/library/documents', { title: '', body: 'x' }],
      ['POST', '/api/v1/library/documents', { title: 'x', body: '<script>only()</script>' }],
      ['POST', '/api/v1/library/documents', { title: 'x', body: 'x', kind: 'article' }],
      ['POST', '/api/v1/library/documents', { title: 'x', body: 'x', extra: 1 }],
      ['POST', '/api/v1/library/issues', { title: 'x', issuedOn: '2026-02-30' }],
      ['POST', '/api/v1/library/issues/999999/articles', { title: 'x', body: 'y' }],
      ['PATCH', `/api/v1/library/items/${ids.charter}`, {}],
      ['PATCH', '/api/v1/library/items/999999', { title: 'x' }],
      ['POST', '/api/v1/reading-lists', { unitId: org.regionA.id, title: 'x', startsOn: '2026-11-01', endsOn: '2026-11-30', itemIds: [] }],
      [
        'POST',
        '/api/v1/reading-lists',
        { unitId: 999999, title: 'x', startsOn: '2026-11-01', endsOn: '2026-11-30', itemIds: [ids.charter] },
      ],
      ['GET', '/api/v1/reading-lists/999999', undefined],
      ['GET', `/api/v1/units/${org.regionA.id}/reading-lists?on=yesterday`, undefined],
    ];
    for (const [method, url, body] of cases) {
      const res = await admin.request(method as 'GET', url, body);
      expect(res.status, `${method} ${url}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${method} ${url}`).toBeLessThan(500);
      expect(res.body.error?.messageKey, `${method} ${url}`).toBeTruthy();
    }
    // Odd queries are plain searches: symbols, numerals the parser splits, scripts without spaces, emoji, LIKE and tsquery syntax.
    for (const q of ["'", '\\', '%_', 'a & !b | c:*', '½ ① ⅷ', '中文', '🙂', 'ǅ', `${'가'.repeat(200)}`]) {
      const res = await member.get(`/api/v1/library/search?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
    }
    const future = await member.post('/api/v1/me/reading-log', { itemId: ids.charter, readOn: '2999-01-01' });
    expect(future.body.error.messageKey).toBe('library.readInFuture');
    expect((await member.post('/api/v1/me/reading-log', { itemId: 999999 })).status).toBe(404);
    expect((await member.post('/api/v1/me/reading-log', { itemId: ids.draft })).status).toBe(404);
    expect((await member.delete('/api/v1/me/reading-log/999999')).status).toBe(404);
  });
});
