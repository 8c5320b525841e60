/**
 * The rulebook's directives standard through the module interface: "directives acknowledged or briefed
 * by at least X % of the cell's members within N days", saved and validated, judged as deliveries are
 * written and acknowledged (the write-side contract), the same after a rebuild, and equal to the
 * registry's brute-force oracle.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/server/access/actor.ts';
import { materializePeriod } from '../src/server/modules/compliance/engine.ts';
import { nextPeriod, periodOf, todayIso } from '../src/server/modules/compliance/periods.ts';
import { acknowledgeDirective } from '../src/server/modules/directives/deliveries.ts';
import { foldAllRollups } from '../src/server/modules/compliance/fold.ts';
import { createTestApp } from './helpers/app.ts';
import { bruteForceRollups, storedRollups } from './helpers/brute-force.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildPublishedDirective } from './helpers/directives.ts';
import { buildOrg, type Org } from './helpers/org.ts';

const current = periodOf(todayIso());
const CODE = 'directives-reached';

describe('the directives standard', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    admin = await signIn(t.app, 'admin@test', 'secret-pass');
  });
  afterAll(async () => t?.close());

  const base = { code: CODE, titleEn: 'Directives reach members', titleKo: '지시 전달', kind: 'directives_reached', validFrom: current };
  const verdicts = async () => {
    const res = await admin.get(`/api/v1/units/${org.districtA1.id}/compliance/cells?period=${current.slice(0, 7)}&standard=${CODE}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return Object.fromEntries(res.body.items.map((i: { cellId: number; meets: boolean; detail: unknown }) => [i.cellId, i]));
  };
  const matchesOracle = async () => {
    await foldAllRollups(t.ctx.db);
    const expected = await bruteForceRollups(t.ctx.db, current, nextPeriod(current), todayIso(), [org.districtA1.id]);
    expect(await storedRollups(t.ctx.db, current, org.districtA1.id)).toEqual(expected);
  };

  it('is saved through the registry; bad parameters are refused', async () => {
    const bad = await admin.post('/api/v1/standards', { ...base, params: { min: 0.5, days: 0 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'validation_failed' });
    const saved = await admin.post('/api/v1/standards', { ...base, params: { min: 0.5, days: 7 } });
    expect(saved.status, JSON.stringify(saved.body)).toBeLessThan(300);
  });

  it('judges each cell on the share of its deliveries reached in time, kept current as members acknowledge', async () => {
    const db = t.ctx.db;
    await materializePeriod(db, current);
    const d = await buildPublishedDirective(db, org.regionA.id, { unitIds: [org.districtA1.id] });
    let v = await verdicts();
    expect(v[org.cellA1a.id]).toMatchObject({ meets: false, detail: { kind: 'directives_reached', reached: 0, delivered: 3 } });
    // Nothing was sent to cell A1b (no members): nothing to miss.
    expect(v[org.cellA1b.id]).toMatchObject({ meets: true, detail: { reached: 0, delivered: 0 } });
    await matchesOracle();

    await acknowledgeDirective(db, { ...systemActor(), personId: org.M.id }, d.id);
    expect((await verdicts())[org.cellA1a.id]).toMatchObject({ meets: false, detail: { reached: 1, delivered: 3 } });
    await acknowledgeDirective(db, { ...systemActor(), personId: org.P.id }, d.id);
    v = await verdicts();
    expect(v[org.cellA1a.id]).toMatchObject({ meets: true, detail: { reached: 2, delivered: 3 } });
    await matchesOracle();

    // A rebuild from the raw rows says the same.
    await materializePeriod(db, current);
    expect(await verdicts()).toEqual(v);
  });
});
