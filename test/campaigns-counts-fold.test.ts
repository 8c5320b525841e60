/**
 * A running campaign's counts are kept by the roll-up folder (decision 0033 as amended; decision 0022):
 * a verdict written after the campaign started reaches its standings when the folder adds the queued
 * difference, not before; a change of the campaign's months recounts it; a cancelled campaign's
 * standings read the verdicts; the drill-down still shows each month.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECTORS } from '../src/shared/enums.ts';
import { foldAllRollups } from '../src/server/modules/compliance/fold.ts';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { holdGeneralIn, recountStandings, settle } from './helpers/emulation.ts';
import { buildOrg, type Org } from './helpers/org.ts';

const CODE = 'general-meeting-monthly';
const SECTOR = SECTORS.find((x) => x !== 'metallurgy')!;

describe('campaign counts kept by the folder', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    admin = await signIn(t.app, 'admin@test', 'secret-pass');
  });
  afterAll(async () => t?.close());

  const scores = async (id: number) => {
    const res = await admin.get(`/api/v1/campaigns/${id}/standings`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return Object.fromEntries(res.body.items.map((s: { unitId: number; score: number }) => [s.unitId, s.score]));
  };

  it('adds a verdict written after the start when the folder folds it', async () => {
    const [may, june] = ['2024-05-01', '2024-06-01'];
    await settle(t.ctx.db, [may, june]);
    const unitIds = [org.cellA1a.id, org.cellB1a.id];
    const made = await admin.post('/api/v1/campaigns', { title: 'Fold', unitIds, from: '2024-05', to: '2024-05', standardCodes: [CODE] });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const id = made.body.id;
    expect(await scores(id)).toEqual({ [org.cellA1a.id]: 0, [org.cellB1a.id]: 0 });

    await holdGeneralIn(t.ctx.db, org.cellA1a.id, may);
    await holdGeneralIn(t.ctx.db, org.cellA1a.id, june);
    // The verdict is stored, its difference queued: the standings follow once it is folded.
    expect(await scores(id)).toEqual({ [org.cellA1a.id]: 0, [org.cellB1a.id]: 0 });
    expect(await foldAllRollups(t.ctx.db)).toBeGreaterThan(0);
    const recount = await recountStandings(t.ctx.db, { unitIds, from: may, to: may, weights: { [CODE]: 1 } });
    expect(await scores(id)).toEqual({ [org.cellA1a.id]: 100, [org.cellB1a.id]: 0 });
    expect(recount.get(org.cellA1a.id)?.score).toBe(100);

    // Two months now: June's meeting counts too (recounted in the change's transaction).
    await holdGeneralIn(t.ctx.db, org.cellB1a.id, june);
    expect((await admin.patch(`/api/v1/campaigns/${id}`, { to: '2024-06' })).status).toBe(200);
    expect(await scores(id)).toEqual({ [org.cellA1a.id]: 100, [org.cellB1a.id]: 0 });
    await foldAllRollups(t.ctx.db);
    expect(await scores(id)).toEqual({ [org.cellA1a.id]: 100, [org.cellB1a.id]: 50 });

    // The standings as CSV, in rank order, with whom to overtake.
    const csv = await admin.get(`/api/v1/campaigns/${id}/standings.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(
      (csv.body as string)
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n'),
    ).toEqual([
      'rank,unit_id,unit,kind,score,to_overtake,gap',
      `1,${org.cellA1a.id},Cell A1a,cell,100,,`,
      `2,${org.cellB1a.id},Cell B1a,cell,50,Cell A1a,50`,
    ]);
    // The drill-down still shows each month's verdict.
    const drill = await admin.get(`/api/v1/campaigns/${id}/units/${org.cellB1a.id}`);
    expect(drill.status).toBe(200);
    expect(drill.body.components[0].months).toEqual([
      { period: may, meeting: 0, total: 1 },
      { period: june, meeting: 1, total: 1 },
    ]);

    // A new sector drops the cell's verdicts and judges them again: its counts are not doubled (2 of 2
    // met after May's meeting, not 3 of 4).
    const unit = await admin.patch(`/api/v1/units/${org.cellB1a.id}`, { sector: SECTOR });
    expect(unit.status, JSON.stringify(unit.body)).toBe(200);
    await holdGeneralIn(t.ctx.db, org.cellB1a.id, may);
    await foldAllRollups(t.ctx.db);
    expect(await scores(id)).toEqual({ [org.cellA1a.id]: 100, [org.cellB1a.id]: 100 });

    // Cancelled, its counts are dropped and its standings read the verdicts, which still move.
    expect((await admin.post(`/api/v1/campaigns/${id}/cancel`)).status).toBe(200);
    expect(await scores(id)).toEqual({ [org.cellA1a.id]: 100, [org.cellB1a.id]: 100 });
    await holdGeneralIn(t.ctx.db, org.cellA1a.id, june, [org.S.id, org.M.id, org.P.id]);
    await foldAllRollups(t.ctx.db);
    const after = await recountStandings(t.ctx.db, { unitIds, from: may, to: june, weights: { [CODE]: 1 } });
    expect(await scores(id)).toEqual({ [org.cellA1a.id]: after.get(org.cellA1a.id)?.score, [org.cellB1a.id]: 100 });
  });
});
