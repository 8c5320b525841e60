/**
 * Review sessions through the API (issue 12): self-assessments (one per member, replaced on rewrite),
 * feedback on the roll (never about oneself, not after closing), the three-author rule for anonymous
 * feedback, the member's export and erasure, and a secretary who cannot learn an anonymous author.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildMeeting } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';
import { buildReview, buildReviewers } from './helpers/reviews.ts';

describe('review sessions', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let member: Client;
  let secretary: Client;
  let region: Client;
  let admin: Client;
  let outsider: Client;
  let reader: Client;
  let peers: Awaited<ReturnType<typeof buildReviewers>>;

  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    const as = (login: string) => signIn(t.app, login, 'secret-pass');
    member = await as('member@test');
    secretary = await as('secretary@test');
    region = await as('region@test');
    admin = await as('admin@test');
    outsider = await as('outsider@test');
    reader = await as('reader@test');
    peers = await buildReviewers(t.ctx.db, t.app, org, 4);
  });
  afterAll(async () => {
    await t.close();
  });

  const review = async () => (await buildReview(t.ctx.db, org.cellA1a.id)).id;
  const feedback = (c: Client, meetingId: number, aboutPersonId: number, text: string, anonymous: boolean) =>
    c.post(`/api/v1/meetings/${meetingId}/feedback`, { aboutPersonId, text, anonymous });

  it('a member writes a self-assessment; writing again replaces it; the secretary and officials read all', async () => {
    const id = await review();
    const first = await member.request('PUT', `/api/v1/meetings/${id}/self-assessment`, { text: 'I led two work visits.' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ meetingId: id, personId: org.M.id, text: 'I led two work visits.' });
    const again = await member.request('PUT', `/api/v1/meetings/${id}/self-assessment`, { text: 'I led three work visits.' });
    expect(again.status).toBe(200);
    expect((await member.get(`/api/v1/meetings/${id}/self-assessment`)).body.text).toBe('I led three work visits.');
    await peers[0]!.client.request('PUT', `/api/v1/meetings/${id}/self-assessment`, { text: 'I kept the minutes.' });

    const list = await secretary.get(`/api/v1/meetings/${id}/self-assessments`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { personId: number; text: string }) => [i.personId, i.text]).sort()).toEqual(
      [
        [org.M.id, 'I led three work visits.'],
        [peers[0]!.personId, 'I kept the minutes.'],
      ].sort(),
    );
    const rows = await t.ctx.db.selectFrom('self_assessments').selectAll().where('meeting_id', '=', id).execute();
    expect(rows).toHaveLength(2);
    expect((await region.get(`/api/v1/meetings/${id}/self-assessments`)).status).toBe(200);
    expect((await member.get(`/api/v1/meetings/${id}/self-assessments`)).status).toBe(404);
    expect((await outsider.get(`/api/v1/meetings/${id}/self-assessments`)).status).toBe(404);
    expect((await peers[1]!.client.get(`/api/v1/meetings/${id}/self-assessment`)).status).toBe(404);
  });

  it('refuses bad self-assessments: empty, too long, a meeting of another kind, someone not on the roll', async () => {
    const id = await review();
    const put = (c: Client, m: number, body: unknown) => c.request('PUT', `/api/v1/meetings/${m}/self-assessment`, body);
    expect((await put(member, id, { text: '   ' })).status).toBe(400);
    expect((await put(member, id, { text: 'x'.repeat(4001) })).status).toBe(400);
    expect((await put(member, id, { text: 'ok', extra: 1 })).status).toBe(400);
    const general = (await buildMeeting(t.ctx.db, org.cellA1a.id, { kind: 'general' })).id;
    const wrongKind = await put(member, general, { text: 'ok' });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.error.messageKey).toBe('review.notReviewMeeting');
    const noPerson = await put(region, id, { text: 'ok' });
    expect(noPerson.status).toBe(400);
    expect(noPerson.body.error.messageKey).toBe('review.notOnRoll');
    expect((await put(outsider, id, { text: 'ok' })).status).toBe(404);
  });

  it('refuses feedback about oneself, about or by someone not on the roll, of another kind, twice the same way', async () => {
    const id = await review();
    const self = await feedback(member, id, org.M.id, 'Good work', false);
    expect(self.status).toBe(400);
    expect(self.body.error.messageKey).toBe('review.feedbackAboutOneself');
    const notOnRoll = await feedback(member, id, org.Q.id, 'Good work', false);
    expect(notOnRoll.status).toBe(400);
    expect(notOnRoll.body.error.messageKey).toBe('review.aboutNotOnRoll');
    expect((await feedback(region, id, org.M.id, 'Good work', false)).body.error.messageKey).toBe('review.notOnRoll');
    expect((await feedback(outsider, id, org.M.id, 'Good work', false)).status).toBe(404);
    const general = (await buildMeeting(t.ctx.db, org.cellA1a.id, { kind: 'general' })).id;
    expect((await feedback(member, general, org.P.id, 'Good work', false)).status).toBe(400);
    expect((await member.post(`/api/v1/meetings/${id}/feedback`, { aboutPersonId: org.P.id, text: 'x' })).status).toBe(400);
    expect((await feedback(member, id, org.P.id, 'x'.repeat(2001), false)).status).toBe(400);

    expect((await feedback(member, id, org.P.id, 'Prepared the plan well', true)).status).toBe(201);
    const twice = await feedback(member, id, org.P.id, 'Again', true);
    expect(twice.status).toBe(409);
    expect(twice.body.error.messageKey).toBe('review.feedbackAlreadyGiven');
    // A member may give feedback to their secretary.
    expect((await feedback(member, id, org.S.id, 'Explains the tasks clearly', false)).status).toBe(201);
  });

  it('named feedback shows its author to the person and their secretary; nobody else reads it', async () => {
    const id = await review();
    const given = await feedback(member, id, org.P.id, 'Kept every deadline', false);
    expect(given.status).toBe(201);
    expect(given.body).toEqual({ meetingId: id, aboutPersonId: org.P.id, text: 'Kept every deadline', anonymous: false });
    const url = `/api/v1/people/${org.P.id}/feedback?meeting=${id}`;
    const bySecretary = await secretary.get(url);
    expect(bySecretary.status).toBe(200);
    expect(bySecretary.body.items).toEqual([
      {
        meetingId: id,
        meetsOn: expect.any(String),
        text: 'Kept every deadline',
        anonymous: false,
        author: { personId: org.M.id, fullName: 'Member Lee' },
      },
    ]);
    for (const other of [member, region, admin, reader, outsider, peers[0]!.client]) expect((await other.get(url)).status).toBe(404);
  });

  it('anonymous feedback shows once the session is closed and three different people wrote, never with an author', async () => {
    const id = await review();
    const about = peers[3]!.personId;
    const url = `/api/v1/people/${about}/feedback?meeting=${id}`;
    const reader = peers[3]!.client;
    await feedback(peers[0]!.client, id, about, 'Brings tools on time', true);
    await feedback(peers[1]!.client, id, about, 'Could speak up more', true);
    const two = await secretary.post(`/api/v1/meetings/${id}/review/close`, {});
    expect(two.status).toBe(200);
    expect(two.body.closed).toBe(true);
    const hidden = await reader.get(url);
    expect(hidden.body).toEqual({
      items: [],
      sessions: [{ meetingId: id, meetsOn: expect.any(String), closed: true, hiddenAnonymous: 2 }],
    });

    const later = await review();
    const laterUrl = `/api/v1/people/${about}/feedback?meeting=${later}`;
    for (const [i, text] of ['Zealous on the line', 'Always helps the new ones', 'Misses the morning briefings'].entries()) {
      expect((await feedback(peers[i]!.client, later, about, text, true)).status).toBe(201);
    }
    await feedback(member, later, about, 'Led the shift well', false);
    const whileOpen = await secretary.get(laterUrl);
    expect(whileOpen.body.items.map((i: { text: string }) => i.text)).toEqual(['Led the shift well']);
    expect(whileOpen.body.sessions[0].hiddenAnonymous).toBeNull();
    await secretary.post(`/api/v1/meetings/${later}/review/close`, {});
    for (const c of [reader, secretary]) {
      const shown = (await c.get(laterUrl)).body;
      expect(shown.items).toEqual([
        { meetingId: later, meetsOn: expect.any(String), text: 'Always helps the new ones', anonymous: true },
        {
          meetingId: later,
          meetsOn: expect.any(String),
          text: 'Led the shift well',
          anonymous: false,
          author: { personId: org.M.id, fullName: 'Member Lee' },
        },
        { meetingId: later, meetsOn: expect.any(String), text: 'Misses the morning briefings', anonymous: true },
        { meetingId: later, meetsOn: expect.any(String), text: 'Zealous on the line', anonymous: true },
      ]);
      expect(shown.sessions[0].hiddenAnonymous).toBe(0);
    }
  });

  it('a closed session takes no more feedback or self-assessments; only its managers close it', async () => {
    const id = await review();
    expect((await member.post(`/api/v1/meetings/${id}/review/close`, {})).status).toBe(404);
    expect((await reader.post(`/api/v1/meetings/${id}/review/close`, {})).status).toBe(404);
    expect((await secretary.post(`/api/v1/meetings/${id}/review/close`, {})).status).toBe(200);
    expect((await secretary.post(`/api/v1/meetings/${id}/review/close`, {})).status).toBe(200);
    const late = await feedback(member, id, org.P.id, 'Late', false);
    expect(late.status).toBe(409);
    expect(late.body.error.messageKey).toBe('review.closed');
    expect((await member.request('PUT', `/api/v1/meetings/${id}/self-assessment`, { text: 'Late' })).status).toBe(409);
    // A session nobody closed closes two weeks after the meeting.
    const old = await buildMeeting(t.ctx.db, org.cellA1a.id, {
      kind: 'review',
      startsAt: new Date(Date.now() - 20 * 86_400_000).toISOString(),
    });
    expect((await feedback(member, old.id, org.P.id, 'Late', false)).status).toBe(409);
    expect((await member.get(`/api/v1/meetings/${old.id}/review`)).body).toMatchObject({ closed: true, closedAt: null });
  });

  it('a session recorded as not held takes nothing; a feedback read names a review meeting or is refused', async () => {
    const id = await review();
    expect((await secretary.post(`/api/v1/meetings/${id}/not-held`, { reason: 'Plant shutdown' })).status).toBe(200);
    const put = await member.request('PUT', `/api/v1/meetings/${id}/self-assessment`, { text: 'ok' });
    expect(put.status).toBe(409);
    expect(put.body.error.messageKey).toBe('review.notHeld');
    expect((await feedback(member, id, org.P.id, 'ok', false)).status).toBe(409);
    const general = (await buildMeeting(t.ctx.db, org.cellA1a.id, { kind: 'general' })).id;
    expect((await secretary.get(`/api/v1/people/${org.P.id}/feedback?meeting=${general}`)).status).toBe(400);
    expect((await secretary.get(`/api/v1/people/${org.P.id}/feedback?meeting=abc`)).status).toBe(400);
    expect((await secretary.get(`/api/v1/people/${org.P.id}/feedback?meeting=${id}&x=1`)).status).toBe(400);
    expect((await outsider.get(`/api/v1/people/${org.Q.id}/feedback?meeting=${id}`)).status).toBe(404);
  });

  it("the session page gives the member their roll, their own feedback and their attendance; it is the meetings' page otherwise", async () => {
    const id = await review();
    await feedback(member, id, org.P.id, 'Thanks for the help', true);
    const page = await member.get(`/api/v1/meetings/${id}/review`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ meetingId: id, onRoll: true, canManage: false, closed: false });
    expect(page.body.roll.map((r: { personId: number }) => r.personId)).toContain(org.P.id);
    expect(page.body.given).toEqual([{ meetingId: id, aboutPersonId: org.P.id, text: 'Thanks for the help', anonymous: true }]);
    expect((await peers[0]!.client.get(`/api/v1/meetings/${id}/review`)).body.given).toEqual([]);
    expect((await secretary.get(`/api/v1/meetings/${id}/review`)).body).toMatchObject({ canManage: true, given: [] });
    expect((await outsider.get(`/api/v1/meetings/${id}/review`)).status).toBe(404);
  });

  it('the export gives an author their anonymous items and the person only what the three-author rule shows; erasure unlinks', async () => {
    const id = await review();
    const about = org.P.id;
    for (const [i, p] of peers.slice(0, 3).entries()) await feedback(p.client, id, about, `Anonymous note ${i}`, true);
    await feedback(peers[0]!.client, id, org.M.id, 'Lone anonymous note', true);
    await secretary.post(`/api/v1/meetings/${id}/review/close`, {});

    const authorExport = (await peers[0]!.client.get('/api/v1/me/export')).body.reviews;
    const mine = authorExport.feedbackGiven.filter((f: { meetingId: number }) => f.meetingId === id);
    expect(mine.map((f: { text: string; anonymous: boolean }) => [f.text, f.anonymous]).sort()).toEqual([
      ['Anonymous note 0', true],
      ['Lone anonymous note', true],
    ]);
    const mExport = (await signIn(t.app, 'member@test', 'secret-pass').then((c) => c.get('/api/v1/me/export'))).body.reviews;
    const aboutM = mExport.feedbackAboutYou.items.filter((f: { meetingId: number }) => f.meetingId === id);
    expect(aboutM).toEqual([]); // one anonymous author about M: hidden
    expect(JSON.stringify(mExport.feedbackAboutYou)).not.toMatch(/author/i);

    await admin.post(`/api/v1/people/${peers[0]!.personId}/erase`, {});
    const left = await t.ctx.db.selectFrom('feedback').select(['text', 'author_key']).where('meeting_id', '=', id).execute();
    expect(left.map((r) => r.text).sort()).toEqual(['Anonymous note 0', 'Anonymous note 1', 'Anonymous note 2', 'Lone anonymous note']);
    // Still three distinct authors about P, so P's view is unchanged; the erased author's keys are new.
    expect(new Set(left.map((r) => r.author_key)).size).toBe(4);
    const sa = await t.ctx.db.selectFrom('self_assessments').select('person_id').where('person_id', '=', peers[0]!.personId).execute();
    expect(sa).toEqual([]);
  });
});

describe('a secretary cannot learn an anonymous author', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;

  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
  });
  afterAll(async () => {
    await t.close();
  });

  it('through the feedback list, the self-assessments, the session page, the audit trail or an export', async () => {
    const peers = await buildReviewers(t.ctx.db, t.app, org, 3, 'writer');
    const secretary = await signIn(t.app, 'secretary@test', 'secret-pass');
    const admin = await signIn(t.app, 'admin@test', 'secret-pass');
    const id = (await buildReview(t.ctx.db, org.cellA1a.id)).id;
    const auditBefore = await t.ctx.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    for (const [i, p] of peers.entries()) {
      const res = await p.client.post(`/api/v1/meetings/${id}/feedback`, { aboutPersonId: org.M.id, text: `Note ${i}`, anonymous: true });
      expect(res.status).toBe(201);
      expect(Object.keys(res.body).sort()).toEqual(['aboutPersonId', 'anonymous', 'meetingId', 'text']);
    }
    // Anonymous feedback writes nothing to the audit trail: no actor, no time to line up with anything.
    const auditAfter = await t.ctx.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(auditAfter.n).toBe(auditBefore.n);
    // Nor does the database hold a link a query could follow: no author column is set.
    const rows = await t.ctx.db.selectFrom('feedback').selectAll().where('meeting_id', '=', id).execute();
    expect(rows.every((r) => r.author_person_id === null && /^[0-9a-f]{64}$/.test(r.author_key ?? ''))).toBe(true);
    await secretary.post(`/api/v1/meetings/${id}/review/close`, {});

    const authorIds = peers.map((p) => p.personId);
    const seen = [
      await secretary.get(`/api/v1/people/${org.M.id}/feedback?meeting=${id}`),
      await secretary.get(`/api/v1/people/${org.M.id}/feedback`),
      await secretary.get(`/api/v1/meetings/${id}/self-assessments`),
      await secretary.get(`/api/v1/meetings/${id}/review`),
      await secretary.get('/api/v1/me/export'),
    ];
    const feedbackList = seen[0]!.body;
    expect(feedbackList.items).toHaveLength(3);
    for (const item of feedbackList.items) expect(Object.keys(item).sort()).toEqual(['anonymous', 'meetingId', 'meetsOn', 'text']);
    expect(seen[3]!.body.given).toEqual([]);
    expect(JSON.stringify(seen[4]!.body)).not.toMatch(/Note \d/);
    for (const res of seen.slice(0, 3)) {
      for (const personId of authorIds) expect(JSON.stringify(res.body)).not.toContain(`"personId":${personId}`);
    }
    // The secretary has no audit trail; the administrator's shows no feedback entry at all.
    expect((await secretary.get('/api/v1/audit')).status).toBe(404);
    const trail = await admin.get(`/api/v1/audit?limit=500`);
    expect(trail.status).toBe(200);
    expect(JSON.stringify(trail.body)).not.toMatch(/feedback/);
    // Another person's export does not exist.
    expect((await secretary.get(`/api/v1/people/${authorIds[0]}/export`)).status).toBe(404);
  });
});
