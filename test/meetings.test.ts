import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldAllRollups } from '../src/server/modules/compliance/fold.ts';
import { createTestApp } from './helpers/app.ts';
import { anonymous, signIn, type Client } from './helpers/client.ts';
import { buildCell, buildMeeting, buildPerson, holdMeeting } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
const thisMonth = () => new Date().toISOString().slice(0, 7);

describe('meetings and attendance', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let secretary: Client;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    secretary = await signIn(t.app, 'secretary@test', 'secret-pass');
  });
  afterAll(async () => {
    await t.close();
  });

  async function newMeeting(kind = 'general', startsAt = new Date().toISOString()) {
    const res = await secretary.post(`/api/v1/cells/${org.cellA1a.id}/meetings`, {
      kind,
      startsAt: startsAt.replace(/\.\d+Z$/, 'Z'),
      title: 'Monthly meeting',
    });
    expect(res.status).toBe(201);
    return res.body;
  }

  it('schedules a meeting and shows the roll of that day with quorum', async () => {
    const m = await newMeeting();
    expect(m).toMatchObject({ kind: 'general', status: 'scheduled', version: 1, cellId: org.cellA1a.id });
    expect(m.roll.map((r: { fullName: string }) => r.fullName)).toEqual(['Member Lee', 'Member Park', 'Secretary Kim']);
    expect(m.quorum).toEqual({ required: 2, present: 0, met: false });
  });

  it('saves the whole roll in one request, marks it held and is idempotent', async () => {
    const m = await newMeeting();
    const records = [
      { personId: org.S.id, status: 'present' },
      { personId: org.M.id, status: 'excused', reason: 'night shift' },
      { personId: org.P.id, status: 'present' },
    ];
    const saved = await secretary.request('PUT', `/api/v1/meetings/${m.id}/attendance`, { records, version: m.version });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      status: 'held',
      version: 2,
      present: 2,
      expected: 3,
      quorum: { required: 2, present: 2, met: true },
    });
    expect(saved.body.roll.find((r: { personId: number }) => r.personId === org.M.id)).toMatchObject({
      status: 'excused',
      reason: 'night shift',
    });
    const again = await secretary.request('PUT', `/api/v1/meetings/${m.id}/attendance`, { records, version: m.version });
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(2);
    const rows = await t.ctx.db.selectFrom('attendance').selectAll().where('meeting_id', '=', m.id).execute();
    expect(rows).toHaveLength(3);
  });

  it('refuses a roll that is incomplete, has strangers or duplicates, and a meeting in the future', async () => {
    const m = await newMeeting();
    const put = (records: unknown[]) => secretary.request('PUT', `/api/v1/meetings/${m.id}/attendance`, { records, version: m.version });
    const missing = await put([{ personId: org.S.id, status: 'present' }]);
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.missing.sort()).toEqual([org.M.id, org.P.id].sort());
    const stranger = await put([org.S, org.M, org.P, org.Q].map((p) => ({ personId: p.id, status: 'present' })));
    expect(stranger.body.error.details.notOnRoll).toEqual([org.Q.id]);
    const dup = await put([org.S, org.M, org.P, org.P].map((p) => ({ personId: p.id, status: 'present' })));
    expect(dup.body.error.details.duplicates).toEqual([org.P.id]);
    const future = await newMeeting('general', new Date(Date.now() + 7 * 86_400_000).toISOString());
    const res = await secretary.request('PUT', `/api/v1/meetings/${future.id}/attendance`, {
      records: [org.S, org.M, org.P].map((p) => ({ personId: p.id, status: 'present' })),
      version: future.version,
    });
    expect(res.status).toBe(400);
    expect(await t.ctx.db.selectFrom('attendance').select('person_id').where('meeting_id', 'in', [m.id, future.id]).execute()).toEqual([]);
  });

  it('detects a lost update between two secretaries with the version', async () => {
    const m = await newMeeting();
    const all = (status: string) => [org.S, org.M, org.P].map((p) => ({ personId: p.id, status }));
    const first = await secretary.request('PUT', `/api/v1/meetings/${m.id}/attendance`, { records: all('present'), version: 1 });
    expect(first.status).toBe(200);
    const second = await secretary.request('PUT', `/api/v1/meetings/${m.id}/attendance`, { records: all('absent'), version: 1 });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('version_conflict');
    const correction = await secretary.request('PUT', `/api/v1/meetings/${m.id}/attendance`, {
      records: all('absent'),
      version: first.body.version,
    });
    expect(correction.status).toBe(200);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity', '=', 'meeting')
      .where('entity_id', '=', String(m.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['meeting.create', 'attendance.record', 'attendance.correct']);
  });

  it('refuses an attendance save without the version it was read at (a blind overwrite), and a correction without it', async () => {
    const m = await newMeeting();
    const all = (status: string) => [org.S, org.M, org.P].map((p) => ({ personId: p.id, status }));
    const blind = await secretary.request('PUT', `/api/v1/meetings/${m.id}/attendance`, { records: all('present') });
    expect(blind.status).toBe(400);
    expect(blind.body.error).toMatchObject({ code: 'validation_failed' });
    expect(JSON.stringify(blind.body.error.details)).toContain('version');
    const first = await secretary.request('PUT', `/api/v1/meetings/${m.id}/attendance`, { records: all('present'), version: m.version });
    expect(first.status).toBe(200);
    // Another secretary's correction that omits the version cannot overwrite the saved roll.
    const overwrite = await secretary.request('PUT', `/api/v1/meetings/${m.id}/attendance`, { records: all('absent') });
    expect(overwrite.status).toBe(400);
    const rows = await t.ctx.db.selectFrom('attendance').select('status').where('meeting_id', '=', m.id).execute();
    expect(rows.map((r) => r.status)).toEqual(['present', 'present', 'present']);
  });

  it('records that the cell did not meet', async () => {
    const m = await newMeeting();
    const res = await secretary.post(`/api/v1/meetings/${m.id}/not-held`, { reason: 'flood' });
    expect(res.body).toMatchObject({ status: 'not_held', notHeldReason: 'flood' });
  });

  it('keeps the roll of the meeting day: people who joined later are not on it', async () => {
    const cell = await buildCell(t.ctx.db, org.districtA1.id);
    const early = await buildPerson(t.ctx.db, cell.id, { fromDate: '2022-01-01' });
    await buildPerson(t.ctx.db, cell.id, { fromDate: new Date().toISOString().slice(0, 10) });
    const m = await buildMeeting(t.ctx.db, cell.id, { startsAt: daysAgo(40) });
    expect(m.roll.map((r) => r.personId)).toEqual([early.id]);
  });

  it('opens a follow-up after three absences in a row and lists it for the secretary', async () => {
    const cell = await buildCell(t.ctx.db, org.districtA1.id);
    const a = await buildPerson(t.ctx.db, cell.id, { fullName: 'Often Away', fromDate: '2022-01-01' });
    await buildPerson(t.ctx.db, cell.id, { fromDate: '2022-01-01' });
    for (const ago of [70, 40, 10]) {
      const m = await buildMeeting(t.ctx.db, cell.id, { startsAt: daysAgo(ago) });
      await holdMeeting(t.ctx.db, m.id, { [a.id]: 'absent' });
    }
    const region = await signIn(t.app, 'region@test', 'secret-pass');
    const list = await region.get(`/api/v1/cells/${cell.id}/follow-ups`);
    expect(list.body.items).toEqual([
      expect.objectContaining({ personId: a.id, fullName: 'Often Away', reason: 'repeated_absence', resolvedOn: null }),
    ]);
    const resolved = await region.post(`/api/v1/follow-ups/${list.body.items[0].id}/resolve`, { note: 'Talked; shift changed' });
    expect(resolved.status).toBe(200);
    expect((await region.get(`/api/v1/cells/${cell.id}/follow-ups`)).body.items).toEqual([]);
  });

  it('counts a corrected earlier meeting in its place among the last three, and only held meetings of the kind', async () => {
    const cell = await buildCell(t.ctx.db, org.districtA1.id);
    const a = await buildPerson(t.ctx.db, cell.id, { fullName: 'Sometimes Away', fromDate: '2022-01-01' });
    await buildPerson(t.ctx.db, cell.id, { fromDate: '2022-01-01' });
    const followUps = () => t.ctx.db.selectFrom('follow_ups').select('person_id').where('cell_id', '=', cell.id).execute();
    const held: Array<{ id: number }> = [];
    for (const [ago, status] of [
      [70, 'absent'],
      [40, 'present'],
      [10, 'absent'],
    ] as const) {
      const m = await buildMeeting(t.ctx.db, cell.id, { startsAt: daysAgo(ago) });
      await holdMeeting(t.ctx.db, m.id, { [a.id]: status });
      held.push(m);
    }
    // A meeting of another kind and one not held do not break or count in the run.
    await holdMeeting(t.ctx.db, (await buildMeeting(t.ctx.db, cell.id, { kind: 'study', startsAt: daysAgo(30) })).id, {
      [a.id]: 'present',
    });
    await buildMeeting(t.ctx.db, cell.id, { startsAt: daysAgo(20) });
    expect(await followUps()).toEqual([]);
    // The middle meeting corrected to absent: three in a row, though it is not the newest.
    const region = await signIn(t.app, 'region@test', 'secret-pass');
    const m = (await region.get(`/api/v1/meetings/${held[1]!.id}`)).body;
    const records = m.roll.map((r: { personId: number }) => ({ personId: r.personId, status: r.personId === a.id ? 'absent' : 'present' }));
    const saved = await region.request('PUT', `/api/v1/meetings/${m.id}/attendance`, { records, version: m.version });
    expect(saved.status).toBe(200);
    expect(await followUps()).toEqual([{ person_id: a.id }]);
  });

  it('counts a member’s own last three rolls, however many meetings the cell held while they were away', async () => {
    const cell = await buildCell(t.ctx.db, org.districtA1.id);
    const a = await buildPerson(t.ctx.db, cell.id, { fullName: 'Away and Back', fromDate: '2022-01-01' });
    await buildPerson(t.ctx.db, cell.id, { fromDate: '2022-01-01' });
    const day = (ago: number) => daysAgo(ago).slice(0, 10);
    const followUps = () => t.ctx.db.selectFrom('follow_ups').select('person_id').where('cell_id', '=', cell.id).execute();
    for (const ago of [200, 190])
      await holdMeeting(t.ctx.db, (await buildMeeting(t.ctx.db, cell.id, { startsAt: daysAgo(ago) })).id, { [a.id]: 'absent' });
    // Away for ten meetings (off the roll), then back.
    await t.ctx.db
      .updateTable('memberships')
      .set({ to_date: day(180) })
      .where('person_id', '=', a.id)
      .execute();
    for (let ago = 170; ago > 20; ago -= 15)
      await holdMeeting(t.ctx.db, (await buildMeeting(t.ctx.db, cell.id, { startsAt: daysAgo(ago) })).id);
    await t.ctx.db
      .insertInto('memberships')
      .values({ cell_id: cell.id, person_id: a.id, role: 'member', from_date: day(10) })
      .execute();
    expect(await followUps()).toEqual([]);
    await holdMeeting(t.ctx.db, (await buildMeeting(t.ctx.db, cell.id, { startsAt: daysAgo(2) })).id, { [a.id]: 'absent' });
    expect(await followUps()).toEqual([{ person_id: a.id }]);
  });

  it('keeps open actions of decisions on later meetings until closed', async () => {
    const m1 = await buildMeeting(t.ctx.db, org.cellA1b.id, { startsAt: daysAgo(20) });
    const region = await signIn(t.app, 'region@test', 'secret-pass');
    const p = await buildPerson(t.ctx.db, org.cellA1b.id, { fromDate: '2022-01-01' });
    const withDecision = await region.post(`/api/v1/meetings/${m1.id}/decisions`, {
      text: 'Repair the furnace',
      actions: [{ title: 'Order bricks', ownerPersonId: p.id, dueOn: new Date().toISOString().slice(0, 10) }],
    });
    expect(withDecision.status).toBe(201);
    const action = withDecision.body.decisions[0].actions[0];
    expect(action).toMatchObject({ title: 'Order bricks', ownerName: p.fullName, status: 'open' });
    const m2 = await buildMeeting(t.ctx.db, org.cellA1b.id, { startsAt: daysAgo(1) });
    expect((await region.get(`/api/v1/meetings/${m2.id}`)).body.openActions.map((a: { id: number }) => a.id)).toEqual([action.id]);
    expect((await region.patch(`/api/v1/actions/${action.id}`, { status: 'done' })).body.status).toBe('done');
    expect((await region.get(`/api/v1/meetings/${m2.id}`)).body.openActions).toEqual([]);
  });

  it('serves iCalendar feeds that a real parser reads, behind a secret URL', async () => {
    await newMeeting('study', daysAgo(2));
    const member = await signIn(t.app, 'member@test', 'secret-pass');
    const feed = await member.post('/api/v1/me/calendar', {});
    expect(feed.status).toBe(201);
    const res = await anonymous(t.app).get(feed.body.url);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/text\/calendar/);
    const cal = new ICAL.Component(ICAL.parse(res.body));
    const events = cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.summary.includes('Cell A1a'))).toBe(true);
    const cellFeed = await secretary.post(`/api/v1/cells/${org.cellA1a.id}/calendar`, {});
    const cellCal = await anonymous(t.app).get(cellFeed.body.url);
    expect(cellCal.status).toBe(200);
    expect((await anonymous(t.app).get(`/api/v1/calendar/${'x'.repeat(43)}.ics`)).status).toBe(404);
    expect((await anonymous(t.app).get('/api/v1/calendar/short.ics')).status).toBe(400);
  });
});

