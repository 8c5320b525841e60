/** Directives through the API: drafting in scope, sanitising, publication and fan-out, the inbox, acknowledgments, briefings, reach. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildMeeting, buildPerson, holdMeeting } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';
import { recountReach } from '../src/server/modules/directives/queries.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let org: Org;
let region: Client;
let admin: Client;
let member: Client;
let secretary: Client;
let outsider: Client;

const body = (over: Record<string, unknown> = {}) => ({
  title: 'Harvest mobilisation',
  body: '<p>Everyone to the fields.</p>',
  target: { unitIds: [org.regionA.id] },
  acknowledgeWithinDays: 7,
  ...over,
});

async function publishAndWait(c: Client, id: number) {
  const res = await c.post(`/api/v1/directives/${id}/publish`);
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  // The fan-out runs on the job queue in this process; wait for it (polling, not a time assertion).
  for (let i = 0; i < 300; i++) {
    if ((await c.get(`/api/v1/directives/${id}`)).body.rounds[0]?.fanOut === 'done') return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`fan-out of directive ${id} did not finish`);
}

async function reach(c: Client, id: number, unit: number) {
  const res = await c.get(`/api/v1/directives/${id}/reach?unit=${unit}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** The counters equal a recount from the delivery rows, at every unit. */
async function expectCountersExact(id: number) {
  const recount = (await recountReach(t.ctx.db, id, 1)).rows;
  const stored = await t.ctx.db
    .selectFrom('directive_reach')
    .select(['unit_id', 'members', 'acknowledged', 'briefed', 'acknowledged_in_time', 'briefed_in_time'])
    .where('directive_id', '=', id)
    .where('round', '=', 1)
    .where('members', '>', 0)
    .orderBy('unit_id')
    .execute();
  expect(stored.map((r) => ({ ...r, unit_id: Number(r.unit_id) }))).toEqual(recount.map((r) => ({ ...r, unit_id: Number(r.unit_id) })));
}

beforeAll(async () => {
  t = await createTestApp({ jobs: true });
  org = await buildOrg(t.ctx.db);
  region = await signIn(t.app, 'region@test', 'secret-pass');
  admin = await signIn(t.app, 'admin@test', 'secret-pass');
  member = await signIn(t.app, 'member@test', 'secret-pass');
  secretary = await signIn(t.app, 'secretary@test', 'secret-pass');
  outsider = await signIn(t.app, 'outsider@test', 'secret-pass');
}, 60_000);
afterAll(async () => t?.close());

