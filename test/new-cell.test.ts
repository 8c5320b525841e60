/**
 * A cell is judged from its first full month (decision 0005, "A new cell"): in the month it opens it
 * has no verdicts and counts neither healthy nor failing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildOrg, type Org } from './helpers/org.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const now = new Date();
const thisMonth = `${now.getUTCFullYear()}-${pad(now.getUTCMonth() + 1)}`;
const lastMonth = now.getUTCMonth() === 0 ? `${now.getUTCFullYear() - 1}-12` : `${now.getUTCFullYear()}-${pad(now.getUTCMonth())}`;

describe('a new cell', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let admin: Client;
  let cellId: number;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    admin = await signIn(t.app, 'admin@test', 'secret-pass');
    const res = await admin.post('/api/v1/units', {
      parentId: org.districtA2.id,
      kind: 'cell',
      name: 'Opened mid-month',
      code: 'MID-1',
      openedOn: `${lastMonth}-15`,
    });
    expect(res.status).toBe(201);
    cellId = res.body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('is not counted in the month it opened, healthy or failing', async () => {
    const res = await admin.get(`/api/v1/units/${org.districtA2.id}/compliance?period=${lastMonth}`);
    expect(res.status).toBe(200);
    expect(res.body.cells).toBe(1); // Cell A2a only
    for (const s of res.body.standards) expect(s.cellsTotal, s.code).toBeLessThanOrEqual(1);
    const rows = await admin.get(`/api/v1/units/${org.districtA2.id}/compliance/cells?period=${lastMonth}&standard=*`);
    expect(rows.body.items.map((r: { cellId: number }) => r.cellId)).not.toContain(cellId);
    const dash = await admin.get(`/api/v1/cells/${cellId}/dashboard?period=${lastMonth}`);
    expect(dash.status).toBe(200);
    expect(dash.body.standards).toEqual([]);
  });

  it('is judged from its first full month on', async () => {
    const res = await admin.get(`/api/v1/units/${org.districtA2.id}/compliance?period=${thisMonth}`);
    expect(res.body.cells).toBe(2);
    const dash = await admin.get(`/api/v1/cells/${cellId}/dashboard?period=${thisMonth}`);
    expect(dash.body.standards.length).toBeGreaterThan(0);
  });
});