describe('compliance', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let region: Client;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    region = await signIn(t.app, 'region@test', 'secret-pass');
  });
  afterAll(async () => {
    await t.close();
  });

  it('counts a cell as meeting the monthly general meeting standard once it met, up the tree', async () => {
    const get = async (unitId: number) => (await region.get(`/api/v1/units/${unitId}/compliance?period=${thisMonth()}`)).body;
    const before = await get(org.regionA.id);
    const std = (c: { standards: Array<{ code: string; cellsMeeting: number; cellsTotal: number; rowsUrl: string }> }) =>
      c.standards.find((s) => s.code === 'general-meeting-monthly')!;
    expect(before.cells).toBe(3);
    expect(std(before)).toMatchObject({ cellsMeeting: 0, cellsTotal: 3 });
    const m = await buildMeeting(t.ctx.db, org.cellA1a.id, { startsAt: new Date(Date.now() - 60_000).toISOString() });
    await holdMeeting(t.ctx.db, m.id);
    // The cell is judged at once; its committees' figures follow when the roll-up folder runs.
    const cell = await get(org.cellA1a.id);
    expect(std(cell)).toMatchObject({ cellsMeeting: 1, cellsTotal: 1 });
    expect(std(await get(org.regionA.id))).toMatchObject({ cellsMeeting: 0, cellsTotal: 3 });
    expect(await foldAllRollups(t.ctx.db)).toBeGreaterThan(0);
    const after = await get(org.regionA.id);
    expect(std(after)).toMatchObject({ cellsMeeting: 1, cellsTotal: 3 });
    const rows = await region.get(`${std(after).rowsUrl}&meets=true`);
    expect(rows.body.items.map((r: { cellId: number }) => r.cellId)).toEqual([org.cellA1a.id]);
    const failing = await region.get(`${std(after).rowsUrl}&meets=false`);
    expect(failing.body.items.map((r: { cellId: number }) => r.cellId).sort()).toEqual([org.cellA1b.id, org.cellA2a.id].sort());
    expect(failing.body.items[0].detail).toMatchObject({ held: 0, required: 1 });
    expect((await region.get(`/api/v1/units/${org.regionB.id}/compliance?period=${thisMonth()}`)).status).toBe(404);
  });

  it('rejects a malformed or future period', async () => {
    expect((await region.get(`/api/v1/units/${org.regionA.id}/compliance?period=2026-13`)).status).toBe(400);
    expect((await region.get(`/api/v1/units/${org.regionA.id}/compliance?period=2999-01`)).status).toBe(400);
  });
});

