/** Reading work plans: a cell's plan for a period, its periods, a committee's cells' plans for a period. */
import { canManagePath, type Actor } from '../../access/actor.ts';
import { findUnitInScope, requireCell } from '../../access/lookups.ts';
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
import { todayIso } from '../compliance/periods.ts';
import { cellPlans, committeePlanPage, findPlan, planCounts, planGoals } from './queries.ts';

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
    planCounts(db, actor, unit, period),
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
