/**
 * The assignments module through the rulebook interface (docs/modules.md): its two kinds saved and
 * refused, judged as assignments are given, done and evaluated (the write-side contract), the same
 * after a rebuild and equal to the registry's brute-force oracle; and the officials' participation
 * view checked against a hand count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { materializePeriod } from '../src/server/modules/compliance/engine.ts';
import { nextPeriod, periodOf, todayIso } from '../src/server/modules/compliance/periods.ts';
import { createTestApp } from './helpers/app.ts';
import { bruteForceRollups, storedRollups } from './helpers/brute-force.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildAccount, buildMeeting, holdMeeting } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';
import { foldAllRollups } from '../src/server/modules/compliance/fold.ts';

const current = periodOf(todayIso());

describe('the assignments standards and participation', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let admin: Client;
  let secretary: Client;
  let member: Client;
  let park: Client;
  let region: Client;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    // Park is an official of district A1 and a member of cell A1a like anyone.
    await buildAccount(t.ctx.db, {
      login: 'park@test',
      personId: org.P.id,
      grants: [{ role: 'official', access: 'read', unitId: org.districtA1.id }],
    });
    admin = await signIn(t.app, 'admin@test', 'secret-pass');
    secretary = await signIn(t.app, 'secretary@test', 'secret-pass');
    member = await signIn(t.app, 'member@test', 'secret-pass');
    park = await signIn(t.app, 'park@test', 'secret-pass');
    region = await signIn(t.app, 'region@test', 'secret-pass');
  });
  afterAll(async () => t?.close());

  const base = { titleEn: 'Assignments', titleKo: '분공', validFrom: current };
  const verdicts = async (code: string) => {
    const res = await admin.get(`/api/v1/units/${org.districtA1.id}/compliance/cells?period=${current.slice(0, 7)}&standard=${code}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return Object.fromEntries(res.body.items.map((i: { cellId: number; meets: boolean; detail: unknown }) => [i.cellId, i]));
  };
  const matchesOracle = async () => {
    await foldAllRollups(t.ctx.db);
    const expected = await bruteForceRollups(t.ctx.db, current, nextPeriod(current), todayIso(), [org.districtA1.id]);
    expect(await storedRollups(t.ctx.db, current, org.districtA1.id)).toEqual(expected);
  };

  it('saves both kinds through the registry and refuses bad parameters', async () => {
    for (const kind of ['assignments_active', 'assignments_evaluated']) {
      const bad = await admin.post('/api/v1/standards', { ...base, code: `${kind.replace('_', '-')}-bad`, kind, params: { min: 1.5 } });
      expect(bad.status).toBe(400);
      expect(bad.body.error).toMatchObject({ code: 'validation_failed' });
    }
    const active = await admin.post('/api/v1/standards', {
      ...base,
      code: 'active-half',
      kind: 'assignments_active',
      params: { min: 0.5 },
    });
    expect(active.status, JSON.stringify(active.body)).toBeLessThan(300);
    const evaluated = await admin.post('/api/v1/standards', {
      ...base,
      code: 'all-evaluated',
      kind: 'assignments_evaluated',
      params: { min: 1 },
    });
    expect(evaluated.status, JSON.stringify(evaluated.body)).toBeLessThan(300);
  });

  it('judges the cells as work is given, done and evaluated, the same after a rebuild', async () => {
    await materializePeriod(t.ctx.db, current);
    let active = await verdicts('active-half');
    expect(active[org.cellA1a.id]).toMatchObject({ meets: false, detail: { kind: 'assignments_active', active: 0, members: 3 } });
    // Nobody on cell A1b's roll: nothing to miss.
    expect(active[org.cellA1b.id]).toMatchObject({ meets: true, detail: { members: 0 } });

    const given = await secretary.post(`/api/v1/cells/${org.cellA1a.id}/assignments`, {
      title: 'Collect the dues',
      personIds: [org.M.id, org.P.id],
      dueOn: todayIso(),
    });
    expect(given.status).toBe(201);
    const [forM, forP] = [org.M.id, org.P.id].map((p) => given.body.items.find((i: { personId: number }) => i.personId === p).id);
    active = await verdicts('active-half');
    expect(active[org.cellA1a.id]).toMatchObject({ meets: true, detail: { active: 2, members: 3 } });
    let evaluated = await verdicts('all-evaluated');
    expect(evaluated[org.cellA1a.id]).toMatchObject({ meets: false, detail: { kind: 'assignments_evaluated', evaluated: 0, due: 2 } });
    await matchesOracle();

    await member.post(`/api/v1/assignments/${forM}/report`, { status: 'done' });
    await park.post(`/api/v1/assignments/${forP}/report`, { status: 'done' });
    await secretary.post(`/api/v1/assignments/${forM}/evaluation`, { score: 4 });
    expect((await verdicts('all-evaluated'))[org.cellA1a.id]).toMatchObject({ meets: false, detail: { evaluated: 1, due: 2 } });
    await secretary.post(`/api/v1/assignments/${forP}/evaluation`, { score: 2 });
    evaluated = await verdicts('all-evaluated');
    expect(evaluated[org.cellA1a.id]).toMatchObject({ meets: true, detail: { evaluated: 2, due: 2 } });
    // Done this month still counts as active in it.
    active = await verdicts('active-half');
    expect(active[org.cellA1a.id]).toMatchObject({ meets: true, detail: { active: 2, members: 3 } });
    await matchesOracle();

    await materializePeriod(t.ctx.db, current);
    expect(await verdicts('all-evaluated')).toEqual(evaluated);
    expect(await verdicts('active-half')).toEqual(active);
  });

  it("shows officials' participation beside everyone's, equal to a hand count", async () => {
    const m = await buildMeeting(t.ctx.db, org.cellA1a.id, { startsAt: new Date(Date.now() - 3_600_000).toISOString() });
    await holdMeeting(t.ctx.db, m.id, { [org.S.id]: 'present', [org.M.id]: 'present', [org.P.id]: 'absent' });
    await foldAllRollups(t.ctx.db); // the "all members" column reads the committees' summed roll-ups
    const res = await region.get(`/api/v1/units/${org.districtA1.id}/participation?period=${current.slice(0, 7)}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // By hand: cell A1a has S, M and P on its roll; P is the only official. One meeting: S and M present, P absent.
    // Assignments due this month: M's (score 4) and P's (score 2), both evaluated; both active this month.
    expect(res.body.officials).toEqual({
      people: 1,
      attendancePresent: 0,
      attendanceExpected: 1,
      attendanceRate: 0,
      withActiveAssignment: 1,
      activeShare: 1,
      assignmentsDue: 1,
      assignmentsEvaluated: 1,
      evaluatedShare: 1,
      meanScore: 2,
    });
    expect(res.body.all).toEqual({
      people: 3,
      attendancePresent: 2,
      attendanceExpected: 3,
      attendanceRate: 2 / 3,
      withActiveAssignment: 2,
      activeShare: 2 / 3,
      assignmentsDue: 2,
      assignmentsEvaluated: 2,
      evaluatedShare: 1,
      meanScore: 3,
    });
    // A cell reads its own metrics; region B knows nothing of it.
    const cell = await secretary.get(`/api/v1/units/${org.cellA1a.id}/participation?period=${current.slice(0, 7)}`);
    expect(cell.body.all).toMatchObject({ people: 3, assignmentsEvaluated: 2 });
    expect((await member.get(`/api/v1/units/${org.cellA1a.id}/participation`)).status).toBe(404);
    expect((await region.get(`/api/v1/units/${org.cellA1a.id}/participation?period=2026-13`)).status).toBe(400);
  });
});
