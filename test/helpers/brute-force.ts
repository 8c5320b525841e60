/**
 * An independent, deliberately plain computation of the compliance roll-ups straight from the raw
 * rows, in TypeScript, for checking the engine's SQL.
 */
import { sql } from 'kysely';
import type { Database } from '../../src/server/db/database.ts';
import type { OracleFacts } from '../../src/server/modules/compliance/plugin.ts';
import { standardKind } from '../../src/server/modules/rulebook-registry.ts';
import { quarterDays, quarterOf } from '../../src/shared/schemas/work-plans.ts';

type Standard = {
  code: string;
  kind: string;
  params: Record<string, number | string>;
  scope_path: string | null;
  scope_sector: string | null;
};

/** Every open cell's verdicts for the period ('*': meets them all), computed from the raw rows. */
async function bruteForceVerdicts(db: Database, period: string, next: string, today: string) {
  const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const end = tomorrow < next ? tomorrow : next;
  const units = (
    await sql<{ id: number; kind: string; path: string; sector: string | null; opened_on: string; closed_on: string | null }>`
    select id, kind, path::text as path, sector, opened_on::text, closed_on::text from units`.execute(db)
  ).rows;
  const meetings = await db.selectFrom('meetings').select(['id', 'cell_id', 'kind', 'status', 'meets_on']).execute();
  const attendance = await db.selectFrom('attendance').select(['meeting_id', 'status']).execute();
  const followUps = await db.selectFrom('follow_ups').select(['cell_id', 'created_on', 'resolved_on']).execute();
  const actions = await db.selectFrom('decision_actions').select(['cell_id', 'due_on', 'status', 'closed_on']).execute();
  const deliveries = (
    await sql<{ cell_id: number; opened_at: Date; opened_on: string; acknowledged_at: Date | null; briefed_on: string | null }>`
    select dd.cell_id, r.opened_at, r.opened_at::date::text as opened_on, dd.acknowledged_at, dd.briefed_on::text as briefed_on
    from directive_deliveries dd join directive_rounds r on r.directive_id = dd.directive_id and r.round = dd.round`.execute(db)
  ).rows;
  // Education: the meetings on themes, the memberships on the data's last day and every learning plan saved.
  const themed = new Set((await db.selectFrom('meeting_themes').select('meeting_id').execute()).map((r) => Number(r.meeting_id)));
  const memberships = await db
    .selectFrom('memberships')
    .select(['cell_id', 'person_id', 'role', sql<string>`from_date::text`.as('from_date'), sql<string | null>`to_date::text`.as('to_date')])
    .execute();
  const planHistory = (
    await db
      .selectFrom('learning_plan_history')
      .select(['person_id', 'id', 'set_at', sql<number>`cardinality(theme_ids)`.as('themes')])
      .execute()
  ).map((h) => ({ person_id: Number(h.person_id), id: Number(h.id), set_at: new Date(h.set_at), themes: Number(h.themes) }));
  const assignments = await db
    .selectFrom('assignments')
    .select(['cell_id', 'person_id', 'given_on', 'closed_on', 'due_on', 'status', 'score'])
    .execute();
  // Youth work and mentorships (issue 13): the cells' mentorships and youth groups.
  const mentorships = await db
    .selectFrom('mentorships')
    .select(['cell_id', 'mentee_id', sql<string>`started_on::text`.as('started_on'), sql<string | null>`ended_on::text`.as('ended_on')])
    .execute();
  const youthGroups = await db
    .selectFrom('youth_groups')
    .select([
      'cell_id',
      sql<string>`created_on::text`.as('created_on'),
      sql<string | null>`closed_on::text`.as('closed_on'),
      'assigned_person_id',
    ])
    .execute();
  // Officials' visits (issue 14): the held ones.
  const visits = await db
    .selectFrom('visits')
    .select(['cell_id', sql<string>`held_on::text`.as('held_on')])
    .where('status', '=', 'held')
    .execute();
  // Ideas (issue 15): the day each was submitted.
  const ideas = await db
    .selectFrom('ideas')
    .select(['cell_id', sql<string>`submitted_on::text`.as('submitted_on')])
    .where('status', '<>', 'withdrawn') // withdrawn by their authors: out of the counts
    .execute();
  // Cells' work plans (issue 15): the quarter, the day adopted and the goals counted.
  const workPlans = (
    await sql<{ cell_id: number; period: string; adopted_on: string | null; goals: number }>`select wp.cell_id, wp.period,
      wp.adopted_on::text as adopted_on, (select count(*)::int from work_plan_goals g where g.cell_id = wp.cell_id and g.plan_id = wp.id) as goals
    from work_plans wp`.execute(db)
  ).rows;
  const standards = (
    await sql<Standard>`select s.code, s.kind, s.params, su.path::text as scope_path, s.scope_sector
    from standards s left join units su on su.id = s.scope_unit_id
    where s.valid_from <= ${period}::date and (s.valid_to is null or s.valid_to > ${period}::date)`.execute(db)
  ).rows;

  // A cell opened during the month is not judged in it (decision 0005): it has no verdicts at all.
  const openCells = units.filter((u) => u.kind === 'cell' && u.opened_on <= period && (u.closed_on === null || u.closed_on > period));
  const meets = new Map<number, Map<string, boolean>>();
  for (const cell of openCells) {
    const results = new Map<string, boolean>();
    const held = meetings.filter((m) => m.cell_id === cell.id && m.status === 'held');
    const heldIds = new Set(held.map((m) => m.id));
    const facts: OracleFacts = {
      cell: { id: cell.id, opened_on: cell.opened_on },
      period,
      end,
      held,
      attendance: attendance.filter((a) => heldIds.has(a.meeting_id)),
      followUps: followUps.filter((f) => f.cell_id === cell.id),
      actions: actions.filter((a) => a.cell_id === cell.id),
      deliveries: deliveries.filter((d) => Number(d.cell_id) === cell.id),
      themedMeetingIds: held.filter((m) => themed.has(Number(m.id))).map((m) => m.id),
      members: memberships
        .filter((ms) => Number(ms.cell_id) === cell.id && ms.from_date < end && (ms.to_date === null || ms.to_date >= end))
        .map((ms) => Number(ms.person_id)),
      planHistory,
      memberships: memberships.filter((m) => Number(m.cell_id) === cell.id),
      assignments: assignments.filter((a) => Number(a.cell_id) === cell.id),
      mentorships: mentorships.filter((m) => Number(m.cell_id) === cell.id).map((m) => ({ ...m, mentee_id: Number(m.mentee_id) })),
      youthGroups: youthGroups
        .filter((g) => Number(g.cell_id) === cell.id)
        .map((g) => ({ created_on: g.created_on, closed_on: g.closed_on, assigned: g.assigned_person_id !== null })),
      visits: visits.filter((v) => Number(v.cell_id) === cell.id).map((v) => ({ held_on: v.held_on })),
      ideas: ideas.filter((i) => Number(i.cell_id) === cell.id).map((i) => ({ submitted_on: i.submitted_on })),
      workPlans: workPlans
        .filter((wp) => Number(wp.cell_id) === cell.id)
        .map((wp) => ({ period: wp.period, adopted_on: wp.adopted_on, goals: wp.goals })),
    };
    for (const s of standards) {
      if (s.scope_path && !(cell.path === s.scope_path || cell.path.startsWith(`${s.scope_path}.`))) continue;
      if (s.scope_sector && cell.sector !== s.scope_sector) continue;
      // Each kind's own oracle, from the registry; a kind the registry does not know fails the check.
      const kind = standardKind(s.kind);
      if (!kind) throw new Error(`the oracle has no kind ${s.kind}`);
      const ok = kind.oracle(facts, kind.params.parse(s.params));
      results.set(s.code, ok);
    }
    results.set('*', [...results.values()].every(Boolean));
    meets.set(cell.id, results);
  }
  return { units, openCells, meets, meetings, attendanceRows: attendance, end, memberships, planHistory, assignments };
}

