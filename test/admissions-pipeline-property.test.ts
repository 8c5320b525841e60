/**
 * The admissions pipeline figures against a plain recount: after random sequences of steps (nominate,
 * train, withdraw, vote passed or not, approve or reject, on random days of this month and the last) in a random
 * small tree, every unit's figures (a committee's from the summed roll-ups after folding, a cell's from
 * its metrics) equal a recount from the nominations' raw rows, for both months.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/server/access/actor.ts';
import { decide, recordVote } from '../src/server/modules/admissions/decide.ts';
import { voteRoll } from '../src/server/modules/admissions/queries.ts';
import { addTask, nominate, withdraw } from '../src/server/modules/admissions/service.ts';
import { pipelineFigures, getAdmissionsSummary } from '../src/server/modules/admissions/summary.ts';
import { foldAllRollups } from '../src/server/modules/compliance/fold.ts';
import { addDays, dataEnd, periodOf, previousPeriod, todayIso } from '../src/server/modules/compliance/periods.ts';
import type { PipelineFigures } from '../src/shared/schemas/admissions.ts';
import { createTestApp } from './helpers/app.ts';
import { buildCell, buildCommittee, buildMeeting, buildPerson, buildRoot, holdMeeting } from './helpers/factories.ts';

const actor = systemActor();
const today = todayIso();
const thisMonth = periodOf(today);
const lastMonth = previousPeriod(thisMonth);
/** Days from the first of last month to today. */
const span = Math.round((Date.parse(today) - Date.parse(lastMonth)) / 86_400_000);

type Step = {
  cell: number;
  start: number;
  train: number | null;
  withdraw: number | null;
  vote: 'none' | 'pass' | 'fail';
  gap: number;
  decision: 'none' | 'approved' | 'rejected';
  wait: number;
};
const stepArb = (cells: number) =>
  fc.record({
    cell: fc.nat({ max: cells - 1 }),
    start: fc.double({ min: 0, max: 1, noNaN: true }),
    train: fc.option(fc.nat({ max: 6 }), { nil: null }),
    withdraw: fc.option(fc.nat({ max: 6 }), { nil: null, freq: 4 }),
    vote: fc.constantFrom('none', 'pass', 'fail'),
    gap: fc.nat({ max: 6 }),
    decision: fc.constantFrom('none', 'approved', 'rejected'),
    wait: fc.nat({ max: 6 }),
  }) as fc.Arbitrary<Step>;

type Raw = {
  cell_id: number;
  status: string;
  nominated_on: string;
  training_from: string | null;
  voted_on: string | null;
  decided_on: string | null;
  withdrawn_on: string | null;
};

/** The figures of one month from the raw rows, by the definitions in pipeline-metrics.ts, written plainly. */
function recount(rows: Raw[], period: string): PipelineFigures {
  const end = dataEnd(period);
  const inMonth = (d: string | null) => d !== null && d >= period && d < end;
  const before = (d: string | null) => d !== null && d < end;
  const live = rows.filter((r) => {
    if (r.nominated_on >= end) return false;
    const closed = r.decided_on ?? (r.status === 'not_passed' ? r.voted_on : null) ?? r.withdrawn_on;
    return closed === null || closed >= period;
  });
  const sum: Record<string, number> = {};
  const add = (k: string, v: number) => {
    if (v) sum[`admissions:${k}`] = (sum[`admissions:${k}`] ?? 0) + v;
  };
  for (const r of live) {
    const passed = inMonth(r.voted_on) && r.status !== 'not_passed';
    const failed = inMonth(r.voted_on) && r.status === 'not_passed';
    const decided = inMonth(r.decided_on);
    const days = (a: string, b: string) => Math.round((Date.parse(a) - Date.parse(b)) / 86_400_000);
    add('nominated', inMonth(r.nominated_on) ? 1 : 0);
    add('training_started', inMonth(r.training_from) ? 1 : 0);
    add('voted', passed ? 1 : 0);
    add('vote_failed', failed ? 1 : 0);
    add('approved', decided && r.status === 'approved' ? 1 : 0);
    add('rejected', decided && r.status === 'rejected' ? 1 : 0);
    add('withdrawn', inMonth(r.withdrawn_on) ? 1 : 0);
    const open = !before(r.withdrawn_on);
    add('open_nominated', open && !before(r.training_from) && !before(r.voted_on) ? 1 : 0);
    add('open_training', open && before(r.training_from) && !before(r.voted_on) ? 1 : 0);
    add('open_awaiting', open && before(r.voted_on) && r.status !== 'not_passed' && !before(r.decided_on) ? 1 : 0);
    if (passed || failed) {
      add('days_to_vote', days(r.voted_on!, r.nominated_on));
      if (r.training_from) {
        add('trained_voted', 1);
        add('days_in_training', Math.max(days(r.voted_on!, r.training_from), 0));
      }
    }
    if (decided) add('days_to_decision', days(r.decided_on!, r.voted_on!));
  }
  return pipelineFigures(sum);
}

