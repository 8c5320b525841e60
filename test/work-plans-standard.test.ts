/**
 * Work plans through the rulebook interface (docs/modules.md): the kind "an adopted work plan for the
 * period" saved and refused, judged month by month (a plan adopted in a month passes that month and the
 * rest of its quarter, not the months before; one adopted before its quarter passes all of it: carried
 * forward by the incremental refresh), the same after a rebuild and equal to the brute-force oracle.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { materializePeriod } from '../src/server/modules/compliance/engine.ts';
import { foldAllRollups } from '../src/server/modules/compliance/fold.ts';
import { nextPeriod, periodOf, previousPeriod, todayIso } from '../src/server/modules/compliance/periods.ts';
import { quarterOf } from '../src/shared/schemas/work-plans.ts';
import { createTestApp } from './helpers/app.ts';
import { bruteForceRollups, storedRollups } from './helpers/brute-force.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildMeeting, holdMeeting } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';

const current = periodOf(todayIso());
const months = [5, 4, 3, 2, 1].reduce<string[]>((acc) => [previousPeriod(acc[0] ?? current), ...acc], []);
const all = [...months, current];
const month = (p: string) => p.slice(0, 7);

describe('the standard "an adopted work plan for the period"', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let admin: Client;
  let secretary: Client;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    admin = await signIn(t.app, 'admin@test', 'secret-pass');
    secretary = await signIn(t.app, 'secretary@test', 'secret-pass');
  });
  afterAll(async () => t?.close());

  const base = { code: 'work-plan', titleEn: 'An adopted work plan', titleKo: '채택된 사업계획', validFrom: current };
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
  const adoptAt = async (quarter: string, day: string, goals: number) => {
    const m = await buildMeeting(t.ctx.db, org.cellA1a.id, { startsAt: `${day}T09:00:00Z` });
    await holdMeeting(t.ctx.db, m.id);
    const body = { goals: Array.from({ length: goals }, (_, i) => ({ title: `Goal ${i + 1}`, kind: 'study' })) };
    expect((await secretary.request('PUT', `/api/v1/cells/${org.cellA1a.id}/work-plans/${quarter}`, body)).status).toBe(200);
    const res = await secretary.post(`/api/v1/cells/${org.cellA1a.id}/work-plans/${quarter}/adopt`, { meetingId: m.id });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };

  it('is saved through the registry; bad parameters are a 400', async () => {
    for (const params of [{ minGoals: 0 }, { minGoals: 51 }, { minGoals: 1.5 }, { minGoals: '2' }, { minGoals: 2, period: 'year' }]) {
      const bad = await admin.post('/api/v1/standards', { ...base, kind: 'work_plan_adopted', params });
      expect(bad.status, JSON.stringify(params)).toBe(400);
      expect(bad.body.error.code).toBe('validation_failed');
    }
    const saved = await admin.post('/api/v1/standards', { ...base, kind: 'work_plan_adopted', params: { minGoals: 2 } });
    expect(saved.status, JSON.stringify(saved.body)).toBeLessThan(300);
  });

  it('a plan passes from the month it is adopted to its quarter’s end, with enough goals; the oracle and a rebuild agree', async () => {
    const db = t.ctx.db;
    await db.updateTable('standards').set({ valid_from: '2000-01-01' }).where('code', '=', base.code).execute();
    for (const p of all) await materializePeriod(db, p);
    for (const p of all) expect((await verdicts(p))[org.cellA1a.id], p).toMatchObject({ meets: false, detail: { goals: 0, required: 2 } });
    // Each quarter of the six months: the plan adopted in the middle month (one goal too few in the older quarter).
    const quarters = [...new Set(all.map(quarterOf))];
    const middle = (q: string) => all.filter((p) => quarterOf(p) === q);
    const plan = new Map<string, { on: string; goals: number }>();
    for (const [i, q] of quarters.entries()) {
      const inQ = middle(q);
      const adoptedIn = inQ[Math.min(1, inQ.length - 1)]!;
      const on = `${adoptedIn.slice(0, 8)}10`;
      if (on > todayIso()) continue;
      const goals = i === 0 ? 1 : 3;
      await adoptAt(q, on, goals);
      plan.set(q, { on, goals });
    }
    await foldAllRollups(db);
    for (const p of all) {
      const v = (await verdicts(p))[org.cellA1a.id];
      const adopted = plan.get(quarterOf(p));
      const expected = adopted && adopted.on < nextPeriod(p) ? adopted.goals : 0;
      expect(v, p).toMatchObject({ meets: expected >= 2, detail: { kind: 'work_plan_adopted', goals: expected, required: 2 } });
      expect((await verdicts(p))[org.cellA1b.id], p).toMatchObject({ meets: false });
    }
    for (const p of all) await matchesOracle(p);
    for (const p of all) {
      const before = await verdicts(p);
      await materializePeriod(db, p);
      expect(await verdicts(p), p).toEqual(before);
    }
  });

  it('a plan adopted before its quarter starts passes every month of it (carried forward)', async () => {
    const db = t.ctx.db;
    // This quarter's plan of cell A1b, adopted at a meeting held in the month before the quarter began.
    const quarter = quarterOf(current);
    const firstMonth = all.find((p) => quarterOf(p) === quarter)!;
    const heldIn = previousPeriod(firstMonth);
    const m = await buildMeeting(db, org.cellA1b.id, { startsAt: `${heldIn.slice(0, 8)}05T09:00:00Z` });
    await holdMeeting(db, m.id);
    const body = {
      goals: [
        { title: 'a', kind: 'study' },
        { title: 'b', kind: 'innovation' },
      ],
    };
    expect((await admin.request('PUT', `/api/v1/cells/${org.cellA1b.id}/work-plans/${quarter}`, body)).status).toBe(200);
    expect((await admin.post(`/api/v1/cells/${org.cellA1b.id}/work-plans/${quarter}/adopt`, { meetingId: m.id })).status).toBe(200);
    await foldAllRollups(db);
    for (const p of all) {
      const inQuarter = quarterOf(p) === quarter;
      expect((await verdicts(p))[org.cellA1b.id], p).toMatchObject({ meets: inQuarter, detail: { goals: inQuarter ? 2 : 0 } });
    }
    for (const p of all) await matchesOracle(p);
  });
});
