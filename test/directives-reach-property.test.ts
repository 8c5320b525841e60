/**
 * Reach against a brute-force recount: for random trees, targets (subtrees, sectors, roles), deadlines,
 * transfers before, during and after the fan-out, acknowledgments, briefings and subtree moves, (1) the deliveries are exactly
 * one per targeted member, in the cell the plan says, and (2) the reach read through the service at
 * every unit equals a plain re-reading of the delivery rows.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/server/access/actor.ts';
import { inTransaction } from '../src/server/db/database.ts';
import { acknowledgeDirective } from '../src/server/modules/directives/deliveries.ts';
import { runFanOut } from '../src/server/modules/directives/fanout.ts';
import { addToReach, briefDeliveries } from '../src/server/modules/directives/queries.ts';
import { getReach } from '../src/server/modules/directives/reach.ts';
import { createDirective } from '../src/server/modules/directives/service.ts';
import { transferPerson } from '../src/server/modules/people/service.ts';
import { moveUnit } from '../src/server/modules/units/service.ts';
import type { Sector } from '../src/shared/enums.ts';
import { createTestApp } from './helpers/app.ts';
import { buildCell, buildCommittee, buildPerson, buildRoot } from './helpers/factories.ts';

const actor = systemActor();
const SECTORS: Sector[] = ['metallurgy', 'education'];

type Plan = {
  committees: number[]; // parent index (-1 = the run's root) for each committee
  cells: Array<{ parent: number; sector: Sector; members: Array<'member' | 'candidate'> }>;
  targets: number[]; // indexes into [runRoot, ...committees, ...cells]
  sectors: Sector[] | null;
  roles: Array<'member' | 'candidate'> | null;
  withinDays: number | null;
  batchCells: number;
  before: Array<{ person: number; to: number }>; // transfers after publication, before the fan-out ran
  partialBatches: number; // batches run before the transfers made during the fan-out
  during: Array<{ person: number; to: number }>;
  after: Array<{ person: number; to: number }>; // transfers after the fan-out
  acks: number[];
  briefings: Array<{ person: number; daysAgo: 0 | 2 }>;
  moves: Array<{ unit: number; to: number }>; // subtrees moved under another committee at the end
};

const planArb: fc.Arbitrary<Plan> = fc.record({
  committees: fc.array(fc.integer({ min: -1, max: 2 }), { minLength: 1, maxLength: 3 }),
  cells: fc.array(
    fc.record({
      parent: fc.integer({ min: -1, max: 2 }),
      sector: fc.constantFrom(...SECTORS),
      members: fc.array(fc.constantFrom('member' as const, 'member' as const, 'candidate' as const), { maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 5 },
  ),
  targets: fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 1, maxLength: 2 }),
  sectors: fc.option(fc.subarray(SECTORS, { minLength: 1 }), { nil: null }),
  roles: fc.option(fc.constantFrom<Array<'member' | 'candidate'>>(['member'], ['candidate']), { nil: null }),
  withinDays: fc.constantFrom(null, 7, -1),
  batchCells: fc.integer({ min: 1, max: 3 }),
  before: fc.array(fc.record({ person: fc.nat(20), to: fc.nat(5) }), { maxLength: 3 }),
  partialBatches: fc.integer({ min: 0, max: 3 }),
  during: fc.array(fc.record({ person: fc.nat(20), to: fc.nat(5) }), { maxLength: 4 }),
  after: fc.array(fc.record({ person: fc.nat(20), to: fc.nat(5) }), { maxLength: 3 }),
  acks: fc.array(fc.nat(20), { maxLength: 6 }),
  briefings: fc.array(fc.record({ person: fc.nat(20), daysAgo: fc.constantFrom(0 as const, 2 as const) }), { maxLength: 6 }),
  moves: fc.array(fc.record({ unit: fc.nat(8), to: fc.nat(3) }), { maxLength: 2 }),
});

describe('directive reach', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let globalRoot: number;
  beforeAll(async () => {
    t = await createTestApp();
    globalRoot = await buildRoot(t.ctx.db);
  });
  afterAll(async () => t?.close());

  it('equals a brute-force recount at every unit, with exactly one delivery per targeted member', async () => {
    const db = t.ctx.db;
    await fc.assert(
      fc.asyncProperty(planArb, async (plan) => {
        // The tree.
        const runRoot = await buildCommittee(db, globalRoot);
        const units: Array<{ id: number; path: string; kind: 'committee' | 'cell'; sector: Sector | null }> = [
          { id: runRoot.id, path: '', kind: 'committee', sector: null },
        ];
        const committees: number[] = [];
        for (const p of plan.committees) {
          const parent = p >= 0 && p < committees.length ? committees[p]! : runRoot.id;
          const c = await buildCommittee(db, parent);
          committees.push(c.id);
          units.push({ id: c.id, path: '', kind: 'committee', sector: null });
        }
        const cells: number[] = [];
        const people: Array<{ id: number; role: 'member' | 'candidate'; cell: number }> = [];
        for (const c of plan.cells) {
          const parent = c.parent >= 0 && c.parent < committees.length ? committees[c.parent]! : runRoot.id;
          const cell = await buildCell(db, parent, { sector: c.sector });
          cells.push(cell.id);
          units.push({ id: cell.id, path: '', kind: 'cell', sector: c.sector });
          for (const role of c.members) people.push({ id: (await buildPerson(db, cell.id, { role })).id, role, cell: cell.id });
        }
        const { rows: paths } = await sql<{ id: number; path: string }>`select id, path::text as path from units
          where id = any(${units.map((u) => u.id)}::bigint[])`.execute(db);
        for (const u of units) u.path = paths.find((p) => Number(p.id) === u.id)!.path;
        const byId = new Map(units.map((u) => [u.id, u]));

        // The directive, published; transfers before its fan-out, the fan-out, transfers after.
        const targetIds = [...new Set(plan.targets.map((i) => units[i % units.length]!.id))];
        const d = await createDirective(db, actor, {
          title: 'Property',
          body: 'x',
          target: { unitIds: targetIds, sectors: plan.sectors ?? undefined, roles: plan.roles ?? undefined },
          issuingUnitId: runRoot.id,
        });
        await sql`update directives set status = 'published', published_at = now() where id = ${d.id}`.execute(db);
        await sql`insert into directive_rounds (directive_id, round, deadline_on, deadline)
          select ${d.id}::bigint, 1, day, (day + 1)::timestamp at time zone 'UTC'
          from (select case when ${plan.withinDays}::int is null then null else current_date + ${plan.withinDays}::int end as day) x`.execute(
          db,
        );
        const targeted = (cellId: number, role: string) => {
          const c = byId.get(cellId)!;
          const under = targetIds.some((t) => {
            const tp = byId.get(t)!.path;
            return c.path === tp || c.path.startsWith(`${tp}.`);
          });
          return under && (!plan.sectors || plan.sectors.includes(c.sector!)) && (!plan.roles || plan.roles.includes(role as 'member'));
        };
        const transfer = async (m: { person: number; to: number }) => {
          const p = people[m.person % Math.max(people.length, 1)];
          const to = cells[m.to % cells.length]!;
          if (!p || p.cell === to) return undefined;
          await transferPerson(db, actor, p.id, { toCellId: to });
          p.cell = to;
          return p;
        };
        for (const m of plan.before) await transfer(m);
        // Part of the fan-out, transfers while it runs (a member with a delivery moving into a cell it has
        // not reached yet meets the unique key), then the rest.
        const finished = await runFanOut(db, d.id, 1, { batchCells: plan.batchCells, pauseMs: 0, maxBatches: plan.partialBatches });
        const { rows: cur } = await sql<{ c: number; s: string }>`select fanout_cursor::int as c, fanout_state as s from directive_rounds
          where directive_id = ${d.id}`.execute(db);
        const passed = (cellId: number) => finished || cur[0]!.s === 'done' || cellId <= cur[0]!.c;
        const expected = new Map<number, number>(); // person -> cell of their delivery
        for (const p of people) if (targeted(p.cell, p.role) && passed(p.cell)) expected.set(p.id, p.cell);
        for (const m of plan.during) {
          const p = await transfer(m);
          if (p && !expected.has(p.id) && targeted(p.cell, p.role) && passed(p.cell)) expected.set(p.id, p.cell);
        }
        await runFanOut(db, d.id, 1, { batchCells: plan.batchCells, pauseMs: 0 });
        for (const p of people) if (!expected.has(p.id) && targeted(p.cell, p.role) && !passed(p.cell)) expected.set(p.id, p.cell);
        for (const m of plan.after) {
          const p = await transfer(m);
          if (p && !expected.has(p.id) && targeted(p.cell, p.role)) expected.set(p.id, p.cell);
        }

        // Acknowledgments (through the service) and briefings.
        for (const a of plan.acks) {
          const p = people[a % Math.max(people.length, 1)];
          if (p && expected.has(p.id)) await acknowledgeDirective(db, { ...actor, personId: p.id }, d.id);
        }
        for (const b of plan.briefings) {
          const p = people[b.person % Math.max(people.length, 1)];
          if (!p) continue;
          await inTransaction(db, async (trx) => {
            const { rows } = await sql<{ day: string }>`select (current_date - ${b.daysAgo}::int)::text as day`.execute(trx);
            const { deltas } = await briefDeliveries(trx, d.id, 1, [p.id], { on: rows[0]!.day, by: null, meetingId: null });
            await addToReach(trx, d.id, 1, deltas);
          });
        }

        // Subtrees moved to another committee: their reach leaves the old ancestors and joins the new.
        for (const m of plan.moves) {
          const unit = units[1 + (m.unit % (units.length - 1))]!;
          const to = [runRoot.id, ...committees][m.to % (committees.length + 1)]!;
          const { rows: p } = await sql<{ path: string; parent: number }>`select path::text as path, parent_id as parent from units
            where id = ${to}`.execute(db);
          const { rows: u } = await sql<{ path: string; parent: number }>`select path::text as path, parent_id as parent from units
            where id = ${unit.id}`.execute(db);
          if (p[0]!.path === u[0]!.path || p[0]!.path.startsWith(`${u[0]!.path}.`) || Number(u[0]!.parent) === to) continue;
          await moveUnit(db, actor, unit.id, to);
        }
        const { rows: moved } = await sql<{ id: number; path: string }>`select id, path::text as path from units
          where id = any(${units.map((u) => u.id)}::bigint[])`.execute(db);
        for (const u of units) u.path = moved.find((p) => Number(p.id) === u.id)!.path;

        // (1) The deliveries.
        const deliveries = await db
          .selectFrom('directive_deliveries')
          .select(['person_id', 'cell_id', 'acknowledged_at', 'briefed_on'])
          .where('directive_id', '=', d.id)
          .execute();
        expect(new Map(deliveries.map((r) => [Number(r.person_id), Number(r.cell_id)]))).toEqual(expected);
        expect(deliveries).toHaveLength(expected.size);

        // (2) Reach at every unit (and the global root) against the raw rows.
        const { rows: round } = await sql<{ deadline: Date | null; deadline_on: string | null }>`select deadline, deadline_on
          from directive_rounds where directive_id = ${d.id}`.execute(db);
        const { deadline, deadline_on } = round[0]!;
        for (const u of [{ id: globalRoot, path: String(globalRoot) }, ...units]) {
          const mine = deliveries.filter((r) => {
            const cp = byId.get(Number(r.cell_id))!.path;
            return cp === u.path || cp.startsWith(`${u.path}.`);
          });
          const ack = (r: (typeof mine)[number]) => r.acknowledged_at !== null;
          const ackT = (r: (typeof mine)[number]) => ack(r) && (deadline === null || new Date(r.acknowledged_at!) < new Date(deadline));
          const want = {
            members: mine.length,
            acknowledged: mine.filter(ack).length,
            briefed: mine.filter((r) => !ack(r) && r.briefed_on !== null).length,
            acknowledgedInTime: mine.filter(ackT).length,
            briefedInTime: mine.filter((r) => !ackT(r) && r.briefed_on !== null && (deadline_on === null || r.briefed_on <= deadline_on))
              .length,
          };
          const got = await getReach(db, actor, d.id, u.id);
          expect({ unit: u.id, ...got }).toMatchObject({
            unit: u.id,
            ...want,
            notReached: want.members - want.acknowledged - want.briefed,
          });
        }
      }),
      { numRuns: 25 },
    );
  }, 240_000);
});
