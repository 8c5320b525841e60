/**
 * The roll-ups against an independent brute-force computation: for random trees, meetings, attendance,
 * subtree moves, cell closures and sector changes, every committee's figure for every standard and
 * sector equals what a plain re-reading of the raw rows gives, and an incrementally maintained period
 * equals a full rebuild.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/server/access/actor.ts';
import { materializePeriod } from '../src/server/modules/compliance/engine.ts';
import { foldAllRollups, foldRollups } from '../src/server/modules/compliance/fold.ts';
import { listComplianceCells } from '../src/server/modules/compliance/service.ts';
import { findWorstCells } from '../src/server/modules/compliance/views.ts';
import { addDays, nextPeriod, periodOf, previousPeriod, todayIso } from '../src/server/modules/compliance/periods.ts';
import { cancelAssignment, evaluateAssignment, giveAssignments, reportProgress } from '../src/server/modules/assignments/service.ts';
import { transferPerson } from '../src/server/modules/people/service.ts';
import { closeUnit, moveUnit, updateUnit } from '../src/server/modules/units/service.ts';
import type { Sector } from '../src/shared/enums.ts';
import { createTestApp } from './helpers/app.ts';
import { buildCell, buildCommittee, buildMeeting, buildPerson, buildRoot, holdMeeting } from './helpers/factories.ts';
import {
  bruteForceAttendanceSums,
  bruteForceEducationSums,
  bruteForceMentorshipSums,
  bruteForceRollups,
  bruteForceVisitSums,
  bruteForcePlanSums,
  bruteForceWorst,
} from './helpers/brute-force.ts';
import { fileReport, planVisit } from '../src/server/modules/visits/service.ts';
import { updateProblem } from '../src/server/modules/visits/problems.ts';
import { getPlan } from '../src/server/modules/work-plans/read.ts';
import { adoptPlan, reviewPlan, savePlan } from '../src/server/modules/work-plans/service.ts';
import { nextQuarter } from '../src/server/modules/work-plans/standards/plan-states.ts';
import { quarterOf } from '../src/shared/schemas/work-plans.ts';
import { endMentorship, pairMentor } from '../src/server/modules/mentorships/service.ts';
import { createYouthGroup } from '../src/server/modules/mentorships/youth-groups.ts';
import { setLearningPlan } from '../src/server/modules/education/plans.ts';
import { createProgramme } from '../src/server/modules/education/service.ts';
import { setMeetingThemes } from '../src/server/modules/education/sessions.ts';

const actor = systemActor();
let theme: Promise<number> | undefined;
/** One programme theme for every run. */
const themeId = () => theme!;

type Plan = {
  committees: number[]; // parent index (into the committee list, -1 = run root) for each committee
  cells: Array<{ parent: number; members: number; sector: Sector }>;
  meetings: Array<{
    cell: number;
    kind: 'general' | 'review' | 'study' | 'technical';
    /** A study meeting on a programme theme (the education module): set after it was held, through the refresh. */
    themed: boolean;
    monthsAgo: 0 | 1;
    dayFraction: number;
    held: boolean;
    absent: boolean[];
    fold: boolean;
  }>;
  /** Work given (issue 12), then perhaps cancelled, or done and perhaps evaluated, on the day given. */
  assignments: Array<{
    cell: number;
    member: number;
    monthsAgo: 0 | 1;
    dayFraction: number;
    dueDays: number;
    outcome: 'open' | 'cancelled' | 'done' | 'evaluated';
    score: number;
  }>;
  /** Youth work and mentorships (issue 13): a candidate (or a member) mentored or not, perhaps ended; a youth group, assigned or not. */
  mentoring: Array<{
    cell: number;
    candidate: boolean;
    mentored: boolean;
    ended: boolean;
    group: boolean;
    assigned: boolean;
    monthsAgo: 0 | 1;
    dayFraction: number;
  }>;
  /** Officials' visits (issue 14): held this month or last, perhaps raising a problem, perhaps solved since. */
  visits: Array<{ cell: number; monthsAgo: 0 | 1; dayFraction: number; problem: boolean; solved: boolean }>;
  /** Cells' work plans for this quarter (issue 15): drafted, perhaps adopted at a general meeting held this month or last. */
  workPlans: Array<{ cell: number; monthsAgo: 0 | 1; dayFraction: number; goals: number; adopt: boolean; ahead: boolean; review: boolean }>;
  moves: Array<{ unit: number; to: number }>;
  closes: number[];
  resectors: Array<{ cell: number; sector: Sector }>;
  rebuild: number; // a month (index into periods) rebuilt after the meetings, or -1
  /** Learning plans set by the secretary: a cell's n-th member, with a theme or emptied. */
  plans: Array<{ cell: number; member: number; withTheme: boolean }>;
};

