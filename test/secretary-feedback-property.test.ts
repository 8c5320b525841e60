/**
 * Secretary feedback averages (decision 0027) are shown only from three raters on and equal a recount
 * of what was submitted: after random sequences of ratings (any subset of traits, re-rated in the same
 * quarter, across two quarters), changes of secretary and moves of cells and of a district across a small
 * tree, each cell's view (about
 * its secretary today) and each committee's totals and drill-down (cells past the threshold only) are
 * what a model of the last rating per member, quarter and secretary says; a rebuild from the rows agrees.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/server/access/actor.ts';
import { getCellFeedback, rateSecretary } from '../src/server/modules/secretary/feedback.ts';
import { quarterOf, quarterStart } from '../src/server/modules/secretary/quarters.ts';
import { rebuildTotals } from '../src/server/modules/secretary/totals.ts';
import { selectTraits } from '../src/server/modules/secretary/traits.ts';
import { moveUnit } from '../src/server/modules/units/service.ts';
import { getUnitFeedback } from '../src/server/modules/secretary/unit-feedback.ts';
import { createTestApp } from './helpers/app.ts';
import { buildPerson } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';

const MIN = 3;
const DAYS = ['2026-08-14', '2026-11-20'];
const MEMBERS = 5;
type Op =
  | { kind: 'rate'; cell: number; member: number; day: number; scores: Array<number | null>; comment: boolean }
  | { kind: 'switch'; cell: number }
  | { kind: 'move'; unit: number; to: number };

const round = (x: number) => Math.round(x * 100) / 100;

describe('secretary feedback averages (property)', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let codes: string[];
  let cells: Array<{ id: number; path: string; secretaries: [number, number]; members: number[] }>;
  let units: Array<{ id: number; path: string }>;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    const d = t.ctx.db;
    codes = (await selectTraits(d)).map((x) => x.code);
    const pathOf = async (id: number) =>
      (await d.selectFrom('units').select(sql<string>`path::text`.as('p')).where('id', '=', id).executeTakeFirstOrThrow()).p;
    cells = [];
    for (const cell of [org.cellA1a, org.cellA1b, org.cellA2a, org.cellB1a]) {
      const s1 = await buildPerson(d, cell.id, { fullName: `Sec1 ${cell.id}` });
      const s2 = await buildPerson(d, cell.id, { fullName: `Sec2 ${cell.id}` });
      const members: number[] = [];
      for (let i = 0; i < MEMBERS; i++) members.push((await buildPerson(d, cell.id, { fullName: `M${i} ${cell.id}` })).id);
      cells.push({ id: cell.id, path: await pathOf(cell.id), secretaries: [s1.id, s2.id], members });
    }
    units = [];
    for (const id of [org.root, org.regionA.id, org.regionB.id, org.districtA1.id, org.districtA2.id, org.districtB1.id])
      units.push({ id, path: await pathOf(id) });
  });
  afterAll(async () => t?.close());

  /** Moves: one of the cells to one of the districts, or district A2 to one of the regions. */
  const movable = () => [
    ...cells.map((c) => ({ id: c.id, to: [org.districtA1.id, org.districtA2.id, org.districtB1.id] })),
    { id: org.districtA2.id, to: [org.regionA.id, org.regionB.id, org.regionA.id] },
  ];
  async function rereadPaths() {
    const rows = await t.ctx.db
      .selectFrom('units')
      .select(['id', sql<string>`path::text`.as('p')])
      .execute();
    const byId = new Map(rows.map((r) => [Number(r.id), r.p]));
    for (const x of [...cells, ...units]) x.path = byId.get(x.id)!;
  }

  async function setSecretary(cellId: number, personId: number) {
    await sql`update memberships set role = 'member' where cell_id = ${cellId} and to_date is null and role = 'secretary'`.execute(
      t.ctx.db,
    );
    await sql`update memberships set role = 'secretary' where cell_id = ${cellId} and person_id = ${personId} and to_date is null`.execute(
      t.ctx.db,
    );
  }

  const opArb: fc.Arbitrary<Op> = fc.oneof(
    {
      weight: 9,
      arbitrary: fc.record({
        kind: fc.constant('rate' as const),
        cell: fc.nat(3),
        member: fc.nat(MEMBERS - 1),
        day: fc.nat(1),
        scores: fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { freq: 4 }), { minLength: 12, maxLength: 12 }),
        comment: fc.boolean(),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('switch' as const), cell: fc.nat(3) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('move' as const), unit: fc.nat(4), to: fc.nat(2) }) },
  );

  it('cell and committee averages are shown from three raters on and equal a recount', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 20, maxLength: 60 }), async (ops) => {
        const db = t.ctx.db;
        await sql`truncate secretary_feedback_unit_totals, secretary_feedback_unit_counts, secretary_rating_scores, secretary_ratings`.execute(
          db,
        );
        const current = cells.map(() => 0);
        for (const c of cells) await setSecretary(c.id, c.secretaries[0]);
        // The model: the last scores per (cell, quarter, secretary, member).
        const model = new Map<string, Array<number | null>>();
        for (const op of ops) {
          if (op.kind === 'move') {
            const m = movable()[op.unit]!;
            await moveUnit(db, systemActor(), m.id, m.to[op.to]!);
            await rereadPaths();
            continue;
          }
          const c = cells[op.cell]!;
          if (op.kind === 'switch') {
            current[op.cell] = 1 - current[op.cell]!;
            await setSecretary(c.id, c.secretaries[current[op.cell]!]!);
            continue;
          }
          const ratings = op.scores.flatMap((s, i) => (s === null ? [] : [{ trait: codes[i]!, score: s }]));
          if (ratings.length === 0) continue;
          const personId = c.members[op.member]!;
          await rateSecretary(
            db,
            t.ctx.feedbackKey,
            { ...systemActor(), personId },
            c.id,
            { ratings, ...(op.comment ? { comment: `c${personId}` } : {}) },
            'en',
            DAYS[op.day],
          );
          model.set(`${op.cell}|${op.day}|${c.secretaries[current[op.cell]!]}|${personId}`, op.scores);
        }
        // Per (cell, quarter, secretary): the raters and per trait the scores.
        const groups = new Map<string, { cell: number; day: number; sec: number; raters: number; traits: number[][] }>();
        for (const [k, scores] of model) {
          const [cell, day, sec] = k.split('|').map(Number) as [number, number, number];
          const g = groups.get(`${cell}|${day}|${sec}`) ?? { cell, day, sec, raters: 0, traits: codes.map(() => []) };
          g.raters++;
          for (const [i, s] of scores.entries()) if (s !== null) g.traits[i]!.push(s);
          groups.set(`${cell}|${day}|${sec}`, g);
        }
        const sys = systemActor();
        for (const [ci, c] of cells.entries()) {
          for (const day of [0, 1]) {
            const quarter = quarterOf(DAYS[day]);
            const view = await getCellFeedback(db, sys, c.id, quarter, 'en');
            const g = groups.get(`${ci}|${day}|${c.secretaries[current[ci]!]}`);
            if (!g || g.raters < MIN) {
              expect(view.raters).toBe(null);
              expect(view.comments).toBe(null);
              expect(view.traits.every((x) => x.average === null)).toBe(true);
            } else {
              expect(view.raters).toBe(g.raters);
              expect(view.traits.map((x) => x.average)).toEqual(
                g.traits.map((s) => (s.length >= MIN ? round(s.reduce((a, b) => a + b, 0) / s.length) : null)),
              );
            }
          }
        }
        // Committees (and cells, as children): the sum over cells' groups past the threshold.
        const expectFor = (path: string, day: number) => {
          let raters = 0;
          const cellsWith = new Set<number>();
          const sums = codes.map(() => ({ s: 0, n: 0 }));
          for (const g of groups.values()) {
            const c = cells[g.cell]!;
            if (g.day !== day || g.raters < MIN || !(c.path === path || c.path.startsWith(`${path}.`))) continue;
            raters += g.raters;
            cellsWith.add(g.cell);
            g.traits.forEach((s, i) => {
              if (s.length >= MIN) {
                sums[i]!.s += s.reduce((a, b) => a + b, 0);
                sums[i]!.n += s.length;
              }
            });
          }
          return { raters, cells: cellsWith.size, averages: sums.map((x) => (x.n > 0 ? round(x.s / x.n) : null)) };
        };
        const check = async () => {
          for (const u of units) {
            for (const day of [0, 1]) {
              const view = await getUnitFeedback(db, sys, u.id, quarterOf(DAYS[day]), 'en');
              const want = expectFor(u.path, day);
              expect({ raters: view.raters, cells: view.cells, averages: view.traits.map((x) => x.average) }).toEqual(want);
              for (const child of view.children) {
                const path = [...units, ...cells].find((x) => x.id === child.unitId)!.path;
                const w = expectFor(path, day);
                expect({ raters: child.raters, cells: child.cells, averages: child.traits.map((x) => x.average) }).toEqual(w);
              }
            }
          }
        };
        await check();
        for (const day of DAYS) await rebuildTotals(db, quarterStart(quarterOf(day)));
        await check();
      }),
      { numRuns: 15 },
    );
  });
});
