/** People and their place in the organization: create, read, edit, transfer between cells. */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { personFields } from '../../access/fields.ts';
import { findPersonInScope, findUnitInScope } from '../../access/lookups.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { badRequest, conflict, notFound } from '../../errors.ts';
import type { CreatePerson, Person } from '../../../shared/schemas/people.ts';
import { recordAudit } from '../audit/service.ts';
import { todayIso as today } from '../compliance/periods.ts';
import { changeMembership } from '../units/memberships.ts';
import * as q from './queries.ts';

export async function getPerson(db: Db, actor: Actor, id: number): Promise<Person> {
  const p = await q.selectPersonPage(db, actor, id);
  if (!p) throw notFound('person.notFound');
  const record = {
    email: p.email,
    phone: p.phone,
    birthYear: p.birth_year,
    workplace: p.workplace,
    joinedOn: p.joined_on,
    memberNo: p.member_no,
  };
  return {
    id: p.id,
    fullName: p.full_name,
    ...personFields(record, p.personal),
    canManage: p.manageable,
    memberships: p.memberships.map((m) => ({
      id: m.id,
      role: m.role,
      fromDate: m.fromDate,
      toDate: m.toDate,
      cell: { id: m.cellId, name: m.cellName, kind: m.cellKind },
    })),
  };
}

/** A usable cell for new members: in the actor's manage scope, a cell, open. */
async function requireOpenCell(db: Db, actor: Actor, cellId: number) {
  const cell = await findUnitInScope(db, actor, cellId, 'manage');
  if (!cell) throw notFound('cell.notFound');
  if (cell.kind !== 'cell') throw badRequest('person.notInCommittee');
  if (cell.closed_on) throw conflict('cell.closed');
  return cell;
}

export function createPerson(db: Db, actor: Actor, input: CreatePerson): Promise<Person> {
  return inTransaction(db, async (trx) => {
    await requireOpenCell(trx, actor, input.cellId);
    const created = await trx
      .insertInto('people')
      .values({
        full_name: input.fullName,
        email: input.email ?? null,
        phone: input.phone || null,
        birth_year: input.birthYear ?? null,
        workplace: input.workplace || null,
        joined_on: input.joinedOn ?? null,
        member_no: input.memberNo || null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const from = input.fromDate ?? today();
    if (from > today()) throw badRequest('membership.startsInFuture');
    await changeMembership(trx, created.id, { cellId: input.cellId, role: input.role }, from);
    await recordAudit(trx, actor, {
      action: 'person.create',
      entity: 'person',
      entityId: created.id,
      after: { ...created, cellId: input.cellId, role: input.role },
    });
    return getPerson(trx, actor, created.id);
  });
}

const COLUMNS = {
  fullName: 'full_name',
  email: 'email',
  phone: 'phone',
  birthYear: 'birth_year',
  workplace: 'workplace',
  joinedOn: 'joined_on',
  memberNo: 'member_no',
} as const;

export function updatePerson(db: Db, actor: Actor, id: number, input: Partial<Record<keyof typeof COLUMNS, unknown>>): Promise<Person> {
  return inTransaction(db, async (trx) => {
    const before = await findPersonInScope(trx, actor, id, 'manage');
    if (!before) throw notFound('person.notFound');
    const set: Record<string, unknown> = {};
    for (const [key, column] of Object.entries(COLUMNS)) {
      const value = input[key as keyof typeof COLUMNS];
      if (value !== undefined) set[column] = value === '' ? null : value;
    }
    if (Object.keys(set).length) {
      const after = await trx
        .updateTable('people')
        .set({ ...set, updated_at: sql<Date>`now()` })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, actor, { action: 'person.update', entity: 'person', entityId: id, before, after });
    }
    return getPerson(trx, actor, id);
  });
}

export function transferPerson(db: Db, actor: Actor, id: number, input: { toCellId: number; date?: string }): Promise<Person> {
  return inTransaction(db, async (trx) => {
    const person = await findPersonInScope(trx, actor, id, 'manage');
    if (!person) throw notFound('person.notFound');
    const cell = await requireOpenCell(trx, actor, input.toCellId);
    const date = input.date ?? today();
    if (date > today()) throw badRequest('membership.transferInFuture');
    if (date < cell.opened_on) throw badRequest('membership.cellNotOpen');
    const current = await trx
      .selectFrom('memberships')
      .select(['cell_id', 'role'])
      .where('person_id', '=', id)
      .where('to_date', 'is', null)
      .executeTakeFirst();
    if (current?.cell_id === cell.id) throw conflict('membership.alreadyOnRoll');
    // Officer roles belong to a cell; a transferred secretary arrives as a member, a candidate stays one.
    const role = current?.role === 'candidate' ? 'candidate' : 'member';
    await changeMembership(trx, id, { cellId: cell.id, role }, date);
    await recordAudit(trx, actor, {
      action: 'person.transfer',
      entity: 'person',
      entityId: id,
      before: current ?? null,
      after: { cell_id: cell.id, role, date },
    });
    return getPerson(trx, actor, id);
  });
}