const sectorArb = fc.constantFrom<Sector>('metallurgy', 'education', 'fisheries');

const planArb: fc.Arbitrary<Plan> = fc.record({
  committees: fc.array(fc.integer({ min: -1, max: 3 }), { minLength: 1, maxLength: 4 }),
  cells: fc.array(fc.record({ parent: fc.integer({ min: 0, max: 3 }), members: fc.integer({ min: 1, max: 4 }), sector: sectorArb }), {
    minLength: 2,
    maxLength: 6,
  }),
  meetings: fc.array(
    fc.record({
      cell: fc.integer({ min: 0, max: 5 }),
      kind: fc.constantFrom('general' as const, 'review' as const, 'study' as const, 'technical' as const),
      themed: fc.boolean(),
      monthsAgo: fc.constantFrom(0 as const, 1 as const),
      dayFraction: fc.double({ min: 0, max: 0.999, noNaN: true }),
      held: fc.boolean(),
      absent: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
      // The roll-up folder runs after this save (otherwise its differences wait, through moves and rebuilds).
      fold: fc.boolean(),
    }),
    { maxLength: 10 },
  ),
  assignments: fc.array(
    fc.record({
      cell: fc.integer({ min: 0, max: 5 }),
      member: fc.integer({ min: 0, max: 3 }),
      monthsAgo: fc.constantFrom(0 as const, 1 as const),
      dayFraction: fc.double({ min: 0, max: 0.999, noNaN: true }),
      dueDays: fc.integer({ min: 0, max: 40 }),
      outcome: fc.constantFrom('open' as const, 'cancelled' as const, 'done' as const, 'evaluated' as const),
      score: fc.integer({ min: 1, max: 5 }),
    }),
    { maxLength: 6 },
  ),
  mentoring: fc.array(
    fc.record({
      cell: fc.integer({ min: 0, max: 5 }),
      candidate: fc.boolean(),
      mentored: fc.boolean(),
      ended: fc.boolean(),
      group: fc.boolean(),
      assigned: fc.boolean(),
      monthsAgo: fc.constantFrom(0 as const, 1 as const),
      dayFraction: fc.double({ min: 0, max: 0.999, noNaN: true }),
    }),
    { maxLength: 4 },
  ),
  visits: fc.array(
    fc.record({
      cell: fc.integer({ min: 0, max: 5 }),
      monthsAgo: fc.constantFrom(0 as const, 1 as const),
      dayFraction: fc.double({ min: 0, max: 0.999, noNaN: true }),
      problem: fc.boolean(),
      solved: fc.boolean(),
    }),
    { maxLength: 3 },
  ),
  workPlans: fc.array(
    fc.record({
      cell: fc.integer({ min: 0, max: 5 }),
      monthsAgo: fc.constantFrom(0 as const, 1 as const),
      dayFraction: fc.double({ min: 0, max: 0.999, noNaN: true }),
      goals: fc.integer({ min: 1, max: 3 }),
      adopt: fc.boolean(),
      // The next quarter's plan (the `plans:next:` sums), and a review (refused before the quarter's last month).
      ahead: fc.boolean(),
      review: fc.boolean(),
    }),
    { maxLength: 3 },
  ),
  moves: fc.array(fc.record({ unit: fc.integer({ min: 0, max: 9 }), to: fc.integer({ min: 0, max: 3 }) }), { maxLength: 2 }),
  closes: fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 1 }),
  // A month is rebuilt while differences of it are still queued.
  rebuild: fc.constantFrom(-1, 0, 1),
  resectors: fc.array(fc.record({ cell: fc.integer({ min: 0, max: 5 }), sector: sectorArb }), { maxLength: 2 }),
  plans: fc.array(fc.record({ cell: fc.integer({ min: 0, max: 5 }), member: fc.integer({ min: 0, max: 3 }), withTheme: fc.boolean() }), {
    maxLength: 4,
  }),
});

