/**
 * The month in progress is marked partial wherever a dashboard reads it, and the trend opens on the
 * last complete month unless asked for another (decision 0005, "The month in progress").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildOrg, type Org } from './helpers/org.ts';

const thisMonth = () => new Date().toISOString().slice(0, 7);
const monthBefore = (m: string) => {
  const [y, mm] = m.split('-').map(Number) as [number, number];
  return mm === 1 ? `${y - 1}-12` : `${y}-${String(mm - 1).padStart(2, '0')}`;
};

describe('the month in progress', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let region: Client;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    region = await signIn(t.app, 'region@test', 'secret-pass');
  });
  afterAll(async () => {
    await t.close();
  });

  it('marks the figures of the month in progress as partial, and a past month as complete', async () => {
    const now = await region.get(`/api/v1/units/${org.regionA.id}/compliance?period=${thisMonth()}`);
    expect(now.status).toBe(200);
    expect(now.body.partial).toBe(true);
    const before = await region.get(`/api/v1/units/${org.regionA.id}/compliance?period=${monthBefore(thisMonth())}`);
    expect(before.status).toBe(200);
    expect(before.body.partial).toBe(false);
  });

  it('ends the trend on the last complete month by default, every point complete', async () => {
    const res = await region.get(`/api/v1/units/${org.regionA.id}/compliance/trend?months=3`);
    expect(res.status).toBe(200);
    expect(res.body.periods.at(-1)).toBe(monthBefore(thisMonth()));
    expect(res.body.partial).toEqual([false, false, false]);
  });

  it('marks only the last point partial when the trend is asked to end on the month in progress', async () => {
    const res = await region.get(`/api/v1/units/${org.regionA.id}/compliance/trend?months=3&period=${thisMonth()}`);
    expect(res.status).toBe(200);
    expect(res.body.periods).toHaveLength(3);
    expect(res.body.periods.at(-1)).toBe(thisMonth());
    expect(res.body.partial).toEqual([false, false, true]);
  });
});
