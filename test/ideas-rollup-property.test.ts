/**
 * The ideas figures per unit against a brute-force recount (issue 15; decision 0032): for random trees,
 * random ideas taken through random steps on random days of the year, subtree moves in the middle and
 * the roll-up folder run at random points, every committee's and cell's year summary (counts per step,
 * per month, benefits per unit of measure, the median days to introduction) equals a plain recount of
 * the raw rows under the unit's current place in the tree. Ideas withdrawn by their authors leave the counts.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, type Actor } from '../src/server/access/actor.ts';
import type { Db } from '../src/server/db/database.ts';
import { materializePeriod } from '../src/server/modules/compliance/engine.ts';
import { foldAllRollups } from '../src/server/modules/compliance/fold.ts';
import { addDays, periodOf, todayIso } from '../src/server/modules/compliance/periods.ts';
import { withdrawIdea } from '../src/server/modules/ideas/authoring.ts';
import { addMonths, confirmIdea, evaluateIdea, introduceIdea, startTrial, submitIdea } from '../src/server/modules/ideas/service.ts';
import { monthsOf } from '../src/server/modules/ideas/summary.ts';
import { getIdeasSummary } from '../src/server/modules/ideas/summary.ts';
import { moveUnit } from '../src/server/modules/units/service.ts';
import { createTestApp } from './helpers/app.ts';
import { buildCell, buildCommittee, buildPerson, buildRoot } from './helpers/factories.ts';

const admin = systemActor();
const today = todayIso();
const year = Number(today.slice(0, 4));
const yearStart = `${year}-01-01`;
const daysSoFar = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${yearStart}T00:00:00Z`)) / 86_400_000);
const dayAt = (from: string, fraction: number) => {
  const span = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  return addDays(from, Math.floor(fraction * (span + 1)));
};

type IdeaPlan = {
  cell: number;
  at: number;
  /** 0 submitted; 1 evaluated; 2 tried; 3 introduced; 4 confirmed (when the months have passed). */
  steps: number;
  /** With steps 0: withdrawn by its author (it leaves the counts). */
  withdraw: boolean;
  reject: boolean;
  gaps: [number, number, number];
  benefit: { amount: number; unit: string; period?: 'once' | 'month' | 'year' };
  fold: boolean;
};
type Plan = {
  committees: number[];
  cells: number[];
  ideas: IdeaPlan[];
  /** After how many ideas the moves happen. */
  movesAfter: number;
  moves: Array<{ unit: number; to: number }>;
};

const planArb: fc.Arbitrary<Plan> = fc.record({
  committees: fc.array(fc.integer({ min: -1, max: 3 }), { minLength: 1, maxLength: 4 }),
  cells: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 5 }),
  ideas: fc.array(
    fc.record({
      cell: fc.integer({ min: 0, max: 4 }),
      at: fc.double({ min: 0, max: 0.999, noNaN: true }),
      steps: fc.integer({ min: 0, max: 4 }),
      withdraw: fc.boolean(),
      reject: fc.boolean(),
      gaps: fc.tuple(
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
      ),
      benefit: fc.record(
        {
          amount: fc.integer({ min: 0, max: 1000 }),
          unit: fc.constantFrom('t', 'KRW', 'hours'),
          period: fc.constantFrom('once' as const, 'month' as const, 'year' as const),
        },
        { requiredKeys: ['amount', 'unit'] },
      ),
      fold: fc.boolean(),
    }),
    { maxLength: 8 },
  ),
  movesAfter: fc.integer({ min: 0, max: 8 }),
  moves: fc.array(fc.record({ unit: fc.integer({ min: 0, max: 8 }), to: fc.integer({ min: 0, max: 3 }) }), { maxLength: 2 }),
});

/** The figures recounted from the raw rows: the ideas of the cells now under `path`, by the day of each step. */
async function recount(db: Db, path: string) {
  const { rows } = await sql<{
    status: string;
    submitted_on: string;
    evaluated_on: string | null;
    trial_from: string | null;
    introduced_on: string | null;
    confirmed_on: string | null;
    benefit_amount: string | null;
    benefit_unit: string | null;
    benefit_period: 'once' | 'month' | 'year' | null;
  }>`select i.status, i.submitted_on::text, i.evaluated_on::text, i.trial_from::text, i.introduced_on::text, i.confirmed_on::text,
      i.benefit_amount::text, i.benefit_unit, i.benefit_period
    from ideas i join units u on u.id = i.cell_id where u.path <@ ${path}::ltree`.execute(db);
  const inYear = (d: string | null) => d?.startsWith(`${year}-`) === true && d <= today;
  const benefits = new Map<string, { unit: string; period: 'once' | 'month' | 'year' | null; amount: number }>();
  const days: number[] = [];
  for (const r of rows.filter((r) => inYear(r.introduced_on))) {
    const key = `${r.benefit_unit}|${r.benefit_period}`;
    const b = benefits.get(key) ?? { unit: r.benefit_unit!, period: r.benefit_period, amount: 0 };
    b.amount += Number(r.benefit_amount);
    benefits.set(key, b);
    days.push(Math.round((Date.parse(`${r.introduced_on}T00:00:00Z`) - Date.parse(`${r.submitted_on}T00:00:00Z`)) / 86_400_000));
  }
  days.sort((a, b) => a - b);
  const median =
    days.length === 0 ? null : days.length % 2 ? days[(days.length - 1) / 2]! : (days[days.length / 2 - 1]! + days[days.length / 2]!) / 2;
  const inMonth = (d: string | null, m: string) => d?.startsWith(m) === true && d <= today;
  return {
    submitted: rows.filter((r) => inYear(r.submitted_on) && r.status !== 'withdrawn').length,
    accepted: rows.filter((r) => inYear(r.evaluated_on) && r.status !== 'rejected').length,
    rejected: rows.filter((r) => inYear(r.evaluated_on) && r.status === 'rejected').length,
    inTrial: rows.filter((r) => inYear(r.trial_from)).length,
    introduced: rows.filter((r) => inYear(r.introduced_on)).length,
    confirmed: rows.filter((r) => inYear(r.confirmed_on)).length,
    benefits: [...benefits.values()]
      .filter((b) => b.amount !== 0)
      .sort((a, b) => a.unit.localeCompare(b.unit) || (a.period ?? '').localeCompare(b.period ?? '')),
    medianDaysToIntroduction: median,
    months: monthsOf(year, today).map((p) => {
      const m = p.slice(0, 7);
      return {
        month: m,
        submitted: rows.filter((r) => inMonth(r.submitted_on, m) && r.status !== 'withdrawn').length,
        accepted: rows.filter((r) => inMonth(r.evaluated_on, m) && r.status !== 'rejected').length,
        introduced: rows.filter((r) => inMonth(r.introduced_on, m)).length,
      };
    }),
  };
}