describe('recurring schedules and agendas', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
  });
  afterAll(async () => {
    await t.close();
  });

  it('lets an administrator add a kind of meeting with its own quorum, then use it', async () => {
    const admin = await signIn(t.app, 'admin@test', 'secret-pass');
    const res = await admin.post('/api/v1/meeting-kinds', { code: 'party-day', nameEn: 'Party day', nameKo: '당의 날', quorum: 0.75 });
    expect(res.status).toBe(200);
    const kinds = await admin.get('/api/v1/meeting-kinds');
    expect(kinds.body.items.find((k: { code: string }) => k.code === 'party-day')).toEqual({
      code: 'party-day',
      nameEn: 'Party day',
      nameKo: '당의 날',
      quorum: 0.75,
    });
    const m = await admin.post(`/api/v1/cells/${org.cellA1a.id}/meetings`, { kind: 'party-day', startsAt: '2026-01-05T10:00:00Z' });
    expect(m.body.quorum.required).toBe(3); // 75 % of 3 members, more than that share: all three
    expect(
      (await admin.post(`/api/v1/cells/${org.cellA1a.id}/meetings`, { kind: 'no-such-kind', startsAt: '2026-01-05T10:00:00Z' })).status,
    ).toBe(400);
  });

  it('schedules a monthly series with an agenda, clamping to short months', async () => {
    const secretary = await signIn(t.app, 'secretary@test', 'secret-pass');
    const res = await secretary.post(`/api/v1/cells/${org.cellA1a.id}/meetings`, {
      kind: 'general',
      startsAt: '2027-01-31T09:00:00Z',
      repeat: { frequency: 'monthly', count: 3 },
      agenda: ['Report of the month', 'Plan'],
    });
    expect(res.status).toBe(201);
    expect(res.body.agenda.map((a: { title: string }) => a.title)).toEqual(['Report of the month', 'Plan']);
    const list = await secretary.get(`/api/v1/cells/${org.cellA1a.id}/meetings?from=2027-01-01`);
    expect(list.body.items.map((m: { startsAt: string }) => m.startsAt).sort()).toEqual([
      '2027-01-31T09:00:00.000Z',
      '2027-02-28T09:00:00.000Z',
      '2027-03-31T09:00:00.000Z',
    ]);
    const edited = await secretary.patch(`/api/v1/meetings/${res.body.id}`, { agenda: ['Only item'], version: res.body.version });
    expect(edited.body.agenda.map((a: { title: string }) => a.title)).toEqual(['Only item']);
    expect(edited.body.version).toBe(res.body.version + 1);
  });
});
