/**
 * The offline pack's directives awaiting an in-person briefing (titles only, for the cell's secretary),
 * and the clock-skew leeway of the sync path: a meeting a few minutes in the server's future is recorded
 * from the outbox, one further ahead is still refused, and the online route keeps refusing it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildCell, buildPerson } from './helpers/factories.ts';
import { buildPublishedDirective } from './helpers/directives.ts';
import { buildOrg, type Org } from './helpers/org.ts';

const minutesFromNow = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

describe('offline pack directives and clock skew', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let secretary: Client;
  let manager: Client;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    secretary = await signIn(t.app, 'secretary@test', 'secret-pass');
    manager = await signIn(t.app, 'region@test', 'secret-pass');
  });
  afterAll(async () => {
    await t.close();
  });
  const sync = (client: Client, operations: unknown[]) => client.post('/api/v1/sync', { operations });
  const pack = async (client: Client) => {
    const res = await client.get(`/api/v1/cells/${org.cellA1a.id}/offline-pack`);
    expect(res.status).toBe(200);
    return res.body as { directives: { id: number; title: string; awaiting: number[] }[] };
  };

  it("carries the cell's published directives awaiting briefing, titles only, and drops one once everyone is briefed", async () => {
    expect((await pack(secretary)).directives).toEqual([]);
    const d = await buildPublishedDirective(t.ctx.db, org.regionA.id, { unitIds: [org.cellA1a.id] }, 'Water the seedlings');
    const other = await buildPublishedDirective(t.ctx.db, org.regionB.id, { unitIds: [org.cellB1a.id] }, 'Elsewhere');
    const mine = (await pack(secretary)).directives;
    const roll = [org.S.id, org.M.id, org.P.id].sort((a, b) => a - b);
    expect(mine).toEqual([{ id: d.id, title: 'Water the seedlings', awaiting: roll }]);
    expect(mine.some((x) => x.id === other.id)).toBe(false);
    // A manager may take the pack but records no briefings: nothing to offer them.
    expect((await pack(manager)).directives).toEqual([]);

    const today = new Date().toISOString().slice(0, 10);
    // Who acknowledged it needs no briefing and leaves the list; a member who joins receives it and is on it.
    const member = await signIn(t.app, 'member@test', 'secret-pass');
    const acked = await member.post(`/api/v1/directives/${d.id}/acknowledgment`, {});
    expect(acked.status).toBeLessThan(300);
    const newcomer = await buildPerson(t.ctx.db, org.cellA1a.id, { fullName: 'Newcomer Yoon' });
    expect((await pack(secretary)).directives[0]!.awaiting).toEqual([...roll.filter((id) => id !== org.M.id), newcomer.id]);
    const everyone = [org.S.id, org.P.id, newcomer.id];
    const op = { opId: randomUUID(), type: 'directive.briefing', payload: { directiveId: d.id, briefedOn: today, personIds: everyone } };
    expect((await sync(secretary, [op])).body.results[0]).toMatchObject({ status: 'applied' });
    expect((await pack(secretary)).directives).toEqual([]);
  });

  it('records from the outbox a meeting starting a few minutes ahead of the server; not further, and not online', async () => {
    const cell = await buildCell(t.ctx.db, org.districtA1.id);
    const person = await buildPerson(t.ctx.db, cell.id, { fullName: 'Early Clock' });
    const record = (startsAt: string) => ({
      opId: randomUUID(),
      type: 'meeting.record',
      payload: { cellId: cell.id, kind: 'general', startsAt, title: 'Fast phone', records: [{ personId: person.id, status: 'present' }] },
    });
    const res = await sync(manager, [record(minutesFromNow(5)), record(minutesFromNow(15))]);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'rejected']);
    expect(res.body.results[1].error.messageKey).toBe('meeting.notBegun');
    const held = await manager.get(`/api/v1/meetings/${res.body.results[0].meetingId}`);
    expect(held.body).toMatchObject({ status: 'held', present: 1 });

    const created = await manager.post(`/api/v1/cells/${cell.id}/meetings`, { kind: 'general', startsAt: minutesFromNow(5) });
    expect(created.status).toBe(201);
    const online = await manager.request('PUT', `/api/v1/meetings/${created.body.id}/attendance`, {
      records: [{ personId: person.id, status: 'present' }],
      version: created.body.version,
    });
    expect(online.status).toBe(400);
    expect(online.body.error.messageKey).toBe('meeting.notBegun');
  });
});
