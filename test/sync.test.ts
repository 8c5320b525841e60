import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeMembership } from '../src/server/modules/units/memberships.ts';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildCell, buildMeeting, buildPerson } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';

const hoursAgo = (n: number) => new Date(Date.now() - n * 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z');

describe('sync of an offline outbox', () => {
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

  /** A fresh cell of the region manager's with `n` members. */
  async function cellWith(n: number) {
    const cell = await buildCell(t.ctx.db, org.districtA1.id);
    const people = [];
    for (let i = 0; i < n; i++) people.push(await buildPerson(t.ctx.db, cell.id, { fullName: `Member ${i}` }));
    return { cell, people };
  }
  const roll = (people: Array<{ id: number }>, status = 'present') => people.map((p) => ({ personId: p.id, status }));
  const record = (cellId: number, people: Array<{ id: number }>, startsAt = hoursAgo(2)) => ({
    opId: randomUUID(),
    type: 'meeting.record',
    payload: { cellId, kind: 'general', startsAt, title: 'Offline meeting', records: roll(people) },
  });
  const sync = (client: Client, operations: unknown[]) => client.post('/api/v1/sync', { operations });
  const countMeetings = async (cellId: number) =>
    Number(
      (await t.ctx.db
        .selectFrom('meetings')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('cell_id', '=', cellId)
        .executeTakeFirst())!.n,
    );

  it('applies a recorded meeting once; a replay answers duplicate with the stored result', async () => {
    const { cell, people } = await cellWith(3);
    const op = record(cell.id, people);
    const first = await sync(manager, [op]);
    expect(first.status).toBe(200);
    expect(first.body.results).toHaveLength(1);
    expect(first.body.results[0]).toMatchObject({ opId: op.opId, status: 'applied', version: 2 });
    const meetingId = first.body.results[0].meetingId;
    const m = await manager.get(`/api/v1/meetings/${meetingId}`);
    expect(m.body).toMatchObject({ status: 'held', present: 3, expected: 3 });
    const again = await sync(manager, [op]);
    expect(again.body.results[0]).toMatchObject({ opId: op.opId, status: 'duplicate', meetingId, version: 2 });
    expect(await countMeetings(cell.id)).toBe(1);
  });

  it('refuses the same opId with another payload, and keys in another order are the same payload', async () => {
    const { cell, people } = await cellWith(2);
    const op = record(cell.id, people);
    await sync(manager, [op]);
    const reordered = { ...op, payload: Object.fromEntries(Object.entries(op.payload).reverse()) };
    expect((await sync(manager, [reordered])).body.results[0].status).toBe('duplicate');
    const other = { ...op, payload: { ...op.payload, title: 'Another' } };
    const res = await sync(manager, [other]);
    expect(res.body.results[0]).toMatchObject({ status: 'rejected', error: { messageKey: 'sync.opIdReused' } });
    expect(await countMeetings(cell.id)).toBe(1);
  });

  it('answers each operation in order; a bad one does not block the others', async () => {
    const { cell, people } = await cellWith(2);
    const ops = [
      record(cell.id, people),
      { opId: randomUUID(), type: 'meeting.teleport', payload: {} },
      { opId: randomUUID(), type: 'meeting.record', payload: { cellId: cell.id, kind: 'general' } },
      record(cell.id, people, new Date(Date.now() + 3 * 86_400_000).toISOString()),
      record(org.cellB1a.id, people),
      record(cell.id, [...people, org.Q]),
      record(cell.id, [people[0]!, people[0]!, people[1]!]),
      record(cell.id, people, hoursAgo(30)),
    ];
    const res = await sync(manager, ops);
    expect(res.status).toBe(200);
    const results = res.body.results;
    expect(results.map((r: { opId: string }) => r.opId)).toEqual(ops.map((o) => o.opId));
    expect(results.map((r: { status: string }) => r.status)).toEqual([
      'applied',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'applied',
    ]);
    expect(results[1].error.messageKey).toBe('sync.unknownType');
    expect(results[2].error.messageKey).toBe('request.invalidInputAt');
    expect(results[3].error.messageKey).toBe('meeting.notBegun');
    // Not in the manager's subtree: the same 404 as online, nothing about the cell.
    expect(results[4].error).toMatchObject({ code: 'not_found', messageKey: 'cell.notFound' });
    // A person never on the cell's roll is a wrong operation, not a conflict.
    expect(results[5].error).toMatchObject({ messageKey: 'attendance.rollMismatch', details: { notOnRoll: [org.Q.id] } });
    expect(results[6].error.details.duplicates).toEqual([people[0]!.id]);
    expect(await countMeetings(cell.id)).toBe(2);
  });

  it('a member who left before the meeting day is a conflict naming them; a new opId after the decision applies', async () => {
    const { cell, people } = await cellWith(3);
    const leaver = people[2]!;
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await changeMembership(t.ctx.db, leaver.id, null, yesterday);
    const op = record(cell.id, people, hoursAgo(1));
    const res = await sync(manager, [op]);
    expect(res.body.results[0]).toMatchObject({
      status: 'conflict',
      error: { messageKey: 'sync.rollChanged', details: { notOnRoll: [{ personId: leaver.id, name: 'Member 2' }], missing: [] } },
    });
    expect(await countMeetings(cell.id)).toBe(0);
    // The same operation again is still a conflict (nothing was stored for it).
    expect((await sync(manager, [op])).body.results[0].status).toBe('conflict');
    const resolved = record(cell.id, people.slice(0, 2), hoursAgo(1));
    expect((await sync(manager, [resolved])).body.results[0].status).toBe('applied');
    // An earlier meeting, when the leaver was still on the roll, takes them.
    expect((await sync(manager, [record(cell.id, people, hoursAgo(72))])).body.results[0].status).toBe('applied');
  });

  it("a roll saved meanwhile is a version conflict; attendance without a version, or by the meeting's opId, applies", async () => {
    const { cell, people } = await cellWith(2);
    const m = await buildMeeting(t.ctx.db, cell.id);
    const online = await manager.request('PUT', `/api/v1/meetings/${m.id}/attendance`, { records: roll(people), version: m.version });
    expect(online.status).toBe(200);
    const stale = {
      opId: randomUUID(),
      type: 'meeting.attendance',
      payload: { meetingId: m.id, version: m.version, records: roll(people, 'absent') },
    };
    const res = await sync(manager, [stale]);
    expect(res.body.results[0]).toMatchObject({
      status: 'conflict',
      error: { code: 'version_conflict', messageKey: 'meeting.savedMeanwhile', details: { currentVersion: online.body.version } },
    });
    const created = record(cell.id, people);
    const byRef = {
      opId: randomUUID(),
      type: 'meeting.attendance',
      payload: { meetingOpId: created.opId, records: roll(people, 'excused') },
    };
    const both = await sync(manager, [created, byRef]);
    expect(both.body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied']);
    expect(both.body.results[1]).toMatchObject({ meetingId: both.body.results[0].meetingId, version: 3 });
  });

  it('schedules, writes minutes and decisions offline', async () => {
    const { cell, people } = await cellWith(2);
    const schedule = {
      opId: randomUUID(),
      type: 'meeting.schedule',
      payload: { cellId: cell.id, kind: 'general', startsAt: hoursAgo(3), agenda: ['Plan'] },
    };
    const attendance = {
      opId: randomUUID(),
      type: 'meeting.attendance',
      payload: { meetingOpId: schedule.opId, version: 1, records: roll(people) },
    };
    const minutes = {
      opId: randomUUID(),
      type: 'meeting.minutes',
      payload: {
        meetingOpId: schedule.opId,
        minutes: 'We met.',
        decisions: [{ text: 'Clean the yard', actions: [{ title: 'Buy brooms', ownerPersonId: people[0]!.id, dueOn: '2030-01-31' }] }],
      },
    };
    const res = await sync(manager, [schedule, attendance, minutes]);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied', 'applied']);
    const m = await manager.get(`/api/v1/meetings/${res.body.results[0].meetingId}`);
    expect(m.body).toMatchObject({ status: 'held', minutes: 'We met.', decisions: [{ text: 'Clean the yard' }] });
    expect(m.body.decisions[0].actions[0]).toMatchObject({ title: 'Buy brooms', ownerPersonId: people[0]!.id });
  });

  it('refuses a batch over 500 operations or over the size limit whole, applying nothing', async () => {
    const { cell, people } = await cellWith(1);
    const many = Array.from({ length: 501 }, () => record(cell.id, people));
    const res = await sync(manager, many);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'bad_request', messageKey: 'sync.tooManyOperations', params: { max: 500 } });
    const big = [{ ...record(cell.id, people), payload: { ...record(cell.id, people).payload, title: 'x'.repeat(5 * 1024 * 1024) } }];
    const tooBig = await sync(manager, big);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.code).toBe('payload_too_large');
    const badEnvelope = await sync(manager, [{ opId: 'not-a-uuid', type: 'meeting.record', payload: {} }, record(cell.id, people)]);
    expect(badEnvelope.status).toBe(400);
    expect(await countMeetings(cell.id)).toBe(0);
  });

  it('gives the offline pack: names and ids only, kinds, quorum, next meetings; 404 outside the scope', async () => {
    const future = await buildMeeting(t.ctx.db, org.cellA1a.id, { startsAt: new Date(Date.now() + 86_400_000).toISOString() });
    const res = await secretary.get(`/api/v1/cells/${org.cellA1a.id}/offline-pack`);
    expect(res.status).toBe(200);
    expect(res.body.cell).toEqual({ id: org.cellA1a.id, name: 'Cell A1a' });
    expect(res.body.roll.map((r: { name: string }) => r.name)).toEqual(['Member Lee', 'Member Park', 'Secretary Kim']);
    for (const r of res.body.roll) expect(Object.keys(r).sort()).toEqual(['name', 'personId']);
    expect(res.body.meetingKinds.map((k: { code: string }) => k.code)).toContain('general');
    expect(res.body.quorum).toEqual({ kind: 'general', share: expect.any(Number) });
    expect(res.body.nextMeetings).toContainEqual(expect.objectContaining({ id: future.id, kind: 'general', version: 1 }));
    expect((await secretary.get(`/api/v1/cells/${org.cellB1a.id}/offline-pack`)).status).toBe(404);
    const member = await signIn(t.app, 'member@test', 'secret-pass');
    expect((await member.get(`/api/v1/cells/${org.cellA1a.id}/offline-pack`)).status).toBe(404);
  });
});
