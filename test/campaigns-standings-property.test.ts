/**
 * Standings against a recount (issue 15): random general meetings (held or not, with random absences)
 * over random months make the cells' verdicts through the real write path; a campaign over random
 * non-nested units (cells and committees) with random standards and weights must rank every unit with
 * the score and rank a plain recount from the verdict rows gives, whether the campaign started before,
 * between or after the meetings (its counts kept by the roll-up folder), across a month's rebuild, a
 * cell moved to another district (its totals leave one committee's counts for another's) and a cell
 * given a new sector (its verdicts dropped and judged again).
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { materializePeriod } from '../src/server/modules/compliance/engine.ts';
import { createTestApp } from './helpers/app.ts';
import { signIn, type Client } from './helpers/client.ts';
import { holdGeneralIn, recountStandings, settle } from './helpers/emulation.ts';
import { buildPerson } from './helpers/factories.ts';
import { buildOrg, type Org } from './helpers/org.ts';
import { SECTORS } from '../src/shared/enums.ts';

const CODES = ['general-meeting-monthly', 'general-attendance-rate', 'absence-follow-up', '*'];

describe('campaign standings against a recount', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let org: Org;
  let admin: Client;
  const people: Record<number, number[]> = {};
  const paths = new Map<number, string>();
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrg(t.ctx.db);
    for (const cell of [org.cellA1b, org.cellA2a, org.cellB1a]) {
      people[cell.id] = [];
      for (let i = 0; i < 3; i++) people[cell.id]!.push((await buildPerson(t.ctx.db, cell.id)).id);
    }
    people[org.cellA1a.id] = [org.S.id, org.M.id, org.P.id];
    admin = await signIn(t.app, 'admin@test', 'secret-pass');
    await readPaths();
  });
  const readPaths = async () => {
    const rows = await sql<{ id: number; path: string }>`select id, path::text as path from units`.execute(t.ctx.db);
    for (const r of rows.rows) paths.set(Number(r.id), r.path);
  };
  afterAll(async () => t?.close());

  it('ranks every unit as the recount does', async () => {
    const cells = () => [org.cellA1a.id, org.cellA1b.id, org.cellA2a.id, org.cellB1a.id];
    const units = () => [
      org.regionA,
      org.regionB,
      org.districtA1,
      org.districtA2,
      org.districtB1,
      org.cellA1a,
      org.cellA1b,
      org.cellA2a,
      org.cellB1a,
    ];
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(3), fc.nat(1), fc.boolean(), fc.nat(3)), { maxLength: 8 }),
        fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6, 7, 8], { minLength: 2 }),
        fc.shuffledSubarray(CODES, { minLength: 1 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 4, maxLength: 4 }),
        fc.constantFrom('before', 'between', 'after'),
        fc.boolean(),
        fc.tuple(fc.constantFrom('none', 'move', 'sector'), fc.nat(3), fc.nat(2), fc.nat(SECTORS.length - 1)),
        async (meetings, picks, codes, ws, when, rebuild, [change, changedIx, districtIx, sectorIx]) => {
          // Each run has two months of its own, from 2021 to 2025; shrinking's later runs come back to
          // them (with earlier runs' verdicts and campaigns) rather than go past today.
          const year = 2021 + Math.floor((run % 30) / 6);
          const m0 = (run % 6) * 2 + 1;
          run++;
          const months = [m0, m0 + 1].map((m) => `${year}-${String(m).padStart(2, '0')}-01`);
          const hold = async (part: typeof meetings) => {
            for (const [cellIx, monthIx, held, absent] of part) {
              const cell = cells()[cellIx]!;
              if (held) await holdGeneralIn(t.ctx.db, cell, months[monthIx]!, people[cell]!.slice(0, absent));
            }
          };
          const weights = Object.fromEntries(codes.map((c, i) => [c, ws[i]!]));
          let id = 0;
          let taken: (typeof org.cellA1a)[] = [];
          const create = async () => {
            // Greedily the picked units that nest with none taken before (in the tree as it is now).
            taken = [];
            const under = (a: number, b: number) => paths.get(a)!.startsWith(`${paths.get(b)}.`);
            const nests = (u: typeof org.cellA1a) => taken.some((x) => under(x.id, u.id) || under(u.id, x.id));
            for (const ix of picks) if (!nests(units()[ix]!)) taken.push(units()[ix]!);
            // A region alone leaves room for a unit outside it.
            for (const u of units()) if (taken.length < 2 && !taken.includes(u) && !nests(u)) taken.push(u);
            const res = await admin.post('/api/v1/campaigns', {
              title: `Run ${run}`,
              unitIds: taken.map((u) => u.id),
              from: months[0],
              to: months[1],
              standardCodes: codes,
              weights,
            });
            expect(res.status, JSON.stringify(res.body)).toBe(201);
            id = res.body.id;
          };
          // A cell moved to a district (a campaign's committees above it then gain or lose its totals),
          // or given a new sector (its verdicts are dropped and judged again).
          const changeTree = async () => {
            const cell = cells()[changedIx]!;
            if (change === 'move') {
              const to = [org.districtA1, org.districtA2, org.districtB1][districtIx]!;
              const res = await admin.post(`/api/v1/units/${cell}/move`, { newParentId: to.id });
              expect(res.status, JSON.stringify(res.body)).toBe(200);
              await readPaths();
            } else if (change === 'sector') {
              const res = await admin.patch(`/api/v1/units/${cell}`, { sector: SECTORS[sectorIx] });
              expect(res.status, JSON.stringify(res.body)).toBe(200);
            }
          };
          // The campaign starts before the meetings (the folder must add every verdict to its counts),
          // between them (its count must leave out the differences still queued, which the folder adds),
          // or after them all folded; a rebuild of the first month may come between, its queue dropped.
          const half = Math.ceil(meetings.length / 2);
          if (when === 'before') await create();
          await hold(meetings.slice(0, half));
          if (when === 'between') await create();
          if (rebuild) await materializePeriod(t.ctx.db, months[0]!);
          await changeTree();
          await hold(meetings.slice(half));
          await settle(t.ctx.db, months);
          if (when === 'after') await create();
          const res = { body: { id } };
          const standings = await admin.get(`/api/v1/campaigns/${res.body.id}/standings`);
          const recount = await recountStandings(t.ctx.db, { unitIds: taken.map((u) => u.id), from: months[0]!, to: months[1]!, weights });
          const got = Object.fromEntries(standings.body.items.map((s: any) => [s.unitId, { score: s.score, rank: s.rank }]));
          expect(got).toEqual(Object.fromEntries(recount));
          // Ranks are in order, and each unit's "to overtake" is the lowest score above it.
          for (const s of standings.body.items) {
            const above = standings.body.items.filter((o: any) => o.score > s.score);
            const next = above.length ? Math.min(...above.map((o: any) => o.score)) : null;
            expect(s.toOvertake === null).toBe(next === null);
            if (s.toOvertake) expect(s.score + s.toOvertake.gap).toBeCloseTo(next!);
          }
        },
      ),
      { numRuns: 16 },
    );
  });
});
