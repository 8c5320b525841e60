/**
 * Problems raised at visits, each tracked to a solution (decision 0028): open → in progress → solved
 * (with the resolution) or dropped (with the reason); a closed problem may be reopened. Its owner, the
 * cell's secretary and the officials above change the status; the officials above also the owner and
 * the due day. Every change is audited and names the `visits` fact (the open-problem counts).
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { findUnitInScope } from '../../access/lookups.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { badRequest, forbidden, notFound } from '../../errors.ts';
import { pageFrom } from '../../http/pagination.ts';
import { decodeDayCursor } from '../../http/pagination.ts';
import type { UpdateProblem } from '../../../shared/schemas/visits.ts';
import { recordAudit } from '../audit/service.ts';
import { refreshFacts } from '../compliance/engine.ts';
import { todayIso } from '../compliance/periods.ts';
import { mayReassignProblem, mayUpdateProblem } from './access.ts';
import { canSeePersonalPath } from '../../access/actor.ts';
import { onRoll, problemQuery, toProblem } from './queries.ts';

const CLOSED = new Set(['solved', 'dropped']);

export function updateProblem(db: Db, actor: Actor, id: number, input: UpdateProblem, today = todayIso()) {
  return inTransaction(db, async (trx) => {
    const p = await problemQuery(trx).where('p.id', '=', id).forUpdate('p').executeTakeFirst();
    if (!p || !canSeePersonalPath(actor, p.path)) throw notFound('problem.notFound');
    if (!mayUpdateProblem(actor, p) && !mayReassignProblem(actor, p)) throw forbidden('problem.notYours');
    const reassigning = input.ownerPersonId !== undefined || input.dueOn !== undefined;
    if (reassigning && !mayReassignProblem(actor, p)) throw forbidden('problem.officialsReassign');
    if ((input.status !== undefined || input.resolution !== undefined) && !mayUpdateProblem(actor, p)) throw forbidden('problem.notYours');
    if (input.status === undefined && input.resolution === undefined && !reassigning) throw badRequest('visit.nothingToChange');
    const status = input.status ?? p.status;
    const closing = CLOSED.has(status);
    const resolution = closing ? (input.resolution ?? (CLOSED.has(p.status) ? p.resolution : null)) : (input.resolution ?? null);
    if (closing && !resolution) throw badRequest('problem.resolutionRequired', { details: { field: 'resolution' } });
    if (input.dueOn !== undefined && input.dueOn < p.raised_on) throw badRequest('visit.dueBeforeHeld', { details: { field: 'dueOn' } });
    if (
      input.ownerPersonId != null &&
      input.ownerPersonId !== actor.personId &&
      !(await onRoll(trx, Number(p.cell_id), input.ownerPersonId))
    )
      throw badRequest('visit.ownerNotInCell', { details: { field: 'ownerPersonId' } });
    const wasClosed = CLOSED.has(p.status);
    const closedOn = closing ? (wasClosed ? p.closed_on : today) : null;
    await trx
      .updateTable('visit_problems')
      .set({
        status,
        resolution,
        closed_on: closedOn,
        ...(input.ownerPersonId !== undefined ? { owner_person_id: input.ownerPersonId } : {}),
        ...(input.dueOn !== undefined ? { due_on: input.dueOn } : {}),
        updated_at: sql<Date>`now()`,
        updated_by: actor.accountId || null,
      })
      .where('cell_id', '=', p.cell_id)
      .where('id', '=', p.id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'visit_problem.update',
      entity: 'visit_problem',
      entityId: Number(p.id),
      unitId: Number(p.cell_id),
      before: { status: p.status, ownerPersonId: p.owner_person_id, dueOn: p.due_on },
      after: { status, ownerPersonId: input.ownerPersonId, dueOn: input.dueOn, resolved: resolution !== null },
    });
    // Open or closed moves the open-problem counts from the earlier of the two days on.
    if (closing !== wasClosed) {
      const from = p.closed_on !== null && p.closed_on < today ? p.closed_on : today;
      await refreshFacts(trx, [Number(p.cell_id)], [{ fact: 'visits', on: from }]);
    }
    const row = await problemQuery(trx).where('p.cell_id', '=', p.cell_id).where('p.id', '=', p.id).executeTakeFirstOrThrow();
    return toProblem(actor, row, today);
  });
}

/**
 * The problems under a unit (a committee's subtree, or one cell), soonest due first, one keyset page:
 * `open` (open or in progress), `overdue` (of those, past their due day) or `all`. Read by those who
 * read the unit's personal data: a cell's secretary, the officials above.
 */
export async function listProblems(
  db: Db,
  actor: Actor,
  unitId: number,
  q: { filter: 'open' | 'overdue' | 'all'; limit: number; cursor?: string },
  today = todayIso(),
) {
  const unit = await findUnitInScope(db, actor, unitId, 'personal');
  if (!unit) throw notFound('unit.notFound');
  const after = decodeDayCursor(q.cursor);
  let query = problemQuery(db).where(sql<boolean>`u.path <@ ${unit.path}::ltree`);
  if (q.filter !== 'all') query = query.where('p.status', 'in', ['open', 'in_progress']);
  if (q.filter === 'overdue') query = query.where('p.due_on', '<', today);
  if (after) query = query.where(sql<boolean>`(p.due_on, p.id) > (${after[0]}::date, ${after[1]}::bigint)`);
  const rows = await query
    .orderBy('p.due_on')
    .orderBy('p.id')
    .limit(q.limit + 1)
    .execute();
  return pageFrom(
    rows.map((r) => toProblem(actor, r, today)),
    q.limit,
    (r) => [r.dueOn, r.id],
  );
}