const under = (path: string) => (cell: { path: string }) => cell.path.startsWith(`${path}.`);

export async function bruteForceRollups(db: Database, period: string, next: string, today: string, committeeIds: number[]) {
  const { units, openCells, meets } = await bruteForceVerdicts(db, period, next, today);

  // Keyed committee|standard|sector, where sector '*' is every cell and '' a cell without a sector.
  const expected: Record<string, [number, number]> = {};
  for (const committeeId of committeeIds) {
    const c = units.find((u) => u.id === committeeId)!;
    for (const cell of openCells.filter(under(c.path))) {
      for (const [code, ok] of meets.get(cell.id)!) {
        for (const sector of ['*', cell.sector ?? '']) {
          const key = `${committeeId}|${code}|${sector}`;
          const [total, meeting] = expected[key] ?? [0, 0];
          expected[key] = [total + 1, meeting + (ok ? 1 : 0)];
        }
      }
    }
  }
  return expected;
}

/**
 * Each committee's worst cells: the open cells under it failing at least one standard, most failures
 * first, then by name and id; the first `limit` ids.
 */
export async function bruteForceWorst(db: Database, period: string, next: string, today: string, committeeIds: number[], limit: number) {
  const { units, openCells, meets } = await bruteForceVerdicts(db, period, next, today);
  const names = new Map((await db.selectFrom('units').select(['id', 'name']).execute()).map((u) => [u.id, u.name]));
  const failing = (id: number) => [...meets.get(id)!].filter(([code, ok]) => code !== '*' && !ok).length;
  const byte = (s: string) => Buffer.from(s); // names compare as the database's C collation does
  return Object.fromEntries(
    committeeIds.map((committeeId) => {
      const c = units.find((u) => u.id === committeeId)!;
      const worst = openCells
        .filter(under(c.path))
        .map((cell) => ({ id: cell.id, failing: failing(cell.id), name: names.get(cell.id)! }))
        .filter((x) => x.failing > 0)
        .sort((x, y) => y.failing - x.failing || Buffer.compare(byte(x.name), byte(y.name)) || x.id - y.id);
      return [committeeId, worst.slice(0, limit).map((x) => x.id)];
    }),
  );
}

