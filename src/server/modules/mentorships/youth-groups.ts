/**
 * Youth groups (issue 13, task 8; decision 0025): a cell's groups of young people, each with the
 * member of the cell assigned to work with it. Young people are person records with no membership
 * and no account: they are not on any roll, so the cell's counts and access stay as they are. The
 * cell's officers and the officials above read them ('personal'); those who manage the cell write.
 */
import type { Actor } from '../../access/actor.ts';
import { requireCell } from '../../access/lookups.ts';
import { findUnitInScope } from '../../access/lookups.ts';
import { canManagePath } from '../../access/actor.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { badRequest, conflict, notFound } from '../../errors.ts';
import type {
  AddYoungPerson,
  CreateYouthGroup,
  UpdateYoungPerson,
  UpdateYouthGroup,
  YouthGroup,
} from '../../../shared/schemas/mentorships.ts';
import { recordAudit } from '../audit/service.ts';
import { refreshFacts } from '../compliance/engine.ts';
import { todayIso } from '../compliance/periods.ts';
import { selectRoll } from '../meetings/queries.ts';

const changed = (on: string) => [{ fact: 'youth_groups' as const, on }];

async function requireAssignable(db: Db, cellId: number, personId: number | null | undefined, today: string) {
  if (personId === null || personId === undefined) return;
  const roll = await selectRoll(db, cellId, today);
  const entry = roll.find((r) => Number(r.personId) === personId);
  if (!entry || entry.role === 'candidate') throw badRequest('youthGroup.assignedNotOnRoll', { details: { field: 'assignedPersonId' } });
}

async function selectGroups(db: Db, cellId: number, groupId?: number): Promise<YouthGroup[]> {
  let q = db
    .selectFrom('youth_groups as g')
    .leftJoin('people as a', 'a.id', 'g.assigned_person_id')
    .select(['g.id', 'g.cell_id', 'g.name', 'g.assigned_person_id', 'a.full_name as assigned_name', 'g.created_on', 'g.closed_on'])
    .where('g.cell_id', '=', cellId);
  if (groupId !== undefined) q = q.where('g.id', '=', groupId);
  const groups = await q
    .orderBy('g.closed_on', (o) => o.desc().nullsFirst())
    .orderBy('g.name')
    .orderBy('g.id')
    .execute();
  if (groups.length === 0) return [];
  const people = await db
    .selectFrom('youth_group_members as y')
    .innerJoin('people as p', 'p.id', 'y.person_id')
    .select(['y.group_id', 'p.id', 'p.full_name', 'p.birth_year', 'y.added_on'])
    .where('y.cell_id', '=', cellId)
    .where(
      'y.group_id',
      'in',
      groups.map((g) => g.id),
    )
    .orderBy('p.full_name')
    .orderBy('p.id')
    .execute();
  return groups.map((g) => ({
    id: Number(g.id),
    cellId: Number(g.cell_id),
    name: g.name,
    assigned: g.assigned_person_id === null ? null : { id: Number(g.assigned_person_id), fullName: g.assigned_name ?? '' },
    createdOn: g.created_on,
    closedOn: g.closed_on,
    youngPeople: people
      .filter((p) => Number(p.group_id) === Number(g.id))
      .map((p) => ({ id: Number(p.id), fullName: p.full_name, birthYear: p.birth_year, addedOn: p.added_on })),
  }));
}

export async function listYouthGroups(db: Db, actor: Actor, cellId: number) {
  const cell = await requireCell(db, actor, cellId, 'personal');
  return { items: await selectGroups(db, cell.id) };
}

/** The open youth groups the signed-in member is assigned to, with their young people (they work with them). */
export async function listMyYouthGroups(db: Db, actor: Actor) {
  if (actor.personId === null) return { items: [] };
  const mine = await db
    .selectFrom('youth_groups')
    .select(['cell_id', 'id'])
    .where('assigned_person_id', '=', actor.personId)
    .where('closed_on', 'is', null)
    .execute();
  const items = await Promise.all(mine.map((g) => selectGroups(db, Number(g.cell_id), Number(g.id))));
  return { items: items.flat() };
}

export function createYouthGroup(db: Db, actor: Actor, cellId: number, input: CreateYouthGroup, today = todayIso()) {
  return inTransaction(db, async (trx) => {
    const cell = await requireCell(trx, actor, cellId, 'manage');
    if (cell.closed_on) throw conflict('cell.closed');
    await requireAssignable(trx, cell.id, input.assignedPersonId, today);
    const row = await trx
      .insertInto('youth_groups')
      .values({ cell_id: cell.id, name: input.name, assigned_person_id: input.assignedPersonId ?? null, created_on: today })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'youthGroup.create',
      entity: 'youth_group',
      entityId: Number(row.id),
      unitId: cell.id,
      after: input,
    });
    await refreshFacts(trx, [cell.id], changed(today));
    return (await selectGroups(trx, cell.id, Number(row.id)))[0]!;
  });
}

/** A group the actor manages (through its cell), locked; anyone else 404. */
async function requireManagedGroup(db: Db, actor: Actor, groupId: number) {
  const g = await db.selectFrom('youth_groups').selectAll().where('id', '=', groupId).forUpdate().executeTakeFirst();
  const cell = g && (await findUnitInScope(db, actor, Number(g.cell_id), 'manage'));
  if (!g || !cell || !canManagePath(actor, cell.path)) throw notFound('youthGroup.notFound');
  return g;
}