describe('compliance roll-ups', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let globalRoot: number;
  beforeAll(async () => {
    t = await createTestApp();
    globalRoot = await buildRoot(t.ctx.db);
    theme = createProgramme(t.ctx.db, actor, { title: 'Programme', themes: [{ title: 'Theme' }] }).then((p) => p.themes[0]!.id);
    // A standard for one sector only, so that a cell's sector decides what it is judged by.
    await sql`insert into standards (code, kind, params, title_en, title_ko, scope_sector, valid_from)
      values ('education-monthly-review', 'meetings_per_month', '{"kind":"review","min":1}', 'Education: a monthly review', '교육: 매월 총화', 'education', '2000-01-01')`.execute(
      t.ctx.db,
    );
    // The library's kind (issue 11): a reading session (study meeting) a month, over the meetings' own metric.
    await sql`insert into standards (code, kind, params, title_en, title_ko, valid_from)
      values ('reading-monthly', 'reading_sessions_per_month', '{"min":1}', 'A reading session a month', '매월 학습모임', '2000-01-01')`.execute(
      t.ctx.db,
    );
    // The education module's kinds (issue 12): an education session a month, half the members with a current plan.
    await sql`insert into standards (code, kind, params, title_en, title_ko, valid_from)
      values ('education-monthly', 'education_sessions_per_month', '{"min":1}', 'An education session a month', '매월 교양모임', '2000-01-01'),
        ('plans-half', 'learning_plan_share', '{"min":0.5}', 'Half with a plan', '학습계획 절반', '2000-01-01')`.execute(t.ctx.db);
    // The assignments module's kinds (issue 12): half the members with work active, every due assignment evaluated.
    await sql`insert into standards (code, kind, params, title_en, title_ko, valid_from)
      values ('assignments-active', 'assignments_active', '{"min":0.5}', 'Half the members at work', '성원 절반 분공', '2000-01-01'),
        ('assignments-evaluated', 'assignments_evaluated', '{"min":1}', 'Every assignment evaluated', '분공 모두 평가', '2000-01-01')`.execute(
      t.ctx.db,
    );
    // The mentorships module's kinds (issue 13): every candidate mentored, every youth group assigned.
    await sql`insert into standards (code, kind, params, title_en, title_ko, valid_from)
      values ('candidates-mentored', 'candidates_mentored', '{"min":1}', 'Every candidate mentored', '모든 후보에게 이끄는 성원', '2000-01-01'),
        ('groups-assigned', 'youth_groups_assigned', '{}', 'Every youth group assigned', '모든 청소년조에 담당 성원', '2000-01-01')`.execute(
      t.ctx.db,
    );
    // The visits module's kind (issue 14): a visit by an official in any two months (a parameterised source that carries forward).
    await sql`insert into standards (code, kind, params, title_en, title_ko, valid_from)
      values ('visited-2m', 'visits_every_months', '{"months":2}', 'A visit every two months', '2개월마다 방문', '2000-01-01')`.execute(
      t.ctx.db,
    );
    // The ideas module's kind (issue 15): an idea a year per 10 members, over the roll (a parameterised source that carries forward).
    await sql`insert into standards (code, kind, params, title_en, title_ko, valid_from)
      values ('ideas-1', 'ideas_per_members', '{"min":1}', 'An idea a year per 10 members', '성원 10명당 한 해 창의고안 1건', '2000-01-01')`.execute(
      t.ctx.db,
    );
    // The work plans module's kind (issue 15): an adopted plan for the quarter with two goals or more (carries forward).
    await sql`insert into standards (code, kind, params, title_en, title_ko, valid_from)
      values ('work-plan-2', 'work_plan_adopted', '{"minGoals":2}', 'An adopted work plan', '채택된 사업계획', '2000-01-01')`.execute(
      t.ctx.db,
    );
    // The registry's worked example: two review sessions in any three months (a source that carries forward).
    await sql`insert into standards (code, kind, params, title_en, title_ko, valid_from)
      values ('review-quarterly', 'meetings_per_quarter', '{"kind":"review","min":2}', 'Two reviews a quarter', '분기 총화 2회', '2000-01-01')`.execute(
      t.ctx.db,
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('equal a brute-force count for every committee, after moves and closures', async () => {
    const today = todayIso();
    const current = periodOf(today);
    const periods = [previousPeriod(current), current];
    await fc.assert(
      fc.asyncProperty(planArb, async (plan) => {
        const db = t.ctx.db;
        const runRoot = (await buildCommittee(db, globalRoot)).id;
        const committees: number[] = [];
        for (const parent of plan.committees) {
          committees.push((await buildCommittee(db, parent < 0 || parent >= committees.length ? runRoot : committees[parent]!)).id);
        }
        const cells: number[] = [];
        const people: number[][] = [];
        for (const c of plan.cells) {
          const cell = await buildCell(db, committees[c.parent % committees.length]!, { sector: c.sector });
          cells.push(cell.id);
          const ps: number[] = [];
          for (let i = 0; i < c.members; i++) ps.push((await buildPerson(db, cell.id, { fromDate: '2022-01-01' })).id);
          people.push(ps);
        }
        // Both months exist before any fact is written, so what follows goes through the incremental path.
        for (const p of periods) await materializePeriod(db, p);
        for (const m of plan.meetings) {
          const cellIndex = m.cell % cells.length;
          const start = m.monthsAgo === 0 ? Date.parse(`${current}T00:00:00Z`) : Date.parse(`${periods[0]}T00:00:00Z`);
          const end = m.monthsAgo === 0 ? Date.now() - 60_000 : Date.parse(`${current}T00:00:00Z`) - 60_000;
          if (end <= start) continue;
          const meeting = await buildMeeting(db, cells[cellIndex]!, {
            kind: m.kind,
            startsAt: new Date(start + (end - start) * m.dayFraction).toISOString(),
          });
          if (!m.held) continue;
          const statuses = Object.fromEntries(
            people[cellIndex]!.map((p, i) => [p, m.absent[i] ? ('absent' as const) : ('present' as const)]),
          );
          await holdMeeting(db, meeting.id, statuses);
          if (m.fold) await foldRollups(db);
          if (m.themed && m.kind === 'study') await setMeetingThemes(db, actor, meeting.id, { themeIds: [await themeId()] });
        }
        for (const p of plan.plans) {
          const ps = people[p.cell % cells.length]!;
          await setLearningPlan(db, actor, ps[p.member % ps.length]!, { themeIds: p.withTheme ? [await themeId()] : [] });
        }
        for (const a of plan.assignments) {
          const cellIndex = a.cell % cells.length;
          const person = people[cellIndex]![a.member % people[cellIndex]!.length]!;
          const start = Date.parse(`${a.monthsAgo === 0 ? current : periods[0]}T00:00:00Z`);
          const end = a.monthsAgo === 0 ? Date.parse(`${today}T00:00:00Z`) : Date.parse(`${current}T00:00:00Z`) - 86_400_000;
          const day = new Date(start + Math.max(0, end - start) * a.dayFraction).toISOString().slice(0, 10);
          const input = { title: 'Work', personIds: [person], dueOn: addDays(day, a.dueDays) };
          const id = (await giveAssignments(db, actor, cells[cellIndex]!, input, day)).items[0]!.id;
          if (a.outcome === 'cancelled') await cancelAssignment(db, actor, id, day);
          if (a.outcome === 'done' || a.outcome === 'evaluated')
            await reportProgress(db, { ...actor, personId: person }, id, { status: 'done' }, day);
          if (a.outcome === 'evaluated') await evaluateAssignment(db, actor, id, { score: a.score }, day);
        }
        const candidates: number[][] = cells.map(() => []);
        for (const m of plan.mentoring) {
          const cellIndex = m.cell % cells.length;
          const ps = people[cellIndex]!;
          const start = Date.parse(`${m.monthsAgo === 0 ? current : periods[0]}T00:00:00Z`);
          const end = m.monthsAgo === 0 ? Date.parse(`${today}T00:00:00Z`) : Date.parse(`${current}T00:00:00Z`) - 86_400_000;
          const day = new Date(start + Math.max(0, end - start) * m.dayFraction).toISOString().slice(0, 10);
          let mentee = ps[1];
          if (m.candidate) {
            mentee = (await buildPerson(db, cells[cellIndex]!, { role: 'candidate', fromDate: '2022-01-01' })).id;
            candidates[cellIndex]!.push(mentee);
          }
          if (m.mentored && mentee !== undefined) {
            const kind = m.candidate ? ('candidate' as const) : ('one-takes-one' as const);
            const paired = await pairMentor(db, actor, cells[cellIndex]!, { mentorId: ps[0]!, menteeId: mentee, kind }, day).catch(
              () => null,
            );
            if (paired && m.ended) await endMentorship(db, actor, paired.id, { outcome: 'not-met', endedOn: day }, today);
          }
          if (m.group)
            await createYouthGroup(db, actor, cells[cellIndex]!, { name: 'Group', assignedPersonId: m.assigned ? ps[0]! : null }, day);
        }
        for (const v of plan.visits) {
          const start = Date.parse(`${v.monthsAgo === 0 ? current : periods[0]}T00:00:00Z`);
          const end = v.monthsAgo === 0 ? Date.parse(`${today}T00:00:00Z`) : Date.parse(`${current}T00:00:00Z`) - 86_400_000;
          const heldOn = new Date(start + Math.max(0, end - start) * v.dayFraction).toISOString().slice(0, 10);
          const { id } = await planVisit(db, actor, { unitId: cells[v.cell % cells.length]!, plannedOn: today }, today);
          const problems = v.problem ? [{ title: 'A problem' }] : [];
          const filed = await fileReport(db, actor, id, { heldOn, membersMet: 0, problems }, today);
          if (v.solved && filed.problemIds[0])
            await updateProblem(db, actor, filed.problemIds[0], { status: 'solved', resolution: 'Solved' }, today);
        }
        for (const w of plan.workPlans) {
          const cellId = cells[w.cell % cells.length]!;
          const start = Date.parse(`${w.monthsAgo === 0 ? current : periods[0]}T00:00:00Z`);
          const end = w.monthsAgo === 0 ? Date.now() - 60_000 : Date.parse(`${current}T00:00:00Z`) - 60_000;
          if (end <= start) continue;
          const quarter = w.ahead ? nextQuarter(quarterOf(current)) : quarterOf(current);
          const goals = Array.from({ length: w.goals }, (_, i) => ({ title: `Goal ${i}`, kind: 'study' as const }));
          // A second plan for a cell already adopted is refused (409): the first stands.
          const saved = await savePlan(db, actor, cellId, quarter, { goals }).catch(() => undefined);
          if (!saved || !w.adopt) continue;
          const meeting = await buildMeeting(db, cellId, { startsAt: new Date(start + (end - start) * w.dayFraction).toISOString() });
          await holdMeeting(db, meeting.id);
          await adoptPlan(db, actor, cellId, quarter, { meetingId: meeting.id });
          if (!w.review) continue;
          const adopted = await getPlan(db, actor, cellId, quarter);
          const marks = adopted.goals.map((g, i) => ({ id: g.id, met: i % 2 === 0 }));
          await reviewPlan(db, actor, cellId, quarter, { goals: marks }, today).catch(() => undefined);
        }
        if (plan.rebuild >= 0) await materializePeriod(db, periods[plan.rebuild]!);
        const units = [...committees, ...cells];
        for (const mv of plan.moves) {
          const unit = units[mv.unit % units.length]!;
          const to = committees[mv.to % committees.length]!;
          await moveUnit(db, actor, unit, to).catch(() => undefined); // moves under itself are refused, as they should be
        }
        for (const ci of plan.closes) {
          const cellIndex = ci % cells.length;
          const other = cells.find((_, i) => i !== cellIndex);
          if (!other) continue;
          for (const p of [...people[cellIndex]!, ...(candidates[cellIndex] ?? [])])
            await transferPerson(db, actor, p, { toCellId: other, date: today });
          await closeUnit(db, actor, cells[cellIndex]!, today);
        }

        for (const r of plan.resectors) await updateUnit(db, actor, cells[r.cell % cells.length]!, { sector: r.sector });

        await foldAllRollups(db);
        const committeeIds = [runRoot, ...committees];
        for (const period of periods) {
          const expected = await bruteForceRollups(db, period, nextPeriod(period), today, committeeIds);
          const stored = await db
            .selectFrom('unit_rollups')
            .select(['unit_id', 'standard_code', 'sector', 'cells_total', 'cells_meeting'])
            .where('period', '=', period)
            .where('unit_id', 'in', committeeIds)
            .execute();
          const actual = Object.fromEntries(
            stored
              .filter((r) => r.cells_total !== 0 || r.cells_meeting !== 0)
              .map((r) => [`${r.unit_id}|${r.standard_code}|${r.sector}`, [r.cells_total, r.cells_meeting]]),
          );
          expect(actual, `period ${period}`).toEqual(expected);
          // The summed roll-ups (attendance present and expected, the assignments' figures) equal the plain sums over the same cells.
          const sums = await db
            .selectFrom('unit_sums')
            .select(['unit_id', 'key', 'sector', 'value'])
            .where('period', '=', period)
            .where('unit_id', 'in', committeeIds)
            .execute();
          expect(
            Object.fromEntries(sums.filter((r) => r.value !== 0).map((r) => [`${r.unit_id}|${r.key}|${r.sector}`, r.value])),
            `sums ${period}`,
          ).toEqual({
            ...(await bruteForceAttendanceSums(db, period, nextPeriod(period), today, committeeIds)),
            ...(await bruteForceEducationSums(db, period, nextPeriod(period), today, committeeIds)),
            ...(await bruteForceMentorshipSums(db, period, nextPeriod(period), today, committeeIds)),
            ...(await bruteForceVisitSums(db, period, nextPeriod(period), today, committeeIds)),
            ...(await bruteForcePlanSums(db, period, nextPeriod(period), today, committeeIds)),
          });
          // The worst cells, found through the paths stored with the verdicts (kept through moves) and
          // through the tree itself, equal the brute-force list; a short page, so ties are cut.
          const worst = await bruteForceWorst(db, period, nextPeriod(period), today, committeeIds, 3);
          for (const id of committeeIds) {
            const { path } = await db
              .selectFrom('units')
              .select(sql<string>`path::text`.as('path'))
              .where('id', '=', id)
              .executeTakeFirstOrThrow();
            for (const small of [true, false]) {
              const found = await findWorstCells(db, actor, path, period, 3, small);
              expect(
                found.map((c) => c.id),
                `worst under ${id}, ${small ? 'small' : 'large'} plan, ${period}`,
              ).toEqual(worst[id]);
            }
          }
          // The cells behind each figure, read a page of one at a time (so the reader crosses every
          // stretch of the name order), are as many as the figure counts, each once.
          for (const [key, [total, meeting]] of Object.entries(expected)) {
            const [unit, code, sector] = key.split('|');
            if (sector !== '*') continue;
            for (const meets of [undefined, true, false]) {
              const ids: number[] = [];
              let cursor: string | undefined;
              do {
                const page = await listComplianceCells(db, actor, Number(unit), { period, standard: code!, meets, limit: 1, cursor });
                ids.push(...page.items.map((i) => i.cellId));
                cursor = page.nextCursor ?? undefined;
              } while (cursor);
              expect(ids.length, `cells behind ${key} (meets ${meets}), ${period}`).toBe(
                meets === undefined ? total : meets ? meeting : total! - meeting!,
              );
              expect(new Set(ids).size).toBe(ids.length);
            }
          }
        }
      }),
      { numRuns: Number(process.env.ROLLUP_RUNS ?? 12) },
    );
  }, 600_000);

  it('an incrementally kept period equals a full rebuild of it', async () => {
    const period = periodOf(todayIso());
    // Every committee's roll-up and every cell's verdicts (with their figures, failing counts and paths).
    const snapshot = () =>
      sql<{ k: string }>`select unit_id || '|' || standard_code || '|' || sector || '|' || cells_total || '|' || cells_meeting as k
      from unit_rollups where period = ${period}::date and (cells_total <> 0 or cells_meeting <> 0)
      union all
      select cell_id || '|' || standard_code || '|' || meets || '|' || coalesce(x::text, '') || '|' || coalesce(y::text, '') || '|' || coalesce(failing::text, '') || '|' || coalesce(path::text, '')
      from cell_compliance where period = ${period}::date
      union all
      select unit_id || '|' || key || '|' || sector || '|' || value from unit_sums where period = ${period}::date and value <> 0
      union all
      select cell_id || '|' || key || '|' || value from cell_metrics where period = ${period}::date order by 1`.execute(t.ctx.db);
    await foldAllRollups(t.ctx.db);
    const before = (await snapshot()).rows.map((r) => r.k);
    await materializePeriod(t.ctx.db, period);
    const after = (await snapshot()).rows.map((r) => r.k);
    expect(after).toEqual(before);
    expect(before.length).toBeGreaterThan(0);
  });
});
