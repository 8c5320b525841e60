/**
 * Yearly distinctions through the API (issue 15; decision 0033): the model-cell rule computed from the
 * cells' overall verdicts of the year, conferred by a committee's official on eligible cells only
 * (anything else refused whole), revoked, shown on the cell; the rule is the centre's data.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/server/db/database.ts';
import { ensurePeriod } from '../src/server/modules/compliance/engine.ts';
import { recomputeDistinctions } from '../src/server/modules/emulation/distinctions.ts';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildOrg, type Org } from './helpers/org.ts';

const months = (year: number) => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}-01`);

/** The months of 2025 each cell met every standard in (its overall verdict row, as the engine stores it). */
async function setOverallVerdicts(db: Db, metIn: Record<number, number>) {
  for (const p of months(2025)) await ensurePeriod(db, p);
  await sql`update cell_compliance set meets = false, failing = 1 where standard_code = '*' and period between '2025-01-01' and '2025-12-01'`.execute(
    db,
  );
  for (const [cell, n] of Object.entries(metIn))
    await sql`update cell_compliance set meets = true, failing = 0
      where standard_code = '*' and cell_id = ${Number(cell)} and period = any(${months(2025).slice(0, n)}::date[])`.execute(db);
}

describe('distinctions', () => {
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
    await setOverallVerdicts(t.ctx.db, { [org.cellA1a.id]: 12, [org.cellA1b.id]: 11, [org.cellA2a.id]: 10, [org.cellB1a.id]: 12 });
    const as = (login: string) => signIn(t.app, login, 'secret-pass');
    region = await as('region@test');
    member = await as('member@test');
    secretary = await as('secretary@test');
    reader = await as('reader@test');
    outsider = await as('outsider@test');
    admin = await as('admin@test');
  });
  afterAll(async () => t?.close());

  const conferred = async () =>
    Number(
      (await sql<{ n: number }>`select count(*)::int as n from distinction_conferrals where revoked_at is null`.execute(t.ctx.db)).rows[0]!
        .n,
    );
  const list = async (c: Client, unitId: number) => {
    const res = await c.get(`/api/v1/units/${unitId}/distinctions?year=2025`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items.map((i: any) => [i.unitId, i.distinction, i.status, i.monthsMet]);
  };
  const confer = (c: Client, unitId: number, b: Record<string, unknown>) =>
    c.post(`/api/v1/units/${unitId}/distinctions/model-cell/conferrals`, b);

  it('lists the cells that met every standard in at least 11 months, under the unit', async () => {
    expect(await list(region, org.regionA.id)).toEqual([
      [org.cellA1a.id, 'model-cell', 'eligible', 12],
      [org.cellA1b.id, 'model-cell', 'eligible', 11],
    ]);
    expect(await list(reader, org.districtA1.id)).toHaveLength(2);
    expect(await list(region, org.districtA2.id)).toEqual([]);
    expect((await outsider.get(`/api/v1/units/${org.regionA.id}/distinctions?year=2025`)).status).toBe(404);
    expect((await region.get(`/api/v1/units/${org.regionA.id}/distinctions?year=twenty`)).status).toBe(400);
    // The whole tree's list in one statement: the same cells, and B1a.
    expect(await recomputeDistinctions(t.ctx.db, 2025)).toBe(3);
    const stored = await sql<{ cell_id: number }>`select cell_id from distinction_eligibility where year = 2025 order by cell_id`.execute(
      t.ctx.db,
    );
    expect(stored.rows.map((r) => Number(r.cell_id))).toEqual([org.cellA1a.id, org.cellA1b.id, org.cellB1a.id].sort((a, b) => a - b));
  });

  it('refuses a conferral the rule does not give, whole, and confers the eligible', async () => {
    for (const cellIds of [[org.cellA2a.id], [org.cellA1a.id, org.cellA2a.id], [org.cellB1a.id]]) {
      const res = await confer(region, org.regionA.id, { year: 2025, cellIds });
      expect([res.status, res.body.error?.messageKey]).toEqual([400, 'distinction.notEligible']);
    }
    expect((await confer(region, org.regionA.id, { year: 2024, cellIds: [org.cellA1a.id] })).status).toBe(400);
    expect(await conferred()).toBe(0);
    const one = await confer(region, org.regionA.id, { year: 2025, cellIds: [org.cellA1a.id] });
    expect([one.status, one.body]).toEqual([201, { cellIds: [org.cellA1a.id] }]);
    expect(await list(region, org.regionA.id)).toEqual([
      [org.cellA1a.id, 'model-cell', 'conferred', 12],
      [org.cellA1b.id, 'model-cell', 'eligible', 11],
    ]);
    const rest = await confer(region, org.regionA.id, { year: 2025 });
    expect(rest.body).toEqual({ cellIds: [org.cellA1b.id] });
    expect((await confer(region, org.regionA.id, { year: 2025 })).body).toEqual({ cellIds: [] });
    const row = await t.ctx.db
      .selectFrom('distinction_conferrals')
      .selectAll()
      .where('cell_id', '=', org.cellA1a.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ conferred_by_unit: org.regionA.id, conferred_by: org.accounts.regionManager.id, months_met: 12 });
    expect(row.conferred_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The cell's own people see it (the badge on the cell's page).
    expect(await list(member, org.cellA1a.id)).toEqual([[org.cellA1a.id, 'model-cell', 'conferred', 12]]);
  });

  it('is conferred by a committee’s managing official only', async () => {
    expect((await confer(secretary, org.cellA1a.id, { year: 2025 })).status).toBe(403);
    expect((await confer(reader, org.districtA1.id, { year: 2025 })).status).toBe(403);
    expect((await confer(member, org.regionA.id, { year: 2025 })).status).toBe(404);
    expect((await confer(region, org.regionB.id, { year: 2025 })).status).toBe(404);
    expect((await region.post(`/api/v1/units/${org.regionA.id}/distinctions/no-such/conferrals`, { year: 2025 })).status).toBe(404);
  });

  it('revokes a conferral, kept on record; a cell without one is refused', async () => {
    const url = `/api/v1/units/${org.regionA.id}/distinctions/model-cell/revocations`;
    expect((await region.post(url, { year: 2025, cellIds: [org.cellA2a.id] })).status).toBe(400);
    const res = await region.post(url, { year: 2025, cellIds: [org.cellA1b.id] });
    expect([res.status, res.body]).toEqual([200, { cellIds: [org.cellA1b.id] }]);
    expect((await list(region, org.districtA1.id))[1]).toEqual([org.cellA1b.id, 'model-cell', 'eligible', 11]);
  });

  it('follows the centre’s rule as data', async () => {
    const rule = '/api/v1/distinction-rules/model-cell';
    expect((await region.patch(rule, { conditions: [{ kind: 'overall-months', min: 12 }] })).status).toBe(403);
    const changed = await admin.patch(rule, { conditions: [{ kind: 'overall-months', min: 12 }] });
    expect([changed.status, changed.body.conditions]).toEqual([200, [{ kind: 'overall-months', min: 12 }]]);
    expect((await confer(region, org.regionA.id, { year: 2025, cellIds: [org.cellA1b.id] })).status).toBe(400);
    expect((await member.get('/api/v1/distinction-rules')).body.items[0]).toMatchObject({ code: 'model-cell', titleKo: '모범세포' });
    await admin.patch(rule, { conditions: [{ kind: 'overall-months', min: 11 }] });
  });
});
