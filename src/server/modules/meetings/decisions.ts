/**
 * Decisions taken at a meeting and their follow-up actions (owner, due date, status), and follow-up
 * items for members who keep missing. Actions stay on the next meetings' agendas until closed; closing
 * one feeds the "actions closed by their due date" standard of the month it fell due.
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { followUpsVisible } from '../../access/fields.ts';
import { pathInScope } from '../../access/scope.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { badRequest, notFound } from '../../errors.ts';
import type { Meeting } from '../../../shared/schemas/meetings.ts';
import { recordAudit } from '../audit/service.ts';
import { refreshFacts } from '../compliance/engine.ts';
import { periodOf, todayIso } from '../compliance/periods.ts';
import { selectRoll } from './queries.ts';
import { getMeeting, lockMeeting } from './service.ts';
import { requireCell } from '../../access/lookups.ts';

type NewDecision = { text: string; actions: Array<{ title: string; ownerPersonId?: number | null; dueOn: string }> };

/** The cell's latest decisions (newest meeting first), for anyone who may read the cell's meetings. */
export async function listCellDecisions(db: Db, actor: Actor, cellId: number, limit = 50) {
  const cell = await requireCell(db, actor, cellId, 'read');
  const rows = await db
    .selectFrom('decisions as d')
    .innerJoin('meetings as m', (j) => j.onRef('m.cell_id', '=', 'd.cell_id').onRef('m.id', '=', 'd.meeting_id'))
    .select(['d.id', 'd.text', 'd.meeting_id', sql<string>`m.meets_on::text`.as('meets_on')])
    .where('d.cell_id', '=', cell.id)
    .orderBy('m.meets_on', 'desc')
    .orderBy('d.id', 'desc')
    .limit(limit)
    .execute();
  return { items: rows.map((r) => ({ id: Number(r.id), text: r.text, meetingId: Number(r.meeting_id), meetsOn: r.meets_on })) };
}

export function addDecision(db: Db, actor: Actor, meetingId: number, input: NewDecision): Promise<Meeting> {
  return inTransaction(db, async (trx) => {
    const m = await lockMeeting(trx, actor, meetingId, undefined);
    const owners = input.actions.map((a) => a.ownerPersonId).filter((x): x is number => typeof x === 'number');
    if (owners.length) {
      const roll = new Set((await selectRoll(trx, m.cell_id, todayIso() > m.meets_on ? todayIso() : m.meets_on)).map((r) => r.personId));
      const strangers = owners.filter((o) => !roll.has(o));
      if (strangers.length) throw badRequest('action.ownersNotOnRoll', { details: { notOnRoll: strangers } });
    }
    const decision = await trx
      .insertInto('decisions')
      .values({ cell_id: m.cell_id, meeting_id: m.id, text: input.text })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.actions.length) {
      await trx
        .insertInto('decision_actions')
        .values(
          input.actions.map((a) => ({
            cell_id: m.cell_id,
            decision_id: decision.id,
            title: a.title,
            owner_person_id: a.ownerPersonId ?? null,
            due_on: a.dueOn,
          })),
        )
        .execute();
    }
    await recordAudit(trx, actor, {
      action: 'decision.create',
      entity: 'meeting',
      entityId: m.id,
      after: { decisionId: decision.id, ...input },
    });
    const due = input.actions.filter((a) => periodOf(a.dueOn) <= periodOf(todayIso()));
    await refreshFacts(
      trx,
      [m.cell_id],
      due.map((a) => ({ fact: 'decision_actions', on: a.dueOn })),
    );
    return getMeeting(trx, actor, meetingId);
  });
}

export function setActionStatus(db: Db, actor: Actor, actionId: number, status: 'open' | 'done' | 'dropped') {
  return inTransaction(db, async (trx) => {
    const action = await trx
      .selectFrom('decision_actions as a')
      .innerJoin('units as u', 'u.id', 'a.cell_id')
      .selectAll('a')
      .where('a.id', '=', actionId)
      .where(pathInScope(actor, 'u.path', 'manage'))
      .forUpdate('a')
      .executeTakeFirst();
    if (!action) throw notFound('action.notFound');
    const closedOn = status === 'open' ? null : action.status === status ? action.closed_on : todayIso();
    await trx
      .updateTable('decision_actions')
      .set({ status, closed_on: closedOn })
      .where('cell_id', '=', action.cell_id)
      .where('id', '=', actionId)
      .execute();
    await recordAudit(trx, actor, {
      action: 'action.status',
      entity: 'action',
      entityId: actionId,
      before: { status: action.status, closedOn: action.closed_on },
      after: { status, closedOn },
    });
    if (periodOf(action.due_on) <= periodOf(todayIso()))
      await refreshFacts(trx, [action.cell_id], [{ fact: 'decision_actions', on: action.due_on }]);
    return { id: actionId, status, closedOn };
  });
}

export async function listFollowUps(db: Db, actor: Actor, cellId: number, includeResolved: boolean) {
  const cell = await requireCell(db, actor, cellId, 'read');
  let q = db
    .selectFrom('follow_ups as f')
    .innerJoin('people as p', 'p.id', 'f.person_id')
    .select([
      'f.id',
      'f.person_id as personId',
      'p.full_name as fullName',
      'f.reason',
      'f.created_on as createdOn',
      'f.resolved_on as resolvedOn',
      'f.note',
    ])
    .where('f.cell_id', '=', cell.id)
    .where(followUpsVisible(actor, cell.path, 'f.person_id'));
  if (!includeResolved) q = q.where('f.resolved_on', 'is', null);
  return { items: await q.orderBy('f.created_on').orderBy('f.id').execute() };
}

export function resolveFollowUp(db: Db, actor: Actor, id: number, note: string) {
  return inTransaction(db, async (trx) => {
    const f = await trx
      .selectFrom('follow_ups as f')
      .innerJoin('units as u', 'u.id', 'f.cell_id')
      .selectAll('f')
      .where('f.id', '=', id)
      .where(pathInScope(actor, 'u.path', 'manage'))
      .forUpdate('f')
      .executeTakeFirst();
    if (!f) throw notFound('followUp.notFound');
    const today = todayIso();
    await trx
      .updateTable('follow_ups')
      .set({ resolved_on: sql<string>`coalesce(resolved_on, ${today}::date)`, note })
      .where('cell_id', '=', f.cell_id)
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actor, { action: 'follow-up.resolve', entity: 'follow_up', entityId: id, after: { note } });
    await refreshFacts(trx, [f.cell_id], [{ fact: 'follow_ups', on: today }]);
    return { id, resolvedOn: f.resolved_on ?? today, note };
  });
}
