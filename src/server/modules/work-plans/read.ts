/** Reading work plans: a cell's plan for a period, its periods, a committee's cells' plans for a period. */
import { canManagePath, type Actor } from '../../access/actor.ts';
import { findUnitInScope, requireCell, type ScopedUnit } from '../../access/lookups.ts';
import type { Db } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import { decodeCursor, pageFrom } from '../../http/pagination.ts';
import {
  quarterDays,
  quarterOf,
  type CommitteePlans,
  type CommitteePlansQuery,
  type WorkPlan,
} from '../../../shared/schemas/work-plans.ts';
import { ensurePeriod } from '../compliance/engine.ts';
import { periodOf, todayIso, type Period } from '../compliance/periods.ts';
import {
  cellPlans,
  committeePlanPage,
  countsOf,
  farPlanCounts,
  findPlan,
  planCountsFromSums,
  planGoals,
  type PlanCounts,
} from './queries.ts';
import { NEXT_PLANS_PREFIX, nextQuarter, PLANS_PREFIX } from './standards/plan-states.ts';

/** The cell's plan for the period (status `missing` when none was drafted): whoever sees the cell. */
export async function getPlan(db: Db, actor: Actor, cellId: number, period: string): Promise<WorkPlan> {
  const cell = await requireCell(db, actor, cellId, 'read');
  const plan = await findPlan(db, cell.id, period);
  const days = quarterDays(period);
  const goals = plan ? await planGoals(db, cell.id, Number(plan.id)) : [];
  return {
    cellId: cell.id,
    cellName: cell.name,
    period,
    startsOn: days.startsOn,
    endsOn: days.endsOn,
    status: plan?.status ?? 'missing',
    goals: goals.map((g) => ({
      id: Number(g.id),
      kind: g.kind,
      title: g.title,
      targetId: g.target_id === null ? null : Number(g.target_id),
      assignment:
        g.assignment_id === null || g.assignment_title === null
          ? null
          : {
              id: Number(g.assignment_id),
              title: g.assignment_title,
              status: g.assignment_status!,
              dueOn: g.assignment_due_on!,
              percent: g.assignment_percent ?? 0,
            },
      met: g.met,
      note: g.review_note,
    })),
    adoptedAt:
      plan?.adopted_meeting_id && plan.adopted_on
        ? { meetingId: Number(plan.adopted_meeting_id), on: plan.adopted_on, title: plan.meeting_title }
        : null,
    reviewedOn: plan?.reviewed_on ?? null,
    canEdit: canManagePath(actor, cell.path) && !cell.closed_on,
    reviewFrom: days.lastMonth,
  };
}

/** The cell's plans, newest period first. */
export async function listPlans(db: Db, actor: Actor, cellId: number) {
  const cell = await requireCell(db, actor, cellId, 'read');
  const rows = await cellPlans(db, cell.id);
  return { items: rows.map((r) => ({ period: r.period, status: r.status, goals: r.goals, met: r.met, adoptedOn: r.adopted_on })) };
}

/** A committee's open cells and their plans for a quarter (this one by default): counts by status and a page in name order. */
export async function getCommitteePlans(
  db: Db,
  actor: Actor,
  unitId: number,
  q: CommitteePlansQuery,
  today = todayIso(),
): Promise<CommitteePlans> {
  const unit = await findUnitInScope(db, actor, unitId, 'read');
  if (!unit) throw notFound('unit.notFound');
  const period = q.period ?? quarterOf(today);
  const after = decodeCursor(q.cursor);
  const [counts, rows] = await Promise.all([
    committeeCounts(db, unit, period, today),
    committeePlanPage(db, actor, unit, period, q.status, after, q.limit + 1),
  ]);
  const page = pageFrom(rows, q.limit, (r) => [r.name, r.id]);
  return {
    period,
    counts,
    items: page.items.map((r) => ({
      cellId: r.id,
      cellName: r.name,
      status: r.status,
      goals: r.goals,
      met: r.met,
      adoptedOn: r.adopted_on,
    })),
    nextCursor: page.nextCursor,
  };
}

/**
 * Which month's summed roll-ups hold the quarter's counts: the current month for this quarter (its
 * `plans:` keys) and the next (`plans:next:`), the last month of a past quarter; null prefix for a
 * quarter further ahead, counted directly.
 */
export function countsMonth(period: string, today: string): { month: Period; prefix: string | null } {
  const current = quarterOf(today);
  if (period === current) return { month: periodOf(today), prefix: PLANS_PREFIX };
  if (period < current) return { month: periodOf(quarterDays(period).lastMonth), prefix: PLANS_PREFIX };
  if (period === nextQuarter(current)) return { month: periodOf(today), prefix: NEXT_PLANS_PREFIX };
  return { month: periodOf(today), prefix: null };
}

/** The unit's counts of plans by state for the quarter; a month not built yet is built first (as the other roll-up reads do). */
async function committeeCounts(db: Db, unit: ScopedUnit, period: string, today: string): Promise<PlanCounts> {
  const { month, prefix } = countsMonth(period, today);
  if (prefix === null) {
    await ensurePeriod(db, month);
    return farPlanCounts(db, unit, period, month);
  }
  const first = await planCountsFromSums(db, unit.id, month, prefix);
  if (first.materialized) return countsOf(first, prefix);
  await ensurePeriod(db, month);
  return countsOf(await planCountsFromSums(db, unit.id, month, prefix), prefix);
}