/**
 * The summed roll-ups of attendance: for every committee and sector ('*' = all), the present and
 * expected counts of the held meetings in the month of the cells under it judged that month, by
 * meeting kind (keys as the metrics name them); and the assignments module's figures (issue 12).
 */
export async function bruteForceAttendanceSums(db: Database, period: string, next: string, today: string, committeeIds: number[]) {
  const { units, openCells, meetings, attendanceRows, end, memberships, assignments } = await bruteForceVerdicts(db, period, next, today);
  const expected: Record<string, number> = {};
  for (const committeeId of committeeIds) {
    const c = units.find((u) => u.id === committeeId)!;
    for (const cell of openCells.filter(under(c.path))) {
      // The assignments module's sums (issue 12): the roll at the data end, who of it had work active, what fell due.
      const roll = new Set(
        memberships
          .filter((m) => m.cell_id === cell.id && m.from_date < end && (m.to_date === null || m.to_date >= end))
          .map((m) => m.person_id),
      );
      const mine = assignments.filter((a) => a.cell_id === cell.id);
      const activeIds = new Set(
        mine.filter((a) => a.given_on < end && (a.closed_on === null || a.closed_on >= period)).map((a) => a.person_id),
      );
      const due = mine.filter((a) => a.status !== 'cancelled' && a.due_on >= period && a.due_on < end);
      for (const sector of ['*', cell.sector ?? '']) {
        for (const [key, n] of [
          ['assignments:members', roll.size],
          ['assignments:active_members', [...roll].filter((p) => activeIds.has(p)).length],
          ['assignments:due', due.length],
          ['assignments:evaluated', due.filter((a) => a.score !== null).length],
          ['assignments:score_sum', due.reduce((sum, a) => sum + (a.score ?? 0), 0)],
        ] as const) {
          const k = `${committeeId}|${key}|${sector}`;
          expected[k] = (expected[k] ?? 0) + n;
        }
      }
      const held = meetings.filter((m) => m.cell_id === cell.id && m.status === 'held' && m.meets_on >= period && m.meets_on < end);
      for (const m of held) {
        const rows = attendanceRows.filter((a) => a.meeting_id === m.id);
        for (const sector of ['*', cell.sector ?? '']) {
          for (const [key, n] of [
            [`attendance_present:${m.kind}`, rows.filter((a) => a.status === 'present').length],
            [`attendance_expected:${m.kind}`, rows.length],
          ] as const) {
            const k = `${committeeId}|${key}|${sector}`;
            expected[k] = (expected[k] ?? 0) + n;
          }
        }
      }
    }
  }
  return Object.fromEntries(Object.entries(expected).filter(([, v]) => v !== 0));
}