export function updateYouthGroup(db: Db, actor: Actor, groupId: number, input: UpdateYouthGroup, today = todayIso()) {
  return inTransaction(db, async (trx) => {
    const g = await requireManagedGroup(trx, actor, groupId);
    if (g.closed_on !== null && input.closed !== false) throw conflict('youthGroup.closed');
    await requireAssignable(trx, Number(g.cell_id), input.assignedPersonId, today);
    const closedOn = input.closed === undefined ? g.closed_on : input.closed ? (g.closed_on ?? today) : null;
    await trx
      .updateTable('youth_groups')
      .set({
        name: input.name ?? g.name,
        assigned_person_id: input.assignedPersonId === undefined ? g.assigned_person_id : input.assignedPersonId,
        closed_on: closedOn,
      })
      .where('cell_id', '=', g.cell_id)
      .where('id', '=', g.id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'youthGroup.update',
      entity: 'youth_group',
      entityId: Number(g.id),
      unitId: Number(g.cell_id),
      before: { name: g.name, assignedPersonId: g.assigned_person_id, closedOn: g.closed_on },
      after: input,
    });
    await refreshFacts(trx, [Number(g.cell_id)], changed(today));
    return (await selectGroups(trx, Number(g.cell_id), Number(g.id)))[0]!;
  });
}

/** Adds a young person: a new person record, or one already in another of the cell's groups. */
export function addYoungPerson(db: Db, actor: Actor, groupId: number, input: AddYoungPerson, today = todayIso()) {
  return inTransaction(db, async (trx) => {
    const g = await requireManagedGroup(trx, actor, groupId);
    if (g.closed_on !== null) throw conflict('youthGroup.closed');
    let personId: number;
    if (input.personId !== undefined) {
      const known = await trx
        .selectFrom('youth_group_members')
        .select('person_id')
        .where('cell_id', '=', g.cell_id)
        .where('person_id', '=', input.personId)
        .executeTakeFirst();
      if (!known) throw badRequest('youthGroup.personNotYoung', { details: { field: 'personId' } });
      personId = input.personId;
    } else {
      const p = await trx
        .insertInto('people')
        .values({ full_name: input.fullName!, birth_year: input.birthYear ?? null })
        .returning('id')
        .executeTakeFirstOrThrow();
      personId = Number(p.id);
      await recordAudit(trx, actor, {
        action: 'person.create',
        entity: 'person',
        entityId: personId,
        unitId: Number(g.cell_id),
        after: { fullName: input.fullName, birthYear: input.birthYear ?? null, youthGroupId: Number(g.id) },
      });
    }
    const added = await trx
      .insertInto('youth_group_members')
      .values({ cell_id: g.cell_id, group_id: g.id, person_id: personId, added_on: today })
      .onConflict((oc) => oc.doNothing())
      .returning('person_id')
      .executeTakeFirst();
    if (!added) throw conflict('youthGroup.alreadyInGroup');
    await recordAudit(trx, actor, {
      action: 'youthGroup.addYoungPerson',
      entity: 'youth_group',
      entityId: Number(g.id),
      unitId: Number(g.cell_id),
      after: { personId },
    });
    await refreshFacts(trx, [Number(g.cell_id)], changed(today));
    return { id: personId };
  });
}

/**
 * Corrects a young person's record (name, birth year) by those who manage the group's cell. Once the
 * person is on a roll (admitted), their record is the people module's to change: 409.
 */
export function updateYoungPerson(db: Db, actor: Actor, groupId: number, personId: number, input: UpdateYoungPerson) {
  return inTransaction(db, async (trx) => {
    const g = await requireManagedGroup(trx, actor, groupId);
    const person = await trx
      .selectFrom('youth_group_members as ym')
      .innerJoin('people as p', 'p.id', 'ym.person_id')
      .select(['p.full_name', 'p.birth_year'])
      .where('ym.cell_id', '=', g.cell_id)
      .where('ym.group_id', '=', g.id)
      .where('ym.person_id', '=', personId)
      .forUpdate('p')
      .executeTakeFirst();
    if (!person) throw notFound('youthGroup.personNotFound');
    const onRoll = await trx
      .selectFrom('memberships')
      .select('id')
      .where('person_id', '=', personId)
      .where('to_date', 'is', null)
      .executeTakeFirst();
    if (onRoll) throw conflict('youthGroup.personOnRoll');
    const next = {
      full_name: input.fullName ?? person.full_name,
      birth_year: input.birthYear === undefined ? person.birth_year : input.birthYear,
    };
    await trx
      .updateTable('people')
      .set({ ...next, updated_at: new Date() })
      .where('id', '=', personId)
      .execute();
    await recordAudit(trx, actor, {
      action: 'person.update',
      entity: 'person',
      entityId: personId,
      unitId: Number(g.cell_id),
      before: { fullName: person.full_name, birthYear: person.birth_year },
      after: { fullName: next.full_name, birthYear: next.birth_year },
    });
    return (await selectGroups(trx, Number(g.cell_id), Number(g.id)))[0]!;
  });
}

export function removeYoungPerson(db: Db, actor: Actor, groupId: number, personId: number, today = todayIso()) {
  return inTransaction(db, async (trx) => {
    const g = await requireManagedGroup(trx, actor, groupId);
    const gone = await trx
      .deleteFrom('youth_group_members')
      .where('cell_id', '=', g.cell_id)
      .where('group_id', '=', g.id)
      .where('person_id', '=', personId)
      .returning('person_id')
      .executeTakeFirst();
    if (!gone) throw notFound('youthGroup.personNotFound');
    await recordAudit(trx, actor, {
      action: 'youthGroup.removeYoungPerson',
      entity: 'youth_group',
      entityId: Number(g.id),
      unitId: Number(g.cell_id),
      before: { personId },
    });
    await refreshFacts(trx, [Number(g.cell_id)], changed(today));
  });
}