describe('drafting', () => {
  it('sanitises the body: scripts, event handlers and javascript: links are gone, formatting stays', async () => {
    const res = await region.post(
      '/api/v1/directives',
      body({
        body: '<p onclick="steal()">Read <b>this</b><script>alert(1)</script><a href="javascript:alert(2)">x</a><img src=x onerror=alert(3)></p>',
      }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const got = await region.get(`/api/v1/directives/${res.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body.body).toContain('<b>this</b>');
    for (const bad of ['script', 'onclick', 'onerror', 'javascript:', 'alert']) expect(got.body.body).not.toContain(bad);
    expect(got.body).toMatchObject({ status: 'draft', issuingUnit: { id: org.regionA.id }, canManage: true, rounds: [] });
  });

  it('stores what the web editor writes unchanged, on create and on change', async () => {
    // As tiptap (starter kit, Mantine's link) writes it: headings, marks, lists of paragraphs, a quote, links.
    const editorHtml =
      '<h2>Harvest</h2><p>Every member <strong>to the fields</strong> on <em>Saturday</em> &amp; Sunday.<br>Bring tools.</p>' +
      '<ul><li><p>Spades</p></li><li><p>Water</p></li></ul><ol start="3"><li><p>Third</p></li></ol>' +
      '<blockquote><p>Quoted line</p></blockquote><h3>Contacts</h3>' +
      '<p><a target="_blank" rel="noopener noreferrer" href="https://example.org/plan?a=1&amp;b=2">the plan</a> or ' +
      '<a rel="noopener noreferrer" href="mailto:office@example.org">write</a></p><p></p>';
    const res = await region.post('/api/v1/directives', body({ body: editorHtml }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((await region.get(`/api/v1/directives/${res.body.id}`)).body.body).toBe(editorHtml);
    const changed = `${editorHtml}<p>One more <s>line</s>.</p>`;
    expect((await region.patch(`/api/v1/directives/${res.body.id}`, { body: changed })).status).toBe(200);
    expect((await region.get(`/api/v1/directives/${res.body.id}`)).body.body).toBe(changed);
  });

  it('strips scripts, styles, event handlers, foreign attributes and links that are not http, https or mailto', async () => {
    const res = await region.post(
      '/api/v1/directives',
      body({
        body:
          '<h2 style="color:red" class="x">Title</h2><style>p{display:none}</style><p onmouseover="steal()">Text</p>' +
          '<script>alert(1)</script><p><a href="javascript:alert(2)" onclick="alert(3)">js</a> ' +
          '<a href="data:text/html,alert(4)">data</a> <a href="//evil.example/">relative</a> ' +
          '<a href="https://example.org/" target="_top" rel="opener">ok</a></p><iframe src="https://evil.example/"></iframe>',
      }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const stored = (await region.get(`/api/v1/directives/${res.body.id}`)).body.body;
    expect(stored).toBe(
      '<h2>Title</h2><p>Text</p><p><a rel="noopener noreferrer">js</a> <a rel="noopener noreferrer">data</a> ' +
        '<a rel="noopener noreferrer">relative</a> <a href="https://example.org/" rel="noopener noreferrer">ok</a></p>',
    );
  });

  it('turns a plain-text body into paragraphs', async () => {
    const res = await region.post('/api/v1/directives', body({ body: 'First line\nsecond line\n\nTools & water > 2 kg' }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.body).toBe('<p>First line<br>second line</p>\n<p>Tools &amp; water &gt; 2 kg</p>');
  });

  it('refuses a target outside the official’s subtree, and anyone who does not issue directives', async () => {
    const out = await region.post('/api/v1/directives', body({ target: { unitIds: [org.regionA.id, org.cellB1a.id] } }));
    expect(out.status).toBe(404);
    expect(out.body.error.messageKey).toBe('unit.notFound');
    expect((await secretary.post('/api/v1/directives', body({ target: { unitIds: [org.cellA1a.id] } }))).status).toBe(404);
    expect((await member.post('/api/v1/directives', body({ target: { unitIds: [org.cellA1a.id] } }))).status).toBe(404);
    expect((await admin.post('/api/v1/directives', body({ target: { unitIds: [org.cellB1a.id] } }))).status).toBe(201);
    const bad = await region.post('/api/v1/directives', body({ target: { unitIds: [] } }));
    expect(bad.status).toBe(400);
  });

  it('changes a draft, and not once published; a draft is nobody else’s business', async () => {
    const { body: d } = await region.post('/api/v1/directives', body());
    expect((await region.patch(`/api/v1/directives/${d.id}`, { title: 'Renamed' })).body.title).toBe('Renamed');
    expect((await member.get(`/api/v1/directives/${d.id}`)).status).toBe(404);
    expect((await outsider.get(`/api/v1/directives/${d.id}`)).status).toBe(404);
    await publishAndWait(region, d.id);
    expect((await region.patch(`/api/v1/directives/${d.id}`, { title: 'Again' })).status).toBe(409);
    expect((await region.post(`/api/v1/directives/${d.id}/publish`)).status).toBe(409);
  });
});

describe('a published directive', () => {
  let id: number;
  beforeAll(async () => {
    id = (await region.post('/api/v1/directives', body({ title: 'Inbox directive' }))).body.id;
    await publishAndWait(region, id);
  }, 60_000);

  it('reaches every member of the target once, and the reach adds up', async () => {
    const r = await reach(region, id, org.regionA.id);
    expect(r).toMatchObject({ unitId: org.regionA.id, members: 3, delivered: 3, acknowledged: 0, briefed: 0, notReached: 3, round: 1 });
    expect((await reach(admin, id, org.root)).members).toBe(3);
    expect((await region.get(`/api/v1/directives/${id}/reach?unit=${org.root}`)).status).toBe(404);
    expect((await region.get(`/api/v1/directives/${id}/reach?unit=${org.cellB1a.id}`)).status).toBe(404);
    expect((await member.get(`/api/v1/directives/${id}/reach?unit=${org.cellA1a.id}`)).status).toBe(404);
    // The not-reached list, page by page, is everyone once.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ fullName: string }>; nextCursor: string | null } } = await region.get(
        `/api/v1/directives/${id}/not-reached?unit=${org.regionA.id}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items.map((i) => i.fullName));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Member Lee', 'Member Park', 'Secretary Kim']);
    const children = await region.get(`/api/v1/directives/${id}/reach/children?unit=${org.districtA1.id}`);
    expect(children.body.items.map((c: { unitName: string; members: number }) => [c.unitName, c.members])).toEqual([
      ['Cell A1a', 3],
      ['Cell A1b', 0],
    ]);
  });

  it('shows in the member’s inbox unread, and the acknowledgment is idempotent, even all at once', async () => {
    const inbox = await member.get('/api/v1/me/directives');
    expect(inbox.body.items[0]).toMatchObject({ id, title: 'Inbox directive', acknowledgedAt: null });
    const first = await member.post(`/api/v1/directives/${id}/acknowledgment`);
    expect(first.status).toBe(200);
    const again = await Promise.all(Array.from({ length: 8 }, () => member.post(`/api/v1/directives/${id}/acknowledgment`)));
    for (const r of again) expect(r.body.acknowledgedAt).toBe(first.body.acknowledgedAt);
    const rows = await t.ctx.db
      .selectFrom('directive_deliveries')
      .selectAll()
      .where('directive_id', '=', id)
      .where('person_id', '=', org.M.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(await reach(region, id, org.regionA.id)).toMatchObject({ members: 3, acknowledged: 1, acknowledgedInTime: 1, notReached: 2 });
    const after = await member.get('/api/v1/me/directives');
    expect(after.body.items.find((i: { id: number }) => i.id === id).acknowledgedAt).toBe(first.body.acknowledgedAt);
    expect((await member.get(`/api/v1/directives/${id}`)).body.mine.acknowledgedAt).toBe(first.body.acknowledgedAt);
  });

  it('answers 404 to a member it was never sent to', async () => {
    expect((await outsider.post(`/api/v1/directives/${id}/acknowledgment`)).status).toBe(404);
    expect((await outsider.get(`/api/v1/directives/${id}`)).status).toBe(404);
    expect((await member.post('/api/v1/directives/999999/acknowledgment')).status).toBe(404);
  });

  it('records a briefing of the secretary’s own roll only; anyone else on the list saves nothing', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const refused = await secretary.post(`/api/v1/directives/${id}/briefings`, { personIds: [org.P.id, org.Q.id], briefedOn: today });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ messageKey: 'directive.notOnRoll', details: { personIds: [org.Q.id] } });
    expect((await reach(region, id, org.regionA.id)).briefed).toBe(0);
    expect((await member.post(`/api/v1/directives/${id}/briefings`, { personIds: [org.P.id], briefedOn: today })).status).toBe(404);
    expect((await secretary.post(`/api/v1/directives/${id}/briefings`, { personIds: [org.P.id], briefedOn: '2020-01-01' })).status).toBe(
      400,
    );
    const future = await secretary.post(`/api/v1/directives/${id}/briefings`, { personIds: [org.P.id], briefedOn: '2999-01-01' });
    expect(future.status).toBe(400);
    const ok = await secretary.post(`/api/v1/directives/${id}/briefings`, { personIds: [org.P.id, org.M.id], briefedOn: today });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ round: 1, briefed: 2, alreadyBriefed: 0 });
    // M acknowledged and was briefed: counted once, as acknowledged.
    expect(await reach(region, id, org.regionA.id)).toMatchObject({
      members: 3,
      acknowledged: 1,
      briefed: 1,
      notReached: 1,
      briefedInTime: 1,
    });
    await expectCountersExact(id);
  });

  it('lists the members not reached, for the secretary’s cell and down the tree, and as CSV', async () => {
    const own = await secretary.get(`/api/v1/directives/${id}/not-reached?unit=${org.cellA1a.id}`);
    expect(own.status).toBe(200);
    expect(own.body.items.map((i: { fullName: string }) => i.fullName)).toEqual(['Secretary Kim']);
    expect((await secretary.get(`/api/v1/directives/${id}/not-reached?unit=${org.districtA1.id}`)).status).toBe(404);
    const down = await region.get(`/api/v1/directives/${id}/not-reached?unit=${org.regionA.id}&limit=1`);
    expect(down.body.items).toHaveLength(1);
    const csv = await region.get(`/api/v1/directives/${id}/not-reached.csv?unit=${org.regionA.id}`);
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-type'])).toContain('text/csv');
    expect(csv.body).toContain('Secretary Kim');
    expect(csv.body).not.toContain('Member Lee');
  });

  it('marks a meeting’s present members briefed in one step', async () => {
    const d = (await region.post('/api/v1/directives', body({ title: 'Meeting directive', target: { unitIds: [org.cellA1a.id] } }))).body;
    await publishAndWait(region, d.id);
    const meeting = await buildMeeting(t.ctx.db, org.cellA1a.id);
    await holdMeeting(t.ctx.db, meeting.id, { [org.P.id]: 'absent' });
    const today = new Date().toISOString().slice(0, 10);
    const res = await secretary.post(`/api/v1/directives/${d.id}/briefings`, {
      meetingId: meeting.id,
      presentMembers: true,
      briefedOn: today,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.briefed).toBe(2);
    expect(await reach(secretary, d.id, org.cellA1a.id)).toMatchObject({ members: 3, briefed: 2, notReached: 1 });
    await expectCountersExact(d.id);
  });

  it('reaches a member who joins a targeted cell while it is published', async () => {
    const joiner = await buildPerson(t.ctx.db, org.cellA1b.id, { fullName: 'Newcomer Jung' });
    expect(await reach(region, id, org.regionA.id)).toMatchObject({ members: 4, notReached: 2 });
    expect((await reach(region, id, org.cellA1b.id)).members).toBe(1);
    const rows = await t.ctx.db
      .selectFrom('directive_deliveries')
      .select('cell_id')
      .where('directive_id', '=', id)
      .where('person_id', '=', joiner.id)
      .execute();
    expect(rows.map((r) => Number(r.cell_id))).toEqual([org.cellA1b.id]);
    await expectCountersExact(id);
  });

  it('reaches members added by a CSV import into a targeted cell, in the import’s transaction', async () => {
    const before = (await reach(region, id, org.regionA.id)).members;
    const res = await admin.request(
      'POST',
      `/api/v1/units/${org.cellA2a.id}/imports?importId=${randomUUID()}`,
      'full_name\nImported Yoon\n',
      {
        'content-type': 'text/csv',
      },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await reach(region, id, org.regionA.id)).toMatchObject({ members: before + 1 });
    expect((await reach(region, id, org.cellA2a.id)).members).toBe(1);
    await expectCountersExact(id);
  });

  it('narrows to roles and sectors', async () => {
    const d = (
      await region.post(
        '/api/v1/directives',
        body({ title: 'Secretaries only', target: { unitIds: [org.regionA.id], roles: ['secretary'] } }),
      )
    ).body;
    await publishAndWait(region, d.id);
    expect((await reach(region, d.id, org.regionA.id)).members).toBe(1);
    const s = (
      await region.post('/api/v1/directives', body({ title: 'Press only', target: { unitIds: [org.regionA.id], sectors: ['press'] } }))
    ).body;
    await publishAndWait(region, s.id);
    expect((await reach(region, s.id, org.regionA.id)).members).toBe(0);
  });

  it('after withdrawal: acknowledging is 409, the history is kept', async () => {
    const w = await region.post(`/api/v1/directives/${id}/withdraw`);
    expect(w.status).toBe(200);
    expect(w.body.status).toBe('withdrawn');
    const res = await member.post(`/api/v1/directives/${id}/acknowledgment`);
    expect(res.status).toBe(409);
    expect(res.body.error.messageKey).toBe('directive.withdrawn');
    expect((await outsider.post(`/api/v1/directives/${id}/acknowledgment`)).status).toBe(404);
    expect((await region.post(`/api/v1/directives/${id}/withdraw`)).status).toBe(409);
    expect((await reach(region, id, org.regionA.id)).acknowledged).toBe(1);
    expect((await member.get(`/api/v1/directives/${id}`)).body.status).toBe('withdrawn');
    const list = await region.get('/api/v1/directives');
    expect(list.body.items.some((i: { id: number; status: string }) => i.id === id && i.status === 'withdrawn')).toBe(true);
  });
});
