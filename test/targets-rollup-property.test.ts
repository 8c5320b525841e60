/**
 * Targets' roll-up against a brute-force recount (issue 15; decision 0030): for random trees, targets
 * (some split among child units), progress reports in random order (older days filed late included)
 * and moves of cells and committees (with their subtrees), the achieved figure of every target, read through the query
 * the pages use, equals the sum over the units now under the target's unit of each unit's latest report
 * in the family (by day, then filing order), recounted from the report rows; and the chart's last point
 * equals it too.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/server/access/actor.ts';
import { getTarget } from '../src/server/modules/targets/read.ts';
import { targetMonthsRecount } from '../src/server/modules/targets/months.ts';
import { unitTargetsOfYear } from '../src/server/modules/targets/queries.ts';
import { createTarget, reportProgress } from '../src/server/modules/targets/service.ts';
import { moveUnit } from '../src/server/modules/units/service.ts';
import { createTestApp } from './helpers/app.ts';
import { buildCell, buildCommittee, buildRoot } from './helpers/factories.ts';

const actor = systemActor();
const YEAR = 2025;
const TODAY = '2025-12-31';
const dayOf = (n: number) => new Date(Date.UTC(YEAR, 0, 1 + n)).toISOString().slice(0, 10);

type Plan = {
  committees: number[]; // parent index (-1 = the run's root) for each committee
  cells: number[]; // parent index (-1 = the run's root) for each cell
  targets: Array<{ unit: number; split: Array<{ child: number; figure: number }> }>; // unit: index into committees (-1 = root)
  reports: Array<{ target: number; unit: number; day: number; value: number }>;
  moves: Array<{ cell: number; to: number }>;
  reportsAfter: Array<{ target: number; unit: number; day: number; value: number }>;
};

const reportArb = fc.record({
  target: fc.nat(20),
  unit: fc.nat(20),
  day: fc.integer({ min: 0, max: 364 }),
  value: fc.integer({ min: 0, max: 1000 }),
});
const planArb: fc.Arbitrary<Plan> = fc.record({
  committees: fc.array(fc.integer({ min: -1, max: 2 }), { minLength: 1, maxLength: 3 }),
  cells: fc.array(fc.integer({ min: -1, max: 2 }), { minLength: 1, maxLength: 6 }),
  targets: fc.array(
    fc.record({
      unit: fc.integer({ min: -1, max: 2 }),
      split: fc.array(fc.record({ child: fc.nat(10), figure: fc.integer({ min: 1, max: 500 }) }), { maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  reports: fc.array(reportArb, { maxLength: 12 }),
  moves: fc.array(fc.record({ cell: fc.nat(10), to: fc.integer({ min: -1, max: 2 }) }), { maxLength: 2 }),
  reportsAfter: fc.array(reportArb, { maxLength: 4 }),
});

describe('targets roll-up property', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let globalRoot: number;
  beforeAll(async () => {
    t = await createTestApp();
    globalRoot = await buildRoot(t.ctx.db);
  });
  afterAll(async () => t?.close());

  it('achieved equals a recount of the latest report of each unit under the target, moves included', async () => {
    await fc.assert(
      fc.asyncProperty(planArb, async (plan) => {
        const db = t.ctx.db;
        const runRoot = await buildCommittee(db, globalRoot);
        const committees: number[] = [];
        for (const p of plan.committees) {
          const parent = p >= 0 && p < committees.length ? committees[p]! : runRoot.id;
          committees.push((await buildCommittee(db, parent)).id);
        }
        const at = (i: number) => (i >= 0 && i < committees.length ? committees[i]! : runRoot.id);
        const cells: number[] = [];
        for (const p of plan.cells) cells.push((await buildCell(db, at(p), { openedOn: '2020-01-01' })).id);
        const pathOf = async (id: number) =>
          (await sql<{ path: string }>`select path::text as path from units where id = ${id}`.execute(db)).rows[0]!.path;
        // Targets, split among distinct children of their unit.
        const targetIds: number[] = [];
        for (const tp of plan.targets) {
          const unitId = at(tp.unit);
          const kids = (
            await sql<{ id: number }>`select id::int as id from units where parent_id = ${unitId} order by id`.execute(db)
          ).rows.map((r) => r.id);
          const split = [...new Map(tp.split.filter(() => kids.length > 0).map((s) => [kids[s.child % kids.length]!, s.figure])).entries()];
          const made = await createTarget(db, actor, unitId, {
            year: YEAR,
            sector: 'agriculture',
            indicator: 'Grain yield',
            measure: 'tonnes',
            figure: 1000,
            split: split.map(([id, figure]) => ({ unitId: id, figure })),
          });
          targetIds.push(made.id, ...made.partIds);
        }
        const file = async (reports: Plan['reports']) => {
          for (const r of reports) {
            const targetId = targetIds[r.target % targetIds.length]!;
            const target = (
              await sql<{
                path: string;
              }>`select u.path::text as path from targets t join units u on u.id = t.unit_id where t.id = ${targetId}`.execute(db)
            ).rows[0]!;
            const candidates: number[] = [];
            for (const u of [runRoot.id, ...committees, ...cells]) {
              const p = await pathOf(u);
              if (p === target.path || p.startsWith(`${target.path}.`)) candidates.push(u);
            }
            if (candidates.length === 0) continue;
            await reportProgress(
              db,
              actor,
              targetId,
              { unitId: candidates[r.unit % candidates.length]!, asOf: dayOf(r.day), value: r.value },
              TODAY,
            );
          }
        };
        await file(plan.reports);
        // Cells and committees move (a committee takes its subtree's figures along); a move under itself is refused and skipped.
        const movable = [...cells, ...committees];
        for (const m of plan.moves) {
          const id = movable[m.cell % movable.length]!;
          const [from, to] = [await pathOf(id), await pathOf(at(m.to))];
          if (to === from || to.startsWith(`${from}.`)) continue;
          await moveUnit(db, actor, id, at(m.to));
        }
        await file(plan.reportsAfter);

        // The recount: every report row, the latest per (family, unit), summed by the current tree.
        const reports = (
          await sql<{ id: number; root_id: number; unit_id: number; as_of: string; value: number }>`
            select p.id::int as id, p.root_id::int as root_id, p.unit_id::int as unit_id, p.as_of::text as as_of, p.value::float8 as value
            from target_progress p join targets t on t.id = p.target_id join units u on u.id = t.unit_id
            where u.path <@ ${await pathOf(runRoot.id)}::ltree`.execute(db)
        ).rows;
        const latest = new Map<string, (typeof reports)[number]>();
        for (const r of reports) {
          const key = `${r.root_id}:${r.unit_id}`;
          const was = latest.get(key);
          if (!was || r.as_of > was.as_of || (r.as_of === was.as_of && r.id > was.id)) latest.set(key, r);
        }
        // The rows kept per (family, unit, month) on write and on moves equal a recount from the reports and the current tree.
        const families = new Set(reports.map((r) => r.root_id));
        const nonZero = (r: { value: number; reporters: number }) => Math.abs(r.value) > 1e-9 || r.reporters !== 0;
        const key = (r: { root_id: number; unit_id: number; month: string }) => `${r.root_id}:${r.unit_id}:${r.month}`;
        const recount = new Map(
          (await targetMonthsRecount.execute(db)).rows.filter((r) => families.has(r.root_id) && nonZero(r)).map((r) => [key(r), r]),
        );
        const kept = (
          await sql<{ root_id: number; unit_id: number; month: string; value: number; reporters: number; last_as_of: string }>`
            select root_id::int as root_id, unit_id::int as unit_id, month::text as month, value::float8 as value, reporters, last_as_of::text as last_as_of
            from target_months where root_id = any(${[...families]}::bigint[])`.execute(db)
        ).rows.filter(nonZero);
        expect(new Set(kept.map(key))).toEqual(new Set(recount.keys()));
        for (const k of kept) {
          const r = recount.get(key(k))!;
          expect([k.value, k.reporters]).toEqual([r.value, r.reporters]);
          // The month's newest day is kept as the greatest seen (a unit that moved away may leave a later one).
          expect(k.last_as_of >= r.last_as_of && k.last_as_of.slice(0, 7) === r.month.slice(0, 7)).toBe(true);
        }

        const paths = new Map<number, string>();
        for (const u of [runRoot.id, ...committees, ...cells]) paths.set(u, await pathOf(u));
        for (const unitId of [runRoot.id, ...committees, ...cells]) {
          for (const target of await unitTargetsOfYear(db, unitId, YEAR)) {
            const under = paths.get(unitId)!;
            let expected = 0;
            for (const r of latest.values()) {
              const p = paths.get(r.unit_id)!;
              if (r.root_id === target.root_id && (p === under || p.startsWith(`${under}.`))) expected += r.value;
            }
            expect(target.achieved).toBe(expected);
            const detail = await getTarget(db, actor, target.id, TODAY);
            expect(detail.achieved).toBe(expected);
            expect(detail.chart.at(-1)?.achieved ?? 0).toBe(expected);
            expect(detail.parts.reduce((s, p) => s + p.achieved, 0)).toBe(expected);
          }
        }
      }),
      { numRuns: 25 },
    );
  });
});
