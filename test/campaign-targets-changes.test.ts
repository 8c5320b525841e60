/**
 * Issue 15's targets in emulation (decision 0033's extension points) through the API: a campaign scores
 * target indicators beside standards (each unit's own targets, achieved of figure, capped), following
 * the progress reported; its committee edits and cancels it (audited, refusals save nothing); the
 * model-cell rule refuses a cell with an overdue target until the target is met.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePeriod } from '../src/server/modules/compliance/engine.ts';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { holdGeneralIn, settle } from './helpers/emulation.ts';
import { buildOrg, type Org } from './helpers/org.ts';

const OCT = '2026-10-01';
const NOV = '2026-11-01';
const GM = 'general-meeting-monthly';

describe('campaign targets, changes and the overdue-target condition', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let region: Client;
  let member: Client;
  let outsider: Client;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    // A1a meets in both months (GM share 1), A1b in November only (share 1/2).
    await holdGeneralIn(t.ctx.db, org.cellA1a.id, OCT);
    await holdGeneralIn(t.ctx.db, org.cellA1a.id, NOV);
    await holdGeneralIn(t.ctx.db, org.cellA1b.id, NOV);
    await settle(t.ctx.db, [OCT, NOV]);
    const as = (login: string) => signIn(t.app, login, 'secret-pass');
    region = await as('region@test');
    member = await as('member@test');
    outsider = await as('outsider@test');
  });
  afterAll(async () => t?.close());

  const count = async (table: 'campaigns' | 'campaign_units' | 'audit_log') =>
    Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.ctx.db)).rows[0]!.n);
  const setTarget = async (unitId: number, year: number, figure: number) => {
    const res = await region.post(`/api/v1/units/${unitId}/targets`, {
      year,
      sector: 'agriculture',
      indicator: 'Grain yield',
      measure: 'tonnes',
      figure,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as number;
  };
  const report = async (targetId: number, unitId: number, asOf: string, value: number) => {
    const res = await region.post(`/api/v1/targets/${targetId}/progress`, { unitId, asOf, value });
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  };
  const body = (over: Record<string, unknown> = {}) => ({
    title: 'Harvest emulation',
    unitIds: [org.cellA1a.id, org.cellA1b.id],
    from: '2026-10',
    to: '2026-11',
    standardCodes: [GM],
    targets: [{ indicator: 'grain yield', weight: 3 }],
    ...over,
  });
  const scores = async (id: number) =>
    Object.fromEntries(
      (await region.get(`/api/v1/campaigns/${id}/standings`)).body.items.map((s: { unitId: number; score: number }) => [s.unitId, s.score]),
    );

  it('scores a target indicator beside the standards, follows the progress, and drills down to the targets', async () => {
    const a = await setTarget(org.cellA1a.id, 2026, 200);
    const b = await setTarget(org.cellA1b.id, 2026, 100);
    await report(a, org.cellA1a.id, '2026-06-01', 50);
    await report(b, org.cellA1b.id, '2026-06-01', 150);
    const made = await region.post('/api/v1/campaigns', body());
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const page = await region.get(`/api/v1/campaigns/${made.body.id}`);
    // The catalogue's spelling is kept.
    expect(page.body.components).toEqual([
      expect.objectContaining({ kind: 'standard', code: GM, weight: 1 }),
      { kind: 'target', indicator: 'Grain yield', weight: 3 },
    ]);
    // A1a: (1 × 1 + 3 × 50/200) / 4; A1b: (1 × 1/2 + 3 × min(1, 150/100)) / 4.
    expect(await scores(made.body.id)).toEqual({ [org.cellA1a.id]: 43.75, [org.cellA1b.id]: 87.5 });
    await report(a, org.cellA1a.id, '2026-07-01', 200);
    expect(await scores(made.body.id)).toEqual({ [org.cellA1a.id]: 100, [org.cellA1b.id]: 87.5 });
    const drill = await region.get(`/api/v1/campaigns/${made.body.id}/units/${org.cellA1a.id}`);
    expect(drill.status).toBe(200);
    expect(drill.body.components[1]).toMatchObject({
      kind: 'target',
      code: 'Grain yield',
      weight: 3,
      meeting: 200,
      total: 200,
      rate: 1,
      targets: [{ id: a, year: 2026, quarter: null, figure: 200, achieved: 200, measure: 'tonnes' }],
    });
    // A unit without a target of the indicator scores 0 on it.
    const c = await region.post('/api/v1/campaigns', body({ unitIds: [org.cellA1a.id, org.cellA2a.id] }));
    expect((await scores(c.body.id))[org.cellA2a.id]).toBe(0);
  });

  it('refuses an unknown or repeated indicator, and saves nothing', async () => {
    const before = await count('campaigns');
    for (const [targets, key] of [
      [[{ indicator: 'Moon rocks' }], 'campaign.unknownIndicator'],
      [[{ indicator: 'Grain yield' }, { indicator: 'GRAIN YIELD' }], 'campaign.duplicateIndicator'],
    ] as const) {
      const res = await region.post('/api/v1/campaigns', body({ targets }));
      expect([res.status, res.body.error?.messageKey]).toEqual([400, key]);
    }
    expect((await region.post('/api/v1/campaigns', body({ targets: [{ indicator: 'Grain yield', weight: 0 }] }))).status).toBe(400);
    expect(await count('campaigns')).toBe(before);
  });

  it('is edited by its committee (audited); refusals change nothing', async () => {
    const { body: made } = await region.post('/api/v1/campaigns', body());
    const url = `/api/v1/campaigns/${made.id}`;
    const audits = await count('audit_log');
    const stored = async () => {
      const c = (await region.get(url)).body;
      return [c.title, c.from, c.to, c.components, c.units.map((u: { id: number }) => u.id).sort()];
    };
    const before = await stored();
    const refusals: [Client, Record<string, unknown>, number, string | undefined][] = [
      [region, { unitIds: [org.cellA1a.id, org.cellB1a.id] }, 404, 'campaign.unitOutside'],
      [region, { unitIds: [org.districtA1.id, org.cellA1a.id] }, 400, 'campaign.nestedUnits'],
      [region, { from: '2026-12', to: '2026-11' }, 400, 'campaign.toBeforeFrom'],
      [region, { standardCodes: ['no-such'] }, 400, 'campaign.unknownStandard'],
      [region, { targets: [{ indicator: 'Moon rocks' }] }, 400, 'campaign.unknownIndicator'],
      [region, {}, 400, undefined],
      [region, { colour: 'red' }, 400, undefined],
      [member, { title: 'Mine now' }, 403, 'campaign.managersOnly'],
      [outsider, { title: 'Mine now' }, 404, 'campaign.notFound'],
    ];
    for (const [c, change, status, key] of refusals) {
      const res = await c.patch(url, change);
      expect([res.status, key ? res.body.error?.messageKey : undefined], JSON.stringify(change)).toEqual([status, key]);
    }
    expect(await stored()).toEqual(before);
    expect(await count('audit_log')).toBe(audits);
    const res = await region.patch(url, { title: 'Winter emulation', unitIds: [org.cellA1a.id, org.cellA2a.id], to: '2026-12' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const after = (await region.get(url)).body;
    expect([after.title, after.to, after.units.map((u: { id: number }) => u.id).sort()]).toEqual([
      'Winter emulation',
      '2026-12-01',
      [org.cellA1a.id, org.cellA2a.id].sort(),
    ]);
    // The weights left out stay as they were.
    expect(after.components).toEqual(before[3]);
    const audit = await sql<{
      action: string;
    }>`select action from audit_log where entity = 'campaign' and entity_id = ${String(made.id)}`.execute(t.ctx.db);
    expect(audit.rows.map((r) => r.action)).toEqual(['campaign.update']);
  });

  it('is cancelled by its committee: out of the lists, audited, no longer changed', async () => {
    const { body: made } = await region.post('/api/v1/campaigns', body({ title: 'To cancel' }));
    const url = `/api/v1/campaigns/${made.id}`;
    const listed = async () =>
      (await region.get(`/api/v1/units/${org.regionA.id}/campaigns?limit=100`)).body.items.map((c: { id: number }) => c.id);
    expect(await listed()).toContain(made.id);
    expect((await member.post(`${url}/cancel`, {})).status).toBe(403);
    expect((await outsider.post(`${url}/cancel`, {})).status).toBe(404);
    expect((await region.get(url)).body.cancelledAt).toBeNull();
    const res = await region.post(`${url}/cancel`, {});
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await listed()).not.toContain(made.id);
    expect((await region.get(url)).body).toMatchObject({ cancelledAt: res.body.cancelledAt, canManage: false });
    for (const again of [region.post(`${url}/cancel`, {}), region.patch(url, { title: 'Back' })]) {
      const r = await again;
      expect([r.status, r.body.error?.messageKey]).toEqual([409, 'campaign.cancelled']);
    }
    const audit = await sql<{
      action: string;
    }>`select action from audit_log where entity = 'campaign' and entity_id = ${String(made.id)}`.execute(t.ctx.db);
    expect(audit.rows.map((r) => r.action)).toEqual(['campaign.cancel']);
  });

  it('the model-cell rule has no-overdue-target: a cell with a 2025 target short of its figure is refused until it is met', async () => {
    const rules = await region.get('/api/v1/distinction-rules');
    expect(rules.body.items.find((r: { code: string }) => r.code === 'model-cell').conditions).toEqual([
      { kind: 'overall-months', min: 11 },
      { kind: 'no-overdue-target' },
    ]);
    const months = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}-01`);
    for (const p of months) await ensurePeriod(t.ctx.db, p);
    await sql`update cell_compliance set meets = true, failing = 0 where standard_code = '*' and period between '2025-01-01' and '2025-12-01'
      and cell_id = any(${[org.cellA1a.id, org.cellA1b.id]}::bigint[])`.execute(t.ctx.db);
    const met = await setTarget(org.cellA1a.id, 2025, 10);
    await report(met, org.cellA1a.id, '2025-12-01', 10);
    const short = await setTarget(org.cellA1b.id, 2025, 10);
    await report(short, org.cellA1b.id, '2025-12-01', 4);
    const eligible = async () =>
      (await region.get(`/api/v1/units/${org.regionA.id}/distinctions?year=2025`)).body.items.map((i: { unitId: number }) => i.unitId);
    expect(await eligible()).toEqual([org.cellA1a.id]);
    const refused = await region.post(`/api/v1/units/${org.regionA.id}/distinctions/model-cell/conferrals`, {
      year: 2025,
      cellIds: [org.cellA1b.id],
    });
    expect([refused.status, refused.body.error?.details]).toEqual([400, { cellIds: [org.cellA1b.id] }]);
    // The list follows the facts: the target reported met, the cell is eligible again.
    await report(short, org.cellA1b.id, '2025-12-20', 10);
    expect(await eligible()).toEqual([org.cellA1a.id, org.cellA1b.id]);
  });
});
