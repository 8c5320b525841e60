/**
 * The ideas module through the rulebook interface (docs/modules.md): the kind "at least N ideas
 * submitted per year per 10 members" saved and refused, judged over a rolling year (an idea counts in
 * its month and the 11 after it, carried forward by the incremental refresh) against the roll, the same
 * after a rebuild and equal to the registry's brute-force oracle.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../src/server/access/actor.ts';
import { materializePeriod } from '../src/server/modules/compliance/engine.ts';
import { foldAllRollups } from '../src/server/modules/compliance/fold.ts';
import { nextPeriod, periodOf, previousPeriod, todayIso } from '../src/server/modules/compliance/periods.ts';
import { submitIdea } from '../src/server/modules/ideas/service.ts';
import { createTestApp } from './helpers/app.ts';
import { bruteForceRollups, storedRollups } from './helpers/brute-force.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildOrg, type Org } from './helpers/org.ts';

const current = periodOf(todayIso());
const m1 = previousPeriod(current);
const m2 = previousPeriod(m1);
const m3 = previousPeriod(m2);
const month = (p: string) => p.slice(0, 7);

describe('the standard "at least N ideas a year per 10 members"', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let admin: Client;
  let member: Client;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    admin = await signIn(t.app, 'admin@test', 'secret-pass');
    member = await signIn(t.app, 'member@test', 'secret-pass');
  });
  afterAll(async () => t?.close());

  const base = {
    code: 'ideas-4',
    titleEn: 'Four ideas a year per 10 members',
    titleKo: '성원 10명당 한 해 창의고안 4건',
    validFrom: current,
  };
  const verdicts = async (period: string) => {
    const res = await admin.get(`/api/v1/units/${org.districtA1.id}/compliance/cells?period=${month(period)}&standard=${base.code}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return Object.fromEntries(res.body.items.map((i: { cellId: number; meets: boolean; detail: unknown }) => [i.cellId, i]));
  };
  const matchesOracle = async (period: string) => {
    await foldAllRollups(t.ctx.db);
    const expected = await bruteForceRollups(t.ctx.db, period, nextPeriod(period), todayIso(), [org.districtA1.id, org.regionA.id]);
    expect(await storedRollups(t.ctx.db, period, org.districtA1.id), period).toEqual(
      Object.fromEntries(Object.entries(expected).filter(([k]) => k.startsWith(`${org.districtA1.id}|`))),
    );
  };

  it('is saved through the registry; bad parameters are a 400', async () => {
    for (const params of [{ min: 0 }, { min: 101 }, { min: '3' }, {}, { min: 2, extra: 1 }]) {
      const bad = await admin.post('/api/v1/standards', { ...base, kind: 'ideas_per_members', params });
      expect(bad.status, JSON.stringify(params)).toBe(400);
      expect(bad.body.error.code).toBe('validation_failed');
    }
    const saved = await admin.post('/api/v1/standards', { ...base, kind: 'ideas_per_members', params: { min: 4 } });
    expect(saved.status, JSON.stringify(saved.body)).toBeLessThan(300);
  });

  it('an idea counts in its month and the 11 after, against the roll; the oracle and a rebuild agree', async () => {
    const db = t.ctx.db;
    await db.updateTable('standards').set({ valid_from: '2000-01-01' }).where('code', '=', base.code).execute();
    for (const p of [m3, m2, m1, current]) await materializePeriod(db, p);
    for (const p of [m3, m2, m1, current]) {
      const v = await verdicts(p);
      // Cell A1a has three on its roll: 4 per 10 members asks for 1.2 ideas, so two.
      expect(v[org.cellA1a.id], p).toMatchObject({ meets: false, detail: { kind: 'ideas_per_members', ideas: 0, members: 3, min: 4 } });
      // Cell A1b has nobody on its roll: nothing is asked of it.
      expect(v[org.cellA1b.id], p).toMatchObject({ meets: true, detail: { ideas: 0, members: 0 } });
    }
    // An idea submitted in m2 (the service takes the day), then one today through the API.
    const account = await db
      .selectFrom('accounts')
      .select(['id', 'login', 'person_id'])
      .where('login', '=', 'member@test')
      .executeTakeFirstOrThrow();
    const actor = await loadActor(
      db,
      { id: Number(account.id), login: account.login, personId: Number(account.person_id) },
      { csrfToken: null, sessionId: null },
    );
    await submitIdea(
      db,
      actor,
      org.cellA1a.id,
      { title: 'Old idea', description: 'From two months back', authorIds: [org.M.id] },
      `${m2.slice(0, 8)}15`,
    );
    await foldAllRollups(db);
    expect((await verdicts(m3))[org.cellA1a.id]).toMatchObject({ meets: false, detail: { ideas: 0 } });
    for (const p of [m2, m1, current])
      expect((await verdicts(p))[org.cellA1a.id], p).toMatchObject({ meets: false, detail: { ideas: 1, members: 3 } });
    const res = await member.post(`/api/v1/cells/${org.cellA1a.id}/ideas`, {
      title: 'New idea',
      description: 'Today',
      authorIds: [org.M.id, org.P.id],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    await foldAllRollups(db);
    expect((await verdicts(m1))[org.cellA1a.id]).toMatchObject({ meets: false, detail: { ideas: 1 } });
    expect((await verdicts(current))[org.cellA1a.id]).toMatchObject({ meets: true, detail: { ideas: 2, members: 3 } });
    for (const p of [m3, m2, m1, current]) await matchesOracle(p);
    // A rebuild of each month from the raw rows says the same.
    for (const p of [m3, m2, m1, current]) {
      const before = await verdicts(p);
      await materializePeriod(db, p);
      expect(await verdicts(p), p).toEqual(before);
    }
    // The month's figures for the district count both ideas in their months.
    const summary = await admin.get(`/api/v1/units/${org.districtA1.id}/ideas/summary?year=${current.slice(0, 4)}`);
    const byMonth = Object.fromEntries(summary.body.months.map((m: { month: string; submitted: number }) => [m.month, m.submitted]));
    if (m2.slice(0, 4) === current.slice(0, 4)) expect(byMonth[month(m2)]).toBe(1);
    expect(byMonth[month(current)]).toBe(1);
  });
});