describe('admissions pipeline figures', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let root: number;
  beforeAll(async () => {
    t = await createTestApp();
    root = await buildRoot(t.ctx.db);
  });
  afterAll(async () => t?.close());

  it('equal a recount from the raw rows for every unit, after random steps', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(fc.constant(n), fc.array(stepArb(n), { minLength: 1, maxLength: 8 }))),
        async ([cellCount, steps]) => {
          const db = t.ctx.db;
          const top = await buildCommittee(db, root);
          const districts = [await buildCommittee(db, top.id), await buildCommittee(db, top.id)];
          const cells: Array<{ id: number; sponsors: number[] }> = [];
          for (let i = 0; i < cellCount; i++) {
            const cell = await buildCell(db, districts[i % 2]!.id, { openedOn: '2020-01-01' });
            const a = await buildPerson(db, cell.id, { fromDate: '2021-01-01' });
            const b = await buildPerson(db, cell.id, { fromDate: '2021-01-01' });
            cells.push({ id: cell.id, sponsors: [a.id, b.id] });
          }
          for (const s of steps) {
            const cell = cells[s.cell]!;
            const nominatedOn = addDays(lastMonth, Math.floor(s.start * span));
            const { id } = await nominate(
              db,
              actor,
              cell.id,
              { kind: 'candidate', person: { fullName: 'Nominee' }, sponsorIds: cell.sponsors },
              nominatedOn,
            );
            let day = nominatedOn;
            if (s.train !== null && addDays(day, s.train) <= today) {
              day = addDays(day, s.train);
              await addTask(db, actor, id, { title: 'Task', dueOn: addDays(day, 10) }, day);
            }
            if (s.withdraw !== null && addDays(day, s.withdraw) <= today) {
              await withdraw(db, actor, id, {}, addDays(day, s.withdraw));
              continue;
            }
            if (s.vote === 'none' || addDays(day, s.gap) > today) continue;
            day = addDays(day, s.gap);
            const m = await buildMeeting(db, cell.id, { startsAt: `${day}T00:00:01Z` });
            await holdMeeting(db, m.id);
            const { present } = await voteRoll(db, cell.id, m.id, day);
            await recordVote(db, actor, id, {
              meetingId: m.id,
              for: s.vote === 'pass' ? present : 0,
              against: s.vote === 'pass' ? 0 : present,
              abstain: 0,
            });
            if (s.vote === 'fail' || s.decision === 'none' || addDays(day, s.wait) > today) continue;
            day = addDays(day, s.wait);
            await decide(db, actor, id, { decision: s.decision }, day);
          }
          await foldAllRollups(db);
          const rows = (await db
            .selectFrom('nominations')
            .select(['cell_id', 'status', 'nominated_on', 'training_from', 'voted_on', 'decided_on', 'withdrawn_on'])
            .where(
              'cell_id',
              'in',
              cells.map((c) => c.id),
            )
            .execute()) as Raw[];
          for (const period of [lastMonth, thisMonth]) {
            const units: Array<{ id: number; cellIds: number[] }> = [
              { id: top.id, cellIds: cells.map((c) => c.id) },
              ...districts.map((d, i) => ({ id: d.id, cellIds: cells.filter((_, j) => j % 2 === i).map((c) => c.id) })),
              ...cells.map((c) => ({ id: c.id, cellIds: [c.id] })),
            ];
            for (const u of units) {
              const got = await getAdmissionsSummary(db, actor, u.id, period);
              const want = recount(
                rows.filter((r) => u.cellIds.includes(Number(r.cell_id))),
                period,
              );
              expect({ unit: u.id, period, figures: got.figures }).toEqual({ unit: u.id, period, figures: want });
            }
            // The drill-down rows are the children's own figures.
            const topSummary = await getAdmissionsSummary(db, actor, top.id, period);
            for (const child of topSummary.children) {
              expect(child.figures).toEqual((await getAdmissionsSummary(db, actor, child.unit.id, period)).figures);
            }
          }
        },
      ),
      { numRuns: 10 },
    );
  }, 300_000);
});