/**
 * The education module's summed roll-ups (issue 12), plainly: per committee and sector, over the cells
 * under it judged that month, the education sessions held, the (member, theme) pairs completed at them,
 * the technical sessions held and the members with a current learning plan.
 */
export async function bruteForceEducationSums(db: Database, period: string, next: string, today: string, committeeIds: number[]) {
  const { units, openCells, meetings, end, memberships, planHistory: history } = await bruteForceVerdicts(db, period, next, today);
  const themes = await db.selectFrom('meeting_themes').select(['meeting_id', 'theme_id']).execute();
  const present = await db.selectFrom('attendance').select(['meeting_id', 'person_id']).where('status', '=', 'present').execute();
  const { planShareOf } = await import('../../src/server/modules/education/standards/learning-plan-share.ts');
  const expected: Record<string, number> = {};
  const add = (key: string, n: number) => {
    expected[key] = (expected[key] ?? 0) + n;
  };
  for (const committeeId of committeeIds) {
    const c = units.find((u) => u.id === committeeId)!;
    for (const cell of openCells.filter(under(c.path))) {
      const held = meetings.filter((m) => m.cell_id === cell.id && m.status === 'held' && m.meets_on >= period && m.meets_on < end);
      const themed = held.filter((m) => m.kind === 'study' && themes.some((t) => Number(t.meeting_id) === m.id));
      const pairs = new Set(
        themed.flatMap((m) =>
          present
            .filter((a) => Number(a.meeting_id) === m.id)
            .flatMap((a) => themes.filter((t) => Number(t.meeting_id) === m.id).map((t) => `${a.person_id}|${t.theme_id}`)),
        ),
      );
      const members = memberships
        .filter((ms) => Number(ms.cell_id) === cell.id && ms.from_date < end && (ms.to_date === null || ms.to_date >= end))
        .map((ms) => Number(ms.person_id));
      const share = planShareOf({ end, members, planHistory: history } as Parameters<typeof planShareOf>[0]);
      for (const sector of ['*', cell.sector ?? '']) {
        const k = (key: string) => `${committeeId}|${key}|${sector}`;
        add(k('education_sessions'), themed.length);
        add(k('themes_completed'), pairs.size);
        add(k('meetings_held:technical'), held.filter((m) => m.kind === 'technical').length);
        add(k('learning_plan:members'), share.members);
        add(k('learning_plan:current'), share.current);
      }
    }
  }
  return Object.fromEntries(Object.entries(expected).filter(([, v]) => v !== 0));
}

/**
 * The mentorships module's summed roll-ups (issue 13), plainly: per committee and sector, over the
 * cells under it judged that month, the mentorships active at the data end (and across cells), ended,
 * the log's meetings and reviews in the month, the candidates and those mentored, the youth groups open
 * at the data end, those with an assigned member, and their young people.
 */
