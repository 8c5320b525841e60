/**
 * The roll-up folder in a running app (decision 0022): a save judges its cell at once and queues the
 * difference for its committees; the folder, running in the process as in production, adds it within
 * a moment and leaves nothing queued. A stopped app's queue is folded by the next one.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildOrg, type Org } from './helpers/org.ts';

const thisMonth = () => new Date().toISOString().slice(0, 7);
const queued = async (t: Awaited<ReturnType<typeof createTestApp>>) =>
  Number(
    (
      await sql<{ n: string }>`select (select count(*) from rollup_deltas) + (select count(*) from rollup_sum_deltas) as n`.execute(
        t.ctx.db,
      )
    ).rows[0]!.n,
  );

describe('the roll-up folder', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let secretary: Client;
  let region: Client;
  beforeAll(async () => {
    t = await createTestApp({ rollupFolder: true, env: { CELLWORK_ROLLUP_FOLD_MS: '50' } });
    org = await buildOrg(t.ctx.db);
    secretary = await signIn(t.app, 'secretary@test', 'secret-pass');
    region = await signIn(t.app, 'region@test', 'secret-pass');
  });
  afterAll(async () => t?.close());

  const general = async (unitId: number) =>
    (await region.get(`/api/v1/units/${unitId}/compliance?period=${thisMonth()}`)).body.standards.find(
      (s: { code: string }) => s.code === 'general-meeting-monthly',
    );

  it("adds a save's difference to every committee above the cell within moments, and empties the queue", async () => {
    expect(await general(org.regionA.id)).toMatchObject({ cellsMeeting: 0, cellsTotal: 3 });
    const created = await secretary.post(`/api/v1/cells/${org.cellA1a.id}/meetings`, {
      kind: 'general',
      startsAt: new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, 'Z'),
      title: 'Monthly meeting',
    });
    const records = created.body.roll.map((r: { personId: number }) => ({ personId: r.personId, status: 'present' }));
    const saved = await secretary.request('PUT', `/api/v1/meetings/${created.body.id}/attendance`, {
      records,
      version: created.body.version,
    });
    expect(saved.status).toBe(200);
    const deadline = Date.now() + 15_000;
    while ((await general(org.regionA.id)).cellsMeeting !== 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    for (const unitId of [org.regionA.id, org.districtA1.id, org.cellA1a.id])
      expect(await general(unitId), String(unitId)).toMatchObject({ cellsMeeting: 1 });
    const root = await t.ctx.db
      .selectFrom('unit_rollups')
      .select('cells_meeting')
      .where('unit_id', '=', org.root)
      .where('standard_code', '=', 'general-meeting-monthly')
      .where('sector', '=', '*')
      .where('period', '=', `${thisMonth()}-01`)
      .executeTakeFirstOrThrow();
    expect(root.cells_meeting).toBe(1);
    expect(await queued(t)).toBe(0);
  });
});
