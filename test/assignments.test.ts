/**
 * Assignments through the API (issue 12): giving to several members at once, the member's own list,
 * progress reports by the assignee only, evaluation by the secretary on the scale once done, the
 * board and its CSV, cancelling, the home page in one request, the data export and erasure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/server/access/actor.ts';
import { addDecision } from '../src/server/modules/meetings/decisions.ts';
import { erasePerson } from '../src/server/modules/people/privacy.ts';
import { addDays, todayIso } from '../src/server/modules/compliance/periods.ts';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildAccount, buildMeeting, buildPerson } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';

const dueOn = addDays(todayIso(), 14);

describe('assignments', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let secretary: Client;
  let member: Client;
  let outsider: Client;
  let park: Client;
  let region: Client;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    await buildAccount(t.ctx.db, { login: 'park@test', personId: org.P.id, grants: [{ role: 'member', unitId: org.cellA1a.id }] });
    const as = (login: string) => signIn(t.app, login, 'secret-pass');
    secretary = await as('secretary@test');
    member = await as('member@test');
    outsider = await as('outsider@test');
    park = await as('park@test');
    region = await as('region@test');
    admin = await as('admin@test');
  });
  afterAll(async () => t?.close());

  const give = (c: Client, body: Record<string, unknown>, cell = org.cellA1a.id) => c.post(`/api/v1/cells/${cell}/assignments`, body);

  it('gives one assignment per person named, and each sees their own', async () => {
    const res = await give(secretary, {
      title: 'Hand out the bulletin',
      doneWhen: 'Every house on the street has one',
      personIds: [org.M.id, org.P.id],
      dueOn,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.items).toHaveLength(2);
    expect(res.body.items.map((i: { personId: number }) => i.personId).sort()).toEqual([org.M.id, org.P.id].sort());
    expect(res.body.items[0]).toMatchObject({ status: 'open', dueOn, doneWhen: 'Every house on the street has one', evaluation: null });
    const mine = await member.get('/api/v1/me/assignments');
    expect(mine.status).toBe(200);
    expect(mine.body.items).toHaveLength(1);
    expect(mine.body.items[0]).toMatchObject({
      title: 'Hand out the bulletin',
      status: 'open',
      dueOn,
      evaluation: null,
      personId: org.M.id,
    });
    expect((await outsider.get('/api/v1/me/assignments')).body.items).toEqual([]);
  });

  it('refuses people not on the roll, naming them; members and other cells cannot give', async () => {
    const res = await give(secretary, { title: 'x', personIds: [org.M.id, org.Q.id], dueOn });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ messageKey: 'assignment.notOnRoll', details: { notOnRoll: [org.Q.id] } });
    expect((await give(member, { title: 'x', personIds: [org.M.id], dueOn })).status).toBe(404);
    expect((await give(secretary, { title: 'x', personIds: [org.Q.id], dueOn }, org.cellB1a.id)).status).toBe(404);
    expect((await give(secretary, { title: 'x', personIds: [], dueOn })).status).toBe(400);
    expect((await give(secretary, { title: 'x', personIds: [org.M.id], dueOn: '2020-01-01' })).body.error.messageKey).toBe(
      'assignment.dueBeforeToday',
    );
    expect((await give(secretary, { title: '  ', personIds: [org.M.id], dueOn })).status).toBe(400);
    expect((await give(secretary, { title: 'x', personIds: [org.M.id], dueOn: '2026-02-30' })).status).toBe(400);
  });

  it("an official over the cell gives too, and may link a decision of the cell's meetings (not another cell's)", async () => {
    const meeting = await buildMeeting(t.ctx.db, org.cellA1a.id);
    const withDecision = await addDecision(t.ctx.db, systemActor(), meeting.id, { text: 'Clean the yard', actions: [] });
    const decisionId = withDecision.decisions[0]!.id;
    // The give form offers the cell's decisions, newest meeting first; only the cell's, to those who read it.
    const listed = await secretary.get(`/api/v1/cells/${org.cellA1a.id}/decisions`);
    expect(listed.status).toBe(200);
    expect(listed.body.items[0]).toMatchObject({ id: decisionId, text: 'Clean the yard', meetingId: meeting.id });
    expect((await outsider.get(`/api/v1/cells/${org.cellA1a.id}/decisions`)).status).toBe(404);
    const ok = await give(region, { title: 'Clean the yard', personIds: [org.P.id], dueOn, meetingDecisionId: decisionId });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.items[0]).toMatchObject({ meetingDecisionId: decisionId });
    const other = await buildMeeting(t.ctx.db, org.cellA1b.id);
    const foreign = (await addDecision(t.ctx.db, systemActor(), other.id, { text: 'Elsewhere', actions: [] })).decisions[0]!.id;
    const bad = await give(region, { title: 'x', personIds: [org.P.id], dueOn, meetingDecisionId: foreign });
    expect(bad.status).toBe(400);
    expect(bad.body.error.messageKey).toBe('assignment.decisionNotInCell');
  });

  it('only the assignee reports; reports are kept; the secretary evaluates once done, on the scale', async () => {
    const given = await give(secretary, { title: 'Write the wall newspaper', personIds: [org.M.id], dueOn });
    const id = given.body.items[0].id;
    // Someone else's: the secretary, another member, an outsider.
    for (const c of [secretary, park, outsider])
      expect((await c.post(`/api/v1/assignments/${id}/report`, { status: 'done' })).status).toBe(404);
    // Not done yet: no evaluation.
    const early = await secretary.post(`/api/v1/assignments/${id}/evaluation`, { score: 4 });
    expect(early.status).toBe(409);
    expect(early.body.error.messageKey).toBe('assignment.notDone');
    const progress = await member.post(`/api/v1/assignments/${id}/report`, {
      status: 'in_progress',
      percent: 40,
      note: 'Half the articles',
    });
    expect(progress.status, JSON.stringify(progress.body)).toBe(200);
    expect(progress.body).toMatchObject({ status: 'in_progress', percent: 40 });
    expect((await member.post(`/api/v1/assignments/${id}/report`, { status: 'in_progress', percent: 101 })).status).toBe(400);
    expect((await member.post(`/api/v1/assignments/${id}/report`, { status: 'cancelled' })).status).toBe(400);
    const done = await member.post(`/api/v1/assignments/${id}/report`, { status: 'done', note: 'Pinned up' });
    expect(done.body).toMatchObject({ status: 'done', percent: 100, closedOn: todayIso() });

    // Off the scale, a member, another cell's secretary: refused.
    const off = await secretary.post(`/api/v1/assignments/${id}/evaluation`, { score: 6 });
    expect(off.status).toBe(400);
    expect(off.body.error).toMatchObject({ messageKey: 'assignment.offScale', params: { min: 1, max: 5 } });
    expect((await secretary.post(`/api/v1/assignments/${id}/evaluation`, { score: 2.5 })).status).toBe(400);
    expect((await member.post(`/api/v1/assignments/${id}/evaluation`, { score: 5 })).status).toBe(404);
    expect((await outsider.post(`/api/v1/assignments/${id}/evaluation`, { score: 5 })).status).toBe(404);
    const ev = await secretary.post(`/api/v1/assignments/${id}/evaluation`, { score: 4, comment: 'Clear and on time' });
    expect(ev.status, JSON.stringify(ev.body)).toBe(200);
    // A second evaluation replaces the first.
    await secretary.post(`/api/v1/assignments/${id}/evaluation`, { score: 5, comment: 'Even better on a second look' });
    const mine = (await member.get('/api/v1/me/assignments')).body.items.find((i: { id: number }) => i.id === id);
    expect(mine.evaluation).toMatchObject({ score: 5, comment: 'Even better on a second look' });
    // Evaluated work is closed to further reports.
    expect((await member.post(`/api/v1/assignments/${id}/report`, { status: 'in_progress' })).status).toBe(409);
    const detail = await member.get(`/api/v1/assignments/${id}`);
    expect(detail.body.reports.map((r: { note: string | null }) => r.note)).toEqual(['Half the articles', 'Pinned up']);
    expect((await park.get(`/api/v1/assignments/${id}`)).status).toBe(404);
    expect((await secretary.get(`/api/v1/assignments/${id}`)).status).toBe(200);
  });

  it('nobody evaluates their own work: the secretary’s own assignment is evaluated by an official above', async () => {
    const given = await give(secretary, { title: 'Chair the study circle', personIds: [org.S.id], dueOn });
    expect(given.status, JSON.stringify(given.body)).toBe(201);
    const id = given.body.items[0].id;
    expect((await secretary.post(`/api/v1/assignments/${id}/report`, { status: 'done' })).status).toBe(200);
    const own = await secretary.post(`/api/v1/assignments/${id}/evaluation`, { score: 5 });
    expect(own.status).toBe(403);
    expect(own.body.error.messageKey).toBe('assignment.ownWork');
    const above = await region.post(`/api/v1/assignments/${id}/evaluation`, { score: 4, comment: 'Well led' });
    expect(above.status, JSON.stringify(above.body)).toBe(200);
    expect(above.body.evaluation).toMatchObject({ score: 4, comment: 'Well led' });
  });

  it('the scale is the centre’s to set', async () => {
    expect((await secretary.request('PUT', '/api/v1/assignment-scale', { min: 1, max: 10 })).status).toBe(404);
    expect((await admin.request('PUT', '/api/v1/assignment-scale', { min: 5, max: 1 })).status).toBe(400);
    expect((await admin.request('PUT', '/api/v1/assignment-scale', { min: 1, max: 10 })).body).toEqual({ min: 1, max: 10 });
    expect((await member.get('/api/v1/assignment-scale')).body).toEqual({ min: 1, max: 10 });
    await admin.request('PUT', '/api/v1/assignment-scale', { min: 1, max: 5 });
  });

  it('the board lists the cell’s assignments with names, filters by status, pages and exports CSV; members cannot read it', async () => {
    const board = await secretary.get(`/api/v1/cells/${org.cellA1a.id}/assignments`);
    expect(board.status).toBe(200);
    expect(board.body.scale).toEqual({ min: 1, max: 5 });
    expect(board.body.items.length).toBeGreaterThanOrEqual(4);
    expect(board.body.items[0]).toHaveProperty('assigneeName');
    const done = await secretary.get(`/api/v1/cells/${org.cellA1a.id}/assignments?status=done`);
    expect(done.body.items.every((i: { status: string }) => i.status === 'done')).toBe(true);
    expect(done.body.items[0].evaluation).toMatchObject({ score: 5 });
    const ids: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ id: number }>; nextCursor: string | null } } = await secretary.get(
        `/api/v1/cells/${org.cellA1a.id}/assignments?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      ids.push(...page.body.items.map((i) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(ids.sort()).toEqual(board.body.items.map((i: { id: number }) => i.id).sort());
    expect((await secretary.get(`/api/v1/cells/${org.cellA1a.id}/assignments?cursor=nonsense`)).status).toBe(400);
    const csv = await secretary.get(`/api/v1/cells/${org.cellA1a.id}/assignments.csv`);
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-type'])).toContain('text/csv');
    expect(csv.body).toContain('Write the wall newspaper');
    expect(csv.body.trim().split('\n')).toHaveLength(board.body.items.length + 1);
    expect((await member.get(`/api/v1/cells/${org.cellA1a.id}/assignments`)).status).toBe(404);
    expect((await secretary.get(`/api/v1/cells/${org.cellB1a.id}/assignments`)).status).toBe(404);
  });

  it('the secretary cancels open work; cancelled work takes no reports', async () => {
    const id = (await give(secretary, { title: 'Cancelled', personIds: [org.P.id], dueOn })).body.items[0].id;
    expect((await member.post(`/api/v1/assignments/${id}/cancel`)).status).toBe(404);
    const res = await secretary.post(`/api/v1/assignments/${id}/cancel`);
    expect(res.body).toMatchObject({ status: 'cancelled' });
    expect((await park.post(`/api/v1/assignments/${id}/report`, { status: 'done' })).status).toBe(409);
  });

  it('the home page in one request: open assignments, next meetings, actions, directives to acknowledge', async () => {
    const res = await member.get('/api/v1/me/home');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.learningPlan).toMatchObject({ themes: [] });
    expect(res.body.assignments.map((a: { title: string }) => a.title)).toEqual(['Hand out the bulletin']);
    expect(res.body).toMatchObject({ nextMeetings: expect.any(Array), actions: [], directivesToAcknowledge: [] });
  });

  it('the export carries the person’s assignments; erasure removes their notes and the comments about them', async () => {
    const exported = await member.get('/api/v1/me/export');
    const mine = exported.body.assignments.find((a: { title: string }) => a.title === 'Write the wall newspaper');
    expect(mine).toMatchObject({ score: 5, evaluation_comment: 'Even better on a second look' });
    expect(mine.reports.map((r: { note: string }) => r.note)).toEqual(['Half the articles', 'Pinned up']);
    const temp = await buildPerson(t.ctx.db, org.cellA1a.id, { fullName: 'Leaving Soon' });
    const id = (await give(secretary, { title: 'Last job', personIds: [temp.id], dueOn })).body.items[0].id;
    await t.ctx.db
      .insertInto('assignment_reports')
      .values({ cell_id: org.cellA1a.id, assignment_id: id, status: 'in_progress', note: 'my private words', percent: 10 })
      .execute();
    await erasePerson(t.ctx.db, systemActor(), temp.id, t.ctx.feedbackKey);
    const left = await t.ctx.db.selectFrom('assignment_reports').select('note').where('assignment_id', '=', id).execute();
    expect(left).toEqual([{ note: null }]);
    expect(await t.ctx.db.selectFrom('assignments').select('title').where('id', '=', id).executeTakeFirst()).toEqual({ title: 'Last job' });
  });
});