/** Takes an idea through its planned steps, each on its day (the service takes the day). */
async function walk(db: Db, member: Actor, cellId: number, authorId: number, p: IdeaPlan) {
  const submittedOn = addDays(yearStart, Math.floor(p.at * (daysSoFar + 1)));
  const { id } = await submitIdea(db, member, cellId, { title: 'Idea', description: 'An idea', authorIds: [authorId] }, submittedOn);
  if (p.steps < 1) {
    if (p.withdraw) await withdrawIdea(db, member, id, undefined, dayAt(submittedOn, p.gaps[0]));
    return;
  }
  const evaluatedOn = dayAt(submittedOn, p.gaps[0]);
  await evaluateIdea(db, admin, id, { decision: p.reject ? 'rejected' : 'accepted', reasons: 'Because' }, evaluatedOn);
  if (p.reject) return;
  let last = evaluatedOn;
  if (p.steps >= 2) {
    last = dayAt(evaluatedOn, p.gaps[1]);
    await startTrial(db, admin, id, undefined, last);
  }
  if (p.steps < 3) return;
  const introducedOn = dayAt(last, p.gaps[2]);
  await introduceIdea(db, admin, id, { introducedOn, benefit: p.benefit }, today);
  if (p.steps >= 4 && addMonths(introducedOn, 6) <= today) await confirmIdea(db, admin, id, undefined, today);
}

describe('ideas figures per unit', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let globalRoot: number;
  beforeAll(async () => {
    t = await createTestApp();
    globalRoot = await buildRoot(t.ctx.db);
    for (const p of monthsOf(year, today)) await materializePeriod(t.ctx.db, p);
  });
  afterAll(async () => t?.close());

  it('equal a brute-force recount from the raw rows for every committee and cell, after moves', async () => {
    await fc.assert(
      fc.asyncProperty(planArb, async (plan) => {
        const db = t.ctx.db;
        const runRoot = (await buildCommittee(db, globalRoot)).id;
        const committees: number[] = [];
        for (const parent of plan.committees)
          committees.push((await buildCommittee(db, parent < 0 || parent >= committees.length ? runRoot : committees[parent]!)).id);
        const cells: Array<{ id: number; person: number }> = [];
        for (const parent of plan.cells) {
          const cell = await buildCell(db, committees[parent % committees.length]!);
          const person = await buildPerson(db, cell.id, { fromDate: '2022-01-01' });
          cells.push({ id: cell.id, person: person.id });
        }
        const doMoves = async () => {
          const units = [...committees, ...cells.map((c) => c.id)];
          for (const mv of plan.moves)
            await moveUnit(db, admin, units[mv.unit % units.length]!, committees[mv.to % committees.length]!).catch(() => undefined);
        };
        for (const [n, p] of plan.ideas.entries()) {
          if (n === plan.movesAfter) await doMoves();
          const cell = cells[p.cell % cells.length]!;
          const member: Actor = { ...admin, personId: cell.person };
          await walk(db, member, cell.id, cell.person, p);
          if (p.fold) await foldAllRollups(db);
        }
        if (plan.movesAfter >= plan.ideas.length) await doMoves();
        await foldAllRollups(db);
        for (const unitId of [runRoot, ...committees, ...cells.map((c) => c.id)]) {
          const { path } = await db
            .selectFrom('units')
            .select(sql<string>`path::text`.as('path'))
            .where('id', '=', unitId)
            .executeTakeFirstOrThrow();
          const got = await getIdeasSummary(db, admin, unitId, year, today);
          const { unitId: _u, year: _y, ...figures } = got;
          expect(figures, `unit ${unitId}`).toEqual(await recount(db, path));
        }
      }),
      { numRuns: Number(process.env.IDEAS_RUNS ?? 10) },
    );
  }, 600_000);

  it('the current month is part of the year; a year to come is empty', async () => {
    const future = await getIdeasSummary(t.ctx.db, admin, globalRoot, year + 1, today);
    expect(future).toMatchObject({ submitted: 0, months: [], medianDaysToIntroduction: null });
    expect(monthsOf(year, today).at(-1)).toBe(periodOf(today));
  });
});
