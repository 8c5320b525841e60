/**
 * Sync never double counts: a server that dies mid-batch, and any interleaving of online saves with
 * offline batches sent, cut short and sent again, leave the cell's figures as applying each operation
 * once would.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { buildCell, buildPerson } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';

type Status = 'present' | 'excused' | 'absent';
type Meeting = { daysAgo: number; statuses: Status[]; online: boolean };

const NAMES = ['Ahn', 'Baek', 'Cho', 'Do'];
const startsAt = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000 - 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z');
const monthOf = (daysAgo: number) => startsAt(daysAgo).slice(0, 7);

describe('sync applies each operation once', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let manager: Client;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    manager = await signIn(t.app, 'region@test', 'secret-pass');
  });
  afterAll(async () => {
    await t.close();
  });

  async function newCell() {
    const cell = await buildCell(t.ctx.db, org.districtA1.id);
    const people = [];
    for (const fullName of NAMES) people.push(await buildPerson(t.ctx.db, cell.id, { fullName }));
    return { id: cell.id, people: people.map((p) => p.id) };
  }
  const recordOp = (cell: { id: number; people: number[] }, m: Meeting) => ({
    opId: randomUUID(),
    type: 'meeting.record',
    payload: {
      cellId: cell.id,
      kind: 'general',
      startsAt: startsAt(m.daysAgo),
      records: cell.people.map((personId, i) => ({
        personId,
        status: m.statuses[i]!,
        reason: m.statuses[i] === 'present' ? undefined : 'r',
      })),
    },
  });
  async function saveOnline(cell: { id: number; people: number[] }, m: Meeting) {
    const created = await manager.post(`/api/v1/cells/${cell.id}/meetings`, { kind: 'general', startsAt: startsAt(m.daysAgo) });
    expect(created.status).toBe(201);
    const records = cell.people.map((personId, i) => ({
      personId,
      status: m.statuses[i]!,
      reason: m.statuses[i] === 'present' ? null : 'r',
    }));
    const saved = await manager.request('PUT', `/api/v1/meetings/${created.body.id}/attendance`, {
      records,
      version: created.body.version,
    });
    expect(saved.status).toBe(200);
  }
  const sync = async (operations: unknown[]) => {
    const res = await manager.post('/api/v1/sync', { operations });
    expect(res.status).toBe(200);
    return res.body.results as Array<{ status: string }>;
  };
  /** The cell's figures as its dashboard reads them, for each month. */
  async function figures(cellId: number, months: string[]) {
    const out: Record<string, unknown> = {};
    for (const period of months) {
      const d = await manager.get(`/api/v1/cells/${cellId}/dashboard?period=${period}`);
      expect(d.status).toBe(200);
      out[period] = {
        standards: d.body.standards.map((s: { code: string; meets: boolean; detail: unknown }) => [s.code, s.meets, s.detail]),
        followUps: d.body.followUps.length,
      };
    }
    const held = await t.ctx.db
      .selectFrom('meetings')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('cell_id', '=', cellId)
      .where('status', '=', 'held')
      .executeTakeFirstOrThrow();
    return { ...out, held: held.n };
  }

  it('a server killed mid-batch: the retry applies the rest exactly once', async () => {
    const cell = await newCell();
    const ops = [1, 2, 3, 4, 5].map((d) =>
      recordOp(cell, { daysAgo: d, statuses: ['present', 'present', 'absent', 'excused'], online: false }),
    );
    // The third operation dies at the database (a fault, not the client's doing): the batch stops there.
    await sql`create function sync_crash() returns trigger language plpgsql as $$
      begin if new.starts_at = ${sql.lit(ops[2]!.payload.startsAt)}::timestamptz then raise exception 'killed'; end if; return new; end $$`.execute(
      t.ctx.db,
    );
    await sql`create trigger sync_crash before insert on meetings for each row execute function sync_crash()`.execute(t.ctx.db);
    const cut = await manager.post('/api/v1/sync', { operations: ops });
    expect(cut.status).toBe(500);
    const applied = await t.ctx.db
      .selectFrom('sync_operations')
      .select('op_id')
      .where(
        'op_id',
        'in',
        ops.map((o) => o.opId),
      )
      .execute();
    expect(applied.map((r) => r.op_id).sort()).toEqual([ops[0]!.opId, ops[1]!.opId].sort());
    await sql`drop trigger sync_crash on meetings; drop function sync_crash()`.execute(t.ctx.db);
    const retry = await sync(ops);
    expect(retry.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'applied', 'applied', 'applied']);
    expect((await sync(ops)).map((r) => r.status)).toEqual(Array(5).fill('duplicate'));
    const rows = await t.ctx.db.selectFrom('meetings').select('starts_at').where('cell_id', '=', cell.id).execute();
    expect(rows).toHaveLength(5);
    const attendance = await t.ctx.db.selectFrom('attendance').select('person_id').where('cell_id', '=', cell.id).execute();
    expect(attendance).toHaveLength(20);
  });

  it('any interleaving of online saves and replayed offline batches gives the figures of each operation once', async () => {
    const meeting = fc.record({
      daysAgo: fc.integer({ min: 1, max: 45 }),
      statuses: fc.array(fc.constantFrom<Status>('present', 'excused', 'absent'), { minLength: 4, maxLength: 4 }),
      online: fc.boolean(),
    });
    const plan = fc.array(meeting, { minLength: 1, maxLength: 5 }).chain((meetings) =>
      fc.record({
        meetings: fc.constant(meetings),
        // Batches the device sends before its last full retry: any operations, repeated, in any order.
        batches: fc.array(fc.array(fc.nat({ max: meetings.length - 1 }), { maxLength: 6 }), { maxLength: 4 }),
        // Where each online save falls among those batches.
        onlineAt: fc.array(fc.nat({ max: 4 }), { minLength: meetings.length, maxLength: meetings.length }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(plan, async ({ meetings, batches, onlineAt }) => {
        const [mixed, once] = [await newCell(), await newCell()];
        const ops = meetings.map((m) => (m.online ? undefined : recordOp(mixed, m)));
        // The order in which the operations took effect (a follow-up for repeated absence depends on it, online too).
        const tookEffect: number[] = [];
        for (let step = 0; step <= batches.length; step++) {
          for (const [i, m] of meetings.entries()) {
            if (m.online && Math.min(onlineAt[i]!, batches.length) === step) {
              await saveOnline(mixed, m);
              tookEffect.push(i);
            }
          }
          const picked = step < batches.length ? batches[step]! : meetings.map((_, i) => i);
          const batch = picked.filter((i) => ops[i] !== undefined);
          if (batch.length === 0) continue;
          const results = await sync(batch.map((i) => ops[i]));
          results.forEach((r, k) => {
            expect(['applied', 'duplicate']).toContain(r.status);
            if (r.status === 'applied') tookEffect.push(batch[k]!);
          });
        }
        expect([...tookEffect].sort()).toEqual(meetings.map((_, i) => i));
        for (const i of tookEffect) {
          const m = meetings[i]!;
          if (m.online) await saveOnline(once, m);
          else expect((await sync([recordOp(once, m)]))[0]!.status).toBe('applied');
        }
        const months = [...new Set(meetings.map((m) => monthOf(m.daysAgo)))];
        expect(await figures(mixed.id, months)).toEqual(await figures(once.id, months));
      }),
      { numRuns: 12 },
    );
  });
});