export async function bruteForceMentorshipSums(db: Database, period: string, next: string, today: string, committeeIds: number[]) {
  const { units, openCells, end, memberships } = await bruteForceVerdicts(db, period, next, today);
  const pairs = await db
    .selectFrom('mentorships')
    .select([
      'cell_id',
      'mentee_id',
      'mentee_cell_id',
      sql<string>`started_on::text`.as('started_on'),
      sql<string | null>`ended_on::text`.as('ended_on'),
    ])
    .execute();
  const log = await db
    .selectFrom('mentorship_log')
    .select(['cell_id', 'kind', sql<string>`met_on::text`.as('met_on')])
    .execute();
  const groups = await db
    .selectFrom('youth_groups as g')
    .select([
      'g.cell_id',
      'g.assigned_person_id',
      sql<string>`g.created_on::text`.as('created_on'),
      sql<string | null>`g.closed_on::text`.as('closed_on'),
    ])
    .select((eb) =>
      eb
        .selectFrom('youth_group_members as y')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('y.cell_id', '=', 'g.cell_id')
        .whereRef('y.group_id', '=', 'g.id')
        .as('young'),
    )
    .execute();
  const expected: Record<string, number> = {};
  const add = (k: string, n: number) => {
    expected[k] = (expected[k] ?? 0) + n;
  };
  for (const committeeId of committeeIds) {
    const c = units.find((u) => u.id === committeeId)!;
    for (const cell of openCells.filter(under(c.path))) {
      const mine = pairs.filter((m) => Number(m.cell_id) === cell.id);
      const active = mine.filter((m) => m.started_on < end && (m.ended_on === null || m.ended_on >= end));
      const candidates = new Set(
        memberships
          .filter(
            (m) => Number(m.cell_id) === cell.id && m.role === 'candidate' && m.from_date < end && (m.to_date === null || m.to_date >= end),
          )
          .map((m) => Number(m.person_id)),
      );
      const mentored = new Set(active.map((m) => Number(m.mentee_id)));
      const entries = log.filter((l) => Number(l.cell_id) === cell.id && l.met_on >= period && l.met_on < end);
      const open = groups.filter(
        (g) => Number(g.cell_id) === cell.id && g.created_on < end && (g.closed_on === null || g.closed_on >= end),
      );
      for (const sector of ['*', cell.sector ?? '']) {
        const k = (key: string) => `${committeeId}|${key}|${sector}`;
        add(k('mentorships:active'), active.length);
        add(k('mentorships:across'), active.filter((m) => m.mentee_cell_id !== null).length);
        add(k('mentorships:ended'), mine.filter((m) => m.ended_on !== null && m.ended_on >= period && m.ended_on < end).length);
        add(k('mentorships:meetings'), entries.filter((l) => l.kind === 'meeting').length);
        add(k('mentorships:reviews'), entries.filter((l) => l.kind === 'review').length);
        add(k('mentorships:candidates'), candidates.size);
        add(k('mentorships:candidates_mentored'), [...candidates].filter((p) => mentored.has(p)).length);
        add(k('youth_groups:groups'), open.length);
        add(k('youth_groups:assigned'), open.filter((g) => g.assigned_person_id !== null).length);
        add(
          k('youth_groups:young_people'),
          open.reduce((n, g) => n + Number(g.young), 0),
        );
      }
    }
  }
  return Object.fromEntries(Object.entries(expected).filter(([, v]) => v !== 0));
}

