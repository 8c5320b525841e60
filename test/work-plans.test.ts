/**
 * Cells' work plans through the API (issue 15; decision 0031): the secretary drafts a quarter's goals,
 * adopts them at a held general meeting of the cell, reviews them from the quarter's last month on; the
 * officials above see the plan and the committee's counts. Every bad input is a clear 4xx and saves nothing.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIso } from '../src/server/modules/compliance/periods.ts';
import { quarterDays, quarterOf } from '../src/shared/schemas/work-plans.ts';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildMeeting, holdMeeting } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';

const today = todayIso();
const current = quarterOf(today);
const previous = quarterOf(addDays(quarterDays(current).startsOn, -1));
const next = quarterOf(quarterDays(current).endsOn);
const goals = [
  { title: 'Raise the steel output of shop 3', kind: 'target', targetId: 7 },
  { title: 'Study the new charter', kind: 'study' },
  { title: 'Introduce the welding jig', kind: 'innovation' },
  { title: 'Each member takes one night shift of the harvest', kind: 'assignment' },
];

describe('cell work plans', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let secretary: Client;
  let member: Client;
  let reader: Client;
  let region: Client;
  let outsider: Client;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    const as = (login: string) => signIn(t.app, login, 'secret-pass');
    secretary = await as('secretary@test');
    member = await as('member@test');
    reader = await as('reader@test');
    region = await as('region@test');
    outsider = await as('outsider@test');
  });
  afterAll(async () => t?.close());

  const url = (cellId: number, period: string, tail = '') => `/api/v1/cells/${cellId}/work-plans/${period}${tail}`;
  const put = (c: Client, cellId: number, period: string, body: unknown) => c.request('PUT', url(cellId, period), body);
  const count = async (table: 'work_plans' | 'work_plan_goals') =>
    Number((await t.ctx.db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  /** A general (or other) meeting of the cell on `day`, held unless told. */
  const meeting = async (cellId: number, day: string, opts: { kind?: string; held?: boolean } = {}) => {
    const m = await buildMeeting(t.ctx.db, cellId, { kind: opts.kind, startsAt: `${day}T09:00:00Z` });
    if (opts.held !== false) await holdMeeting(t.ctx.db, m.id);
    return m.id;
  };

  it('the secretary drafts the quarter, redrafts it, and the plan reads back; bad drafts save nothing', async () => {
    const first = await put(secretary, org.cellA1a.id, current, { goals: goals.slice(0, 2) });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const res = await put(secretary, org.cellA1a.id, current, { goals });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ period: current, status: 'draft', canEdit: true, adoptedAt: null });
    expect(res.body.goals.map((g: { kind: string; targetId: number | null }) => [g.kind, g.targetId])).toEqual([
      ['target', 7],
      ['study', null],
      ['innovation', null],
      ['assignment', null],
    ]);
    const [plans, rows] = [await count('work_plans'), await count('work_plan_goals')];
    const bad: Array<[Client, number, string, unknown, number, string]> = [
      [secretary, org.cellA1a.id, '2027-Q5', { goals }, 400, 'validation_failed'],
      [secretary, org.cellA1a.id, '2027-1', { goals }, 400, 'validation_failed'],
      [secretary, org.cellA1a.id, '1999-Q1', { goals }, 400, 'validation_failed'],
      [secretary, org.cellA1a.id, current, { goals: [] }, 400, 'validation_failed'],
      [secretary, org.cellA1a.id, current, { goals: [{ title: ' ', kind: 'study' }] }, 400, 'validation_failed'],
      [secretary, org.cellA1a.id, current, { goals: [{ title: 'x', kind: 'wish' }] }, 400, 'validation_failed'],
      [secretary, org.cellA1a.id, current, { goals: [{ title: 'x', kind: 'target', targetId: 0 }] }, 400, 'validation_failed'],
      [secretary, org.cellA1a.id, current, { goals: [{ title: 'x', kind: 'study', targetId: 3 }] }, 400, 'workPlan.targetOnOtherKind'],
      [member, org.cellA1a.id, current, { goals }, 403, 'workPlan.notAllowed'],
      [reader, org.cellA1a.id, current, { goals }, 403, 'workPlan.notAllowed'],
      [secretary, org.cellA1b.id, current, { goals }, 404, 'cell.notFound'],
      [outsider, org.cellA1a.id, current, { goals }, 404, 'cell.notFound'],
      [region, org.districtA1.id, current, { goals }, 404, 'cell.notFound'],
      [region, org.cellB1a.id, current, { goals }, 404, 'cell.notFound'],
    ];
    for (const [c, cellId, period, body, status, key] of bad) {
      const r = await put(c, cellId, period, body);
      expect(r.status, `${period} ${JSON.stringify(body)} ${JSON.stringify(r.body)}`).toBe(status);
      if (key !== 'validation_failed') expect(r.body.error.messageKey).toBe(key);
      else expect(r.body.error.code).toBe(key);
    }
    expect([await count('work_plans'), await count('work_plan_goals')]).toEqual([plans, rows]);
    // Members and officials above read it; a cell without a plan reads as missing.
    for (const c of [member, reader, region]) {
      const got = await c.get(url(org.cellA1a.id, current));
      expect(got.status).toBe(200);
      expect(got.body.goals).toHaveLength(4);
    }
    expect((await member.get(url(org.cellA1a.id, current))).body.canEdit).toBe(false);
    expect((await region.get(url(org.cellA1b.id, current))).body).toMatchObject({ status: 'missing', goals: [] });
    expect((await outsider.get(url(org.cellA1a.id, current))).status).toBe(404);
  });

  it('is adopted only at a held general meeting of the cell before the quarter ends; then its goals are fixed', async () => {
    const yesterday = addDays(today, -1);
    const scheduled = await meeting(org.cellA1a.id, addDays(today, 3), { held: false });
    const consultative = await meeting(org.cellA1a.id, yesterday, { kind: 'consultative' });
    const otherCell = await meeting(org.cellA1b.id, yesterday);
    const outside = await meeting(org.cellB1a.id, yesterday);
    const held = await meeting(org.cellA1a.id, yesterday);
    const adopt = (c: Client, body: unknown, period = current) => c.post(url(org.cellA1a.id, period, '/adopt'), body);
    const cases: Array<[Client, unknown, number, string]> = [
      [secretary, { meetingId: scheduled }, 400, 'workPlan.meetingNotHeld'],
      [secretary, { meetingId: consultative }, 400, 'workPlan.meetingNotGeneral'],
      [secretary, { meetingId: otherCell }, 400, 'workPlan.meetingNotFound'],
      [secretary, { meetingId: outside }, 400, 'workPlan.meetingNotFound'],
      [secretary, { meetingId: 999_999_999 }, 400, 'workPlan.meetingNotFound'],
      [secretary, { meetingId: 'x' }, 400, 'request.invalidInputAt'],
      [member, { meetingId: held }, 403, 'workPlan.notAllowed'],
      [outsider, { meetingId: held }, 404, 'cell.notFound'],
    ];
    for (const [c, body, status, key] of cases) {
      const r = await adopt(c, body);
      expect(r.status, `${JSON.stringify(body)} ${JSON.stringify(r.body)}`).toBe(status);
      if (key !== 'request.invalidInputAt') expect(r.body.error.messageKey).toBe(key);
    }
    expect((await secretary.get(url(org.cellA1a.id, current))).body.status).toBe('draft');
    // No plan drafted for the next quarter: nothing to adopt.
    expect((await adopt(secretary, { meetingId: held }, next)).body.error.messageKey).toBe('workPlan.notFound');
    const ok = await adopt(secretary, { meetingId: held });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ status: 'adopted', adoptedAt: { meetingId: held, on: yesterday } });
    expect((await adopt(secretary, { meetingId: held })).status).toBe(409);
    const redraft = await put(secretary, org.cellA1a.id, current, { goals });
    expect([redraft.status, redraft.body.error.messageKey]).toEqual([409, 'workPlan.adopted']);
    // A meeting held after the quarter ended cannot adopt that quarter's plan.
    expect((await put(secretary, org.cellA1a.id, previous, { goals })).status).toBe(200);
    const late = await adopt(secretary, { meetingId: held }, previous);
    expect([late.status, late.body.error.messageKey]).toEqual([400, 'workPlan.meetingAfterPeriod']);
    expect((await secretary.get(url(org.cellA1a.id, previous))).body.status).toBe('draft');
  });

  it('is reviewed goal by goal from the quarter’s last month on, only once adopted', async () => {
    // Last quarter's plan, adopted at a meeting in its first month.
    const heldIn = addDays(quarterDays(previous).startsOn, 10);
    const m = await meeting(org.cellA1a.id, heldIn);
    expect((await secretary.post(url(org.cellA1a.id, previous, '/adopt'), { meetingId: m })).status).toBe(200);
    const plan = (await secretary.get(url(org.cellA1a.id, previous))).body;
    const ids = plan.goals.map((g: { id: number }) => g.id);
    const review = (body: unknown, period = previous) => secretary.post(url(org.cellA1a.id, period, '/review'), body);
    const all = ids.map((id: number, i: number) => ({ id, met: i % 2 === 0, note: i === 1 ? 'The shop stood still in May' : undefined }));
    const bad: Array<[unknown, number, string]> = [
      [{ goals: all.slice(1) }, 400, 'workPlan.reviewGoals'],
      [{ goals: [...all, all[0]] }, 400, 'workPlan.reviewGoals'],
      [{ goals: [...all.slice(1), { id: 999_999, met: true }] }, 400, 'workPlan.reviewGoals'],
    ];
    for (const [body, status, key] of bad) {
      const r = await review(body);
      expect([r.status, r.body.error?.messageKey], JSON.stringify(body)).toEqual([status, key]);
    }
    expect((await review({ goals: [{ id: ids[0], met: 'yes' }] })).status).toBe(400);
    // The draft of the next quarter is not adopted; this quarter's adopted plan waits for its last month.
    expect((await put(secretary, org.cellA1a.id, next, { goals })).status).toBe(200);
    const draft = (await secretary.get(url(org.cellA1a.id, next))).body;
    const early = await review({ goals: draft.goals.map((g: { id: number }) => ({ id: g.id, met: true })) }, next);
    expect([early.status, early.body.error.messageKey]).toEqual([409, 'workPlan.notAdopted']);
    if (today < quarterDays(current).lastMonth) {
      const cur = (await secretary.get(url(org.cellA1a.id, current))).body;
      const r = await review({ goals: cur.goals.map((g: { id: number }) => ({ id: g.id, met: true })) }, current);
      expect([r.status, r.body.error.messageKey, r.body.error.params]).toEqual([409, 'workPlan.reviewTooEarly', { from: cur.reviewFrom }]);
    }
    expect((await member.post(url(org.cellA1a.id, previous, '/review'), { goals: all })).status).toBe(403);
    expect((await secretary.get(url(org.cellA1a.id, previous))).body.status).toBe('adopted');
    const ok = await review({ goals: all });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ status: 'reviewed', reviewedOn: today });
    expect(ok.body.goals.map((g: { met: boolean; note: string | null }) => [g.met, g.note])).toEqual([
      [true, null],
      [false, 'The shop stood still in May'],
      [true, null],
      [false, null],
    ]);
    // The officials above read the review.
    const seen = await reader.get(url(org.cellA1a.id, previous));
    expect(seen.body.goals.filter((g: { met: boolean }) => g.met)).toHaveLength(2);
    const list = await member.get(`/api/v1/cells/${org.cellA1a.id}/work-plans`);
    expect(list.body.items.map((p: { period: string; status: string; met: number }) => [p.period, p.status, p.met])).toEqual([
      [next, 'draft', 0],
      [current, 'adopted', 0],
      [previous, 'reviewed', 2],
    ]);
  });

  it("a committee sees its cells' plans for a quarter: counts by status, a filtered, paged list; out of scope is 404", async () => {
    const view = async (c: Client, unitId: number, query = '') => c.get(`/api/v1/units/${unitId}/work-plans?period=${current}${query}`);
    const district = await view(reader, org.districtA1.id);
    expect(district.status, JSON.stringify(district.body)).toBe(200);
    expect(district.body.counts).toEqual({ cells: 2, draft: 0, adopted: 1, reviewed: 0, missing: 1 });
    expect(district.body.items.map((i: { cellName: string; status: string; goals: number }) => [i.cellName, i.status, i.goals])).toEqual([
      ['Cell A1a', 'adopted', 4],
      ['Cell A1b', 'missing', 0],
    ]);
    const regionView = await view(region, org.regionA.id, '&limit=1');
    expect(regionView.body.counts).toMatchObject({ cells: 3, adopted: 1, missing: 2 });
    expect(regionView.body.items).toHaveLength(1);
    const second = await view(region, org.regionA.id, `&limit=1&cursor=${regionView.body.nextCursor}`);
    expect(second.body.items[0].cellName).toBe('Cell A1b');
    const missing = await view(region, org.regionA.id, '&status=missing');
    expect(missing.body.items.map((i: { cellName: string }) => i.cellName)).toEqual(['Cell A1b', 'Cell A2a']);
    const reviewed = await reader.get(`/api/v1/units/${org.districtA1.id}/work-plans?period=${previous}`);
    expect(reviewed.body.counts).toMatchObject({ reviewed: 1, missing: 1 });
    expect((await view(reader, org.districtB1.id)).status).toBe(404);
    expect((await view(outsider, org.districtA1.id)).status).toBe(404);
    expect((await reader.get(`/api/v1/units/${org.districtA1.id}/work-plans?period=2027-Q9`)).status).toBe(400);
    expect((await reader.get(`/api/v1/units/${org.districtA1.id}/work-plans?cursor=zzz`)).status).toBe(400);
  });
  it("an assignment goal names one of the cell's assignments and reads how it stands; another cell's is refused", async () => {
    const admin = await signIn(t.app, 'admin@test', 'secret-pass');
    const give = async (cellId: number, personId: number) => {
      const r = await admin.post(`/api/v1/cells/${cellId}/assignments`, {
        title: `Night shift ${cellId}`,
        personIds: [personId],
        dueOn: today,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body.items[0].id as number;
    };
    const mine = await give(org.cellA1a.id, org.M.id);
    const theirs = await give(org.cellB1a.id, org.Q.id);
    const plan = [{ title: 'Everyone takes a night shift', kind: 'assignment', assignmentId: mine }];
    const [plans, rows] = [await count('work_plans'), await count('work_plan_goals')];
    const bad: Array<[unknown, string]> = [
      [[{ title: 'x', kind: 'study', assignmentId: mine }], 'workPlan.assignmentOnOtherKind'],
      [[{ title: 'x', kind: 'assignment', assignmentId: theirs }], 'workPlan.assignmentNotInCell'],
      [[{ title: 'x', kind: 'assignment', assignmentId: 999_999_999 }], 'workPlan.assignmentNotInCell'],
    ];
    for (const [g, key] of bad) {
      const r = await put(secretary, org.cellA1a.id, next, { goals: g });
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(r.body.error.messageKey).toBe(key);
    }
    expect([await count('work_plans'), await count('work_plan_goals')]).toEqual([plans, rows]);
    const res = await put(secretary, org.cellA1a.id, next, { goals: plan });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.goals[0].assignment).toEqual({
      id: mine,
      title: `Night shift ${org.cellA1a.id}`,
      status: 'open',
      dueOn: today,
      percent: 0,
    });
    // The plan follows the assignment as it moves on.
    expect((await admin.post(`/api/v1/assignments/${mine}/cancel`, {})).status).toBeLessThan(300);
    expect((await member.get(url(org.cellA1a.id, next))).body.goals[0].assignment.status).toBe('cancelled');
  });
});
