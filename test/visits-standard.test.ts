/**
 * The visits module through the rulebook interface (docs/modules.md): the kind "every cell visited at
 * least once every N months" saved and refused, judged over a rolling window (a visit held counts in
 * its month and the N-1 after it, carried forward by the incremental refresh), the same after a rebuild
 * and equal to the registry's brute-force oracle; coverage over a window follows the same visit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { materializePeriod } from '../src/server/modules/compliance/engine.ts';
import { foldAllRollups } from '../src/server/modules/compliance/fold.ts';
import { nextPeriod, periodOf, previousPeriod, todayIso } from '../src/server/modules/compliance/periods.ts';
import { createTestApp } from './helpers/app.ts';
import { bruteForceRollups, storedRollups } from './helpers/brute-force.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildOrg, type Org } from './helpers/org.ts';

const current = periodOf(todayIso());
const m1 = previousPeriod(current);
const m2 = previousPeriod(m1);
const m3 = previousPeriod(m2);
const month = (p: string) => p.slice(0, 7);

describe('the standard "every cell visited every N months"', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let admin: Client;
  let region: Client;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    admin = await signIn(t.app, 'admin@test', 'secret-pass');
    region = await signIn(t.app, 'region@test', 'secret-pass');
  });
  afterAll(async () => t?.close());

  const base = { code: 'visited-quarterly', titleEn: 'A visit every three months', titleKo: '3개월마다 방문', validFrom: current };
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
    for (const months of [0, 25, 1.5, '3']) {
      const bad = await admin.post('/api/v1/standards', { ...base, kind: 'visits_every_months', params: { months } });
      expect(bad.status, String(months)).toBe(400);
      expect(bad.body.error.code).toBe('validation_failed');
    }
    const saved = await admin.post('/api/v1/standards', { ...base, kind: 'visits_every_months', params: { months: 3 } });
    expect(saved.status, JSON.stringify(saved.body)).toBeLessThan(300);
  });

  it('a visit held two months ago counts in its month and the two after; the oracle and a rebuild agree', async () => {
    const db = t.ctx.db;
    await db.updateTable('standards').set({ valid_from: '2000-01-01' }).where('code', '=', base.code).execute();
    for (const p of [m3, m2, m1, current]) await materializePeriod(db, p);
    for (const p of [m3, m2, m1, current]) {
      const v = await verdicts(p);
      expect(v[org.cellA1a.id], p).toMatchObject({ meets: false, detail: { kind: 'visits_every_months', visits: 0, months: 3 } });
    }
    // Planned today and reported as held in the month two months back (recorded late).
    const planned = await region.post('/api/v1/visits', { unitId: org.cellA1a.id, plannedOn: todayIso() });
    const heldOn = `${m2.slice(0, 8)}15`;
    const report = await region.post(`/api/v1/visits/${planned.body.id}/report`, { heldOn, membersMet: 2, problems: [] });
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    await foldAllRollups(db);
    expect((await verdicts(m3))[org.cellA1a.id]).toMatchObject({ meets: false });
    for (const p of [m2, m1, current]) {
      const v = await verdicts(p);
      expect(v[org.cellA1a.id], p).toMatchObject({ meets: true, detail: { visits: 1, months: 3 } });
      expect(v[org.cellA1b.id], p).toMatchObject({ meets: false });
    }
    for (const p of [m3, m2, m1, current]) await matchesOracle(p);
    // Coverage over three months follows the same visit: visited in m2's window and after, not in the month alone.
    const cov = async (p: string, months: number) =>
      (await region.get(`/api/v1/units/${org.districtA1.id}/visits/coverage?period=${month(p)}&months=${months}`)).body;
    expect(await cov(m1, 3)).toMatchObject({ cells: 2, visited: 1, share: 0.5 });
    expect(await cov(m1, 1)).toMatchObject({ cells: 2, visited: 0 });
    expect(await cov(m2, 1)).toMatchObject({ cells: 2, visited: 1, heldVisits: 1 });
    expect(await cov(m3, 12)).toMatchObject({ visited: 0 });
    // A rebuild of each month from the raw rows says the same.
    for (const p of [m3, m2, m1, current]) {
      const before = await verdicts(p);
      const coverage = await cov(p, 3);
      await materializePeriod(db, p);
      expect(await verdicts(p), p).toEqual(before);
      expect(await cov(p, 3), p).toEqual(coverage);
    }
  });
});