/** The stored roll-ups of `unitId` for `period` (non-empty rows), keyed as bruteForceRollups keys them. */
export async function storedRollups(db: Database, period: string, unitId: number): Promise<Record<string, [number, number]>> {
  const stored = await db
    .selectFrom('unit_rollups')
    .select(['unit_id', 'standard_code', 'sector', 'cells_total', 'cells_meeting'])
    .where('period', '=', period)
    .where('unit_id', '=', unitId)
    .execute();
  return Object.fromEntries(
    stored
      .filter((r) => r.cells_total !== 0 || r.cells_meeting !== 0)
      .map((r) => [`${r.unit_id}|${r.standard_code}|${r.sector}`, [r.cells_total, r.cells_meeting] as [number, number]]),
  );
}

/**
 * The visits module's summed roll-ups (issue 14): per committee and sector, over the cells under it
 * judged in the month, the visits held in the month, the cells visited in the month and in the 3, 6
 * and 12 months ending with it, and the problems open at the data end.
 */
export async function bruteForceVisitSums(db: Database, period: string, next: string, today: string, committeeIds: number[]) {
  const { units, openCells, end } = await bruteForceVerdicts(db, period, next, today);
  const held = await db
    .selectFrom('visits')
    .select(['cell_id', sql<string>`held_on::text`.as('held_on')])
    .where('status', '=', 'held')
    .execute();
  const problems = await db
    .selectFrom('visit_problems')
    .select(['cell_id', sql<string>`raised_on::text`.as('raised_on'), sql<string | null>`closed_on::text`.as('closed_on')])
    .execute();
  const monthsBack = (n: number) => {
    const d = new Date(`${period}T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() - (n - 1));
    return d.toISOString().slice(0, 10);
  };
  const expected: Record<string, number> = {};
  for (const committeeId of committeeIds) {
    const c = units.find((u) => u.id === committeeId)!;
    for (const cell of openCells.filter(under(c.path))) {
      const days = held.filter((v) => Number(v.cell_id) === cell.id && v.held_on < end).map((v) => v.held_on);
      const inWindow = (n: number) => (days.some((d) => d >= monthsBack(n)) ? 1 : 0);
      const open = problems.filter(
        (p) => Number(p.cell_id) === cell.id && p.raised_on < end && (p.closed_on === null || p.closed_on >= end),
      );
      for (const sector of ['*', cell.sector ?? '']) {
        for (const [key, n] of [
          ['visits:held', days.filter((d) => d >= period).length],
          ['visits:visited', inWindow(1)],
          ['visits:visited_3m', inWindow(3)],
          ['visits:visited_6m', inWindow(6)],
          ['visits:visited_12m', inWindow(12)],
          ['visits:problems_open', open.length],
        ] as const) {
          if (n === 0) continue;
          const k = `${committeeId}|${key}|${sector}`;
          expected[k] = (expected[k] ?? 0) + n;
        }
      }
    }
  }
  return expected;
}

/**
 * The work plans' summed roll-ups (issue 15, decision 0031): per committee and sector, over the cells
 * under it judged in the month, the plans of the month's quarter (`plans:<status>`) and of the next
 * quarter (`plans:next:<status>`) in each state now.
 */
export async function bruteForcePlanSums(db: Database, period: string, next: string, today: string, committeeIds: number[]) {
  const { units, openCells } = await bruteForceVerdicts(db, period, next, today);
  const plans = await db.selectFrom('work_plans').select(['cell_id', 'period', 'status']).execute();
  const quarter = quarterOf(period);
  const following = quarterOf(quarterDays(quarter).endsOn);
  const expected: Record<string, number> = {};
  for (const committeeId of committeeIds) {
    const c = units.find((u) => u.id === committeeId)!;
    for (const cell of openCells.filter(under(c.path))) {
      for (const p of plans.filter((p) => Number(p.cell_id) === cell.id)) {
        const prefix = p.period === quarter ? 'plans:' : p.period === following ? 'plans:next:' : null;
        if (!prefix) continue;
        for (const sector of ['*', cell.sector ?? '']) {
          const k = `${committeeId}|${prefix}${p.status}|${sector}`;
          expected[k] = (expected[k] ?? 0) + 1;
        }
      }
    }
  }
  return expected;
}
