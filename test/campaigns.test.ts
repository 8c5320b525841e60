/**
 * Emulation campaigns through the API (issue 15; decision 0033): an official of a committee starts a
 * campaign among units under it; every bad input is refused whole; the standings follow the verdicts
 * the meetings made (cells and committees), equal a recount, rank ties alike, name the unit to
 * overtake; each score drills down to its figures; only the committee's readers and the participants see it.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { holdGeneralIn, recountStandings, settle } from './helpers/emulation.ts';
import { buildOrg, type Org } from './helpers/org.ts';

const OCT = '2026-10-01';
const NOV = '2026-11-01';
const GM = 'general-meeting-monthly';

describe('emulation campaigns', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let region: Client;
  let member: Client;
  let secretary: Client;
  let reader: Client;
  let outsider: Client;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    // Cell A1a meets monthly in October and November, A1b in November only, A2a never.
    await holdGeneralIn(t.ctx.db, org.cellA1a.id, OCT);
    await holdGeneralIn(t.ctx.db, org.cellA1a.id, NOV);
    await holdGeneralIn(t.ctx.db, org.cellA1b.id, NOV);
    await settle(t.ctx.db, [OCT, NOV]);
    const as = (login: string) => signIn(t.app, login, 'secret-pass');
    region = await as('region@test');
    member = await as('member@test');
    secretary = await as('secretary@test');
    reader = await as('reader@test');
    outsider = await as('outsider@test');
    admin = await as('admin@test');
  });
  afterAll(async () => t?.close());

  const count = async () => Number((await sql<{ n: number }>`select count(*)::int as n from campaigns`.execute(t.ctx.db)).rows[0]!.n);
  const body = (over: Record<string, unknown> = {}) => ({
    title: 'Autumn emulation',
    unitIds: [org.cellA1a.id, org.cellA1b.id],
    from: '2026-10',
    to: '2026-11',
    standardCodes: [GM],
    ...over,
  });

  it('starts a campaign from the official’s committee; its page lists the units and weights', async () => {
    const res = await region.post('/api/v1/campaigns', body({ weights: { [GM]: 2 } }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const page = await region.get(`/api/v1/campaigns/${res.body.id}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      title: 'Autumn emulation',
      unit: { id: org.regionA.id },
      from: OCT,
      to: NOV,
      components: [{ kind: 'standard', code: GM, weight: 2 }],
      canManage: true,
    });
    expect(page.body.units.map((u: { id: number }) => u.id).sort()).toEqual([org.cellA1a.id, org.cellA1b.id].sort());
  });

  it('refuses every bad input by name, and saves nothing', async () => {
    const before = await count();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ unitIds: [org.cellA1a.id, org.cellB1a.id] }, 404, 'campaign.unitOutside'],
      [{ unitIds: [org.cellA1a.id, 99999999] }, 404, 'campaign.unitOutside'],
      [{ unitIds: [org.districtA1.id, org.cellA1a.id] }, 400, 'campaign.nestedUnits'],
      [{ unitIds: [org.cellA1a.id, org.cellA1a.id] }, 400, 'campaign.duplicateUnit'],
      [{ standardCodes: ['no-such-standard'] }, 400, 'campaign.unknownStandard'],
      [{ standardCodes: [GM, GM] }, 400, 'campaign.duplicateStandard'],
      [{ weights: { 'actions-on-time': 1 } }, 400, 'campaign.weightNotInCampaign'],
      [{ from: '2026-11', to: '2026-10' }, 400, 'campaign.toBeforeFrom'],
      [{ from: '2020-01', to: '2026-10' }, 400, 'campaign.tooLong'],
    ];
    for (const [over, status, key] of cases) {
      const res = await region.post('/api/v1/campaigns', body(over));
      expect([res.status, res.body.error?.messageKey], JSON.stringify(over)).toEqual([status, key]);
    }
    for (const over of [
      { from: '2026-13' },
      { to: '2026-02-30' },
      { weights: { [GM]: 0 } },
      { unitIds: [org.cellA1a.id] },
      { title: '' },
    ]) {
      const res = await region.post('/api/v1/campaigns', body(over));
      expect(res.status, JSON.stringify(over)).toBe(400);
    }
    // Those who see both cells but run nothing are refused; those who do not see one of them are told it is not theirs.
    for (const [c, status, key] of [
      [reader, 403, 'campaign.officialsOnly'],
      [member, 404, 'campaign.unitOutside'],
      [secretary, 404, 'campaign.unitOutside'],
    ] as const) {
      const res = await c.post('/api/v1/campaigns', body());
      expect([res.status, res.body.error.messageKey]).toEqual([status, key]);
    }
    expect(await count()).toBe(before);
  });

  it('ranks cells by their verdicts, equal to a recount, with the unit to overtake and the gap', async () => {
    const { body: created } = await region.post('/api/v1/campaigns', body({ unitIds: [org.cellA1a.id, org.cellA1b.id, org.cellA2a.id] }));
    const res = await region.get(`/api/v1/campaigns/${created.id}/standings`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((s: any) => [s.unitId, s.score, s.rank, s.toOvertake])).toEqual([
      [org.cellA1a.id, 100, 1, null],
      [org.cellA1b.id, 50, 2, { unitId: org.cellA1a.id, name: 'Cell A1a', gap: 50 }],
      [org.cellA2a.id, 0, 3, { unitId: org.cellA1b.id, name: 'Cell A1b', gap: 50 }],
    ]);
    const recount = await recountStandings(t.ctx.db, {
      unitIds: [org.cellA1a.id, org.cellA1b.id, org.cellA2a.id],
      from: OCT,
      to: NOV,
      weights: { [GM]: 1 },
    });
    for (const s of res.body.items) expect({ score: s.score, rank: s.rank }).toEqual(recount.get(s.unitId));
    // The standings follow the facts: A2a meets in November, and the roll-up folder adds the verdict to
    // the campaign's counts a moment later, as to the committees' roll-ups (decision 0033 as amended).
    await holdGeneralIn(t.ctx.db, org.cellA2a.id, NOV);
    await settle(t.ctx.db, [OCT, NOV]);
    const after = await region.get(`/api/v1/campaigns/${created.id}/standings`);
    expect(after.body.items.map((s: any) => [s.unitId, s.score, s.rank])).toEqual([
      [org.cellA1a.id, 100, 1],
      [org.cellA1b.id, 50, 2],
      [org.cellA2a.id, 50, 2],
    ]);
    expect(after.body.items[2].toOvertake).toEqual({ unitId: org.cellA1a.id, name: 'Cell A1a', gap: 50 });
  });

  it('scores committees on their roll-ups, weighted over several standards, equal to a recount', async () => {
    const weights = { [GM]: 3, 'general-attendance-rate': 1, '*': 1 };
    const created = await admin.post(
      '/api/v1/campaigns',
      body({ unitIds: [org.districtA1.id, org.districtA2.id], standardCodes: Object.keys(weights), weights }),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await settle(t.ctx.db, [OCT, NOV]);
    const res = await reader.get(`/api/v1/campaigns/${created.body.id}/standings`);
    expect(res.status).toBe(200);
    const recount = await recountStandings(t.ctx.db, { unitIds: [org.districtA1.id, org.districtA2.id], from: OCT, to: NOV, weights });
    for (const s of res.body.items)
      expect({ unit: s.unitId, score: s.score, rank: s.rank }).toEqual({ unit: s.unitId, ...recount.get(s.unitId) });
    // The centre's campaign is run from the units' nearest common committee.
    expect((await admin.get(`/api/v1/campaigns/${created.body.id}`)).body.unit.id).toBe(org.regionA.id);
    // District A1's score, drilled to its figures: per standard and month, cells meeting of cells judged.
    const drill = await reader.get(`/api/v1/campaigns/${created.body.id}/units/${org.districtA1.id}`);
    expect(drill.status).toBe(200);
    const gm = drill.body.components.find((c: { code: string }) => c.code === GM);
    expect(gm).toMatchObject({
      weight: 3,
      meeting: 3,
      total: 4,
      months: [
        { period: OCT, meeting: 1, total: 2 },
        { period: NOV, meeting: 2, total: 2 },
      ],
    });
    expect(drill.body.standing.score).toBe(recount.get(org.districtA1.id)!.score);
    expect((await reader.get(`/api/v1/campaigns/${created.body.id}/units/${org.cellA1a.id}`)).status).toBe(404);
  });

  it('is read by the committee’s readers and the participants only; a participant sees its own row', async () => {
    const { body: created } = await region.post('/api/v1/campaigns', body());
    const standings = `/api/v1/campaigns/${created.id}/standings`;
    const mine = await member.get(standings);
    expect(mine.status).toBe(200);
    expect(mine.body.mine).toEqual([org.cellA1a.id]);
    expect((await region.get(standings)).body.mine).toEqual([]);
    expect((await outsider.get(standings)).status).toBe(404);
    expect((await outsider.get(`/api/v1/campaigns/${created.id}`)).status).toBe(404);
    expect((await outsider.get(`/api/v1/campaigns/${created.id}/units/${org.cellA1a.id}`)).status).toBe(404);
    const listed = await member.get(`/api/v1/units/${org.cellA1a.id}/campaigns`);
    expect(listed.body.items.map((c: { id: number }) => c.id)).toContain(created.id);
    const run = await region.get(`/api/v1/units/${org.regionA.id}/campaigns?limit=1`);
    expect(run.body.items).toHaveLength(1);
    expect(run.body.nextCursor).not.toBeNull();
    expect((await outsider.get(`/api/v1/units/${org.regionA.id}/campaigns`)).status).toBe(404);
  });
});
