/** Reading visits: one with its report and problems, the visits under a unit, the official's own. */
import type { Actor } from '../../access/actor.ts';
import { findUnitInScope } from '../../access/lookups.ts';
import type { Db } from '../../db/database.ts';
import { badRequest, notFound } from '../../errors.ts';
import { pageFrom } from '../../http/pagination.ts';
import type { Visit, VisitListQuery } from '../../../shared/schemas/visits.ts';
import { todayIso } from '../compliance/periods.ts';
import { mayActOnVisit, maySeeVisit } from './access.ts';
import { correctableUntil } from './correction.ts';
import { findVisit, problemQuery, selectVisitPage, summaryQuery, toProblem, toSummary } from './queries.ts';

/** The visit with its report and problems: for its cell's secretary and deputy, the officials above, the centre; 404 for anyone else. */
export async function getVisit(db: Db, actor: Actor, id: number, today = todayIso()): Promise<Visit> {
  const v = await findVisit(db, id);
  if (!v || !maySeeVisit(actor, v)) throw notFound('visit.notFound');
  const [summary, problems] = await Promise.all([
    summaryQuery(db).where('v.cell_id', '=', v.cell_id).where('v.id', '=', v.id).executeTakeFirstOrThrow(),
    problemQuery(db).where('p.cell_id', '=', v.cell_id).where('p.visit_id', '=', v.id).orderBy('p.id').execute(),
  ]);
  return {
    ...toSummary(summary),
    cancelledOn: v.cancelled_on,
    report:
      v.held_on === null
        ? null
        : {
            heldOn: v.held_on,
            membersMet: v.members_met ?? 0,
            findings: v.findings,
            reportedAt: v.reported_at ? new Date(v.reported_at).toISOString() : null,
            correctableUntil: correctableUntil(v),
          },
    problems: problems.map((p) => toProblem(actor, p, today)),
    canAct: mayActOnVisit(actor, v),
    rollSize: v.member_count,
  };
}

const checkPeriod = (period: string | undefined) => {
  if (period !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) throw badRequest('period.badFormat');
};

/** The visits to the cells under a unit (or to one cell), newest first: for those who read its personal data. */
export async function listUnitVisits(db: Db, actor: Actor, unitId: number, q: VisitListQuery) {
  checkPeriod(q.period);
  const unit = await findUnitInScope(db, actor, unitId, 'personal');
  if (!unit) throw notFound('unit.notFound');
  const rows = await selectVisitPage(db, actor, { path: unit.path, status: q.status, period: q.period }, q.limit, q.cursor);
  const page = pageFrom(rows, q.limit, (r) => [r.day, Number(r.id)]);
  return { items: page.items.map(toSummary), nextCursor: page.nextCursor };
}

/** The visits the signed-in official planned, newest first. */
export async function listMyVisits(db: Db, actor: Actor, q: VisitListQuery) {
  checkPeriod(q.period);
  const rows = await selectVisitPage(db, actor, { plannedBy: actor.accountId, status: q.status, period: q.period }, q.limit, q.cursor);
  const page = pageFrom(rows, q.limit, (r) => [r.day, Number(r.id)]);
  return { items: page.items.map(toSummary), nextCursor: page.nextCursor };
}
