/**
 * Appointing and relieving a cell's secretary and deputies. This is for the committee above the cell
 * (an official or administrator managing the parent), not for the cell's own secretary.
 */
import type { Actor } from '../../access/actor.ts';
import { findUnitManagedFromAbove } from '../../access/lookups.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { badRequest, conflict, notFound } from '../../errors.ts';
import type { Unit } from '../../../shared/schemas/units.ts';
import { recordAudit } from '../audit/service.ts';
import { changeMembership } from './memberships.ts';
import { getUnit } from './service.ts';
import { todayIso as today } from '../compliance/periods.ts';

async function requireCellManagedFromAbove(db: Db, actor: Actor, cellId: number) {
  const cell = await findUnitManagedFromAbove(db, actor, cellId);
  if (!cell) throw notFound('cell.notFound');
  if (cell.kind !== 'cell') throw badRequest('secretary.cellsOnly');
  if (cell.closed_on) throw conflict('cell.closed');
  return cell;
}

async function requireOnRoll(db: Db, cellId: number, personId: number) {
  const m = await db
    .selectFrom('memberships')
    .select(['id', 'role', 'from_date'])
    .where('cell_id', '=', cellId)
    .where('person_id', '=', personId)
    .where('to_date', 'is', null)
    .executeTakeFirst();
  if (!m) throw badRequest('person.notOnRoll');
  return m;
}

export function appointSecretary(
  db: Db,
  actor: Actor,
  cellId: number,
  input: { personId: number; deputy: boolean; date?: string },
): Promise<Unit> {
  return inTransaction(db, async (trx) => {
    const cell = await requireCellManagedFromAbove(trx, actor, cellId);
    const member = await requireOnRoll(trx, cell.id, input.personId);
    const date = input.date ?? today();
    if (date > today()) throw badRequest('secretary.appointInFuture');
    const role = input.deputy ? 'deputy_secretary' : 'secretary';
    if (member.role === role) return getUnit(trx, actor, cellId);
    if (member.role === 'candidate') throw badRequest('secretary.candidate');
    if (role === 'secretary') {
      const previous = await trx
        .selectFrom('memberships')
        .select('person_id')
        .where('cell_id', '=', cell.id)
        .where('role', '=', 'secretary')
        .where('to_date', 'is', null)
        .executeTakeFirst();
      if (previous) await changeMembership(trx, previous.person_id, { cellId: cell.id, role: 'member' }, date);
    }
    await changeMembership(trx, input.personId, { cellId: cell.id, role }, date);
    await recordAudit(trx, actor, {
      action: 'secretary.appoint',
      entity: 'unit',
      entityId: cell.id,
      before: { personId: input.personId, role: member.role },
      after: { personId: input.personId, role, date },
    });
    return getUnit(trx, actor, cellId);
  });
}

export function relieveSecretary(db: Db, actor: Actor, cellId: number, input: { personId: number; date?: string }): Promise<Unit> {
  return inTransaction(db, async (trx) => {
    const cell = await requireCellManagedFromAbove(trx, actor, cellId);
    const member = await requireOnRoll(trx, cell.id, input.personId);
    if (member.role !== 'secretary' && member.role !== 'deputy_secretary') throw badRequest('secretary.noOfficerRole');
    const date = input.date ?? today();
    if (date > today()) throw badRequest('secretary.relieveInFuture');
    await changeMembership(trx, input.personId, { cellId: cell.id, role: 'member' }, date);
    await recordAudit(trx, actor, {
      action: 'secretary.relieve',
      entity: 'unit',
      entityId: cell.id,
      before: { personId: input.personId, role: member.role },
      after: { personId: input.personId, role: 'member', date },
    });
    return getUnit(trx, actor, cellId);
  });
}
