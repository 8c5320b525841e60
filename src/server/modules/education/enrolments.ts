/**
 * Study while working: a member's enrolments in courses (evening, correspondence, online, on the job),
 * recorded by the member themself or by whoever manages their cell; read by them and by the officers
 * and officials who may read the person's personal data. Committees see only counts (counts.ts).
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { findPersonInScope } from '../../access/lookups.ts';
import type { Need } from '../../access/scope.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { badRequest, notFound } from '../../errors.ts';
import type { CreateEnrolment, Enrolment, UpdateEnrolment } from '../../../shared/schemas/education.ts';
import { recordAudit } from '../audit/service.ts';

const columns = [
  'id',
  'person_id',
  'course',
  'institution',
  'kind',
  sql<string>`starts_on::text`.as('starts_on'),
  sql<string | null>`expected_end_on::text`.as('expected_end_on'),
  'status',
] as const;

type Row = {
  id: number;
  person_id: number;
  course: string;
  institution: string;
  kind: Enrolment['kind'];
  starts_on: string;
  expected_end_on: string | null;
  status: Enrolment['status'];
};
const present = (r: Row): Enrolment => ({
  id: r.id,
  personId: r.person_id,
  course: r.course,
  institution: r.institution,
  kind: r.kind,
  startsOn: r.starts_on,
  expectedEndOn: r.expected_end_on,
  status: r.status,
});

/** The person themself, or someone with `need` on them; anyone else gets a 404. */
async function requirePerson(db: Db, actor: Actor, personId: number, need: Need): Promise<number> {
  if (actor.personId !== null && actor.personId === personId) return personId;
  const person = await findPersonInScope(db, actor, personId, need);
  if (!person) throw notFound('person.notFound');
  return person.id;
}

const checkDates = (startsOn: string, end: string | null | undefined) => {
  if (end && end < startsOn)
    throw badRequest('education.endBeforeStart', { details: [{ path: 'body.expectedEndOn', message: 'Before the start' }] });
};

export async function listEnrolments(db: Db, actor: Actor, personId: number): Promise<{ items: Enrolment[] }> {
  const id = await requirePerson(db, actor, personId, 'personal');
  const rows = await db
    .selectFrom('enrolments')
    .select(columns)
    .where('person_id', '=', id)
    .orderBy('starts_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return { items: rows.map(present) };
}

export function createEnrolment(db: Db, actor: Actor, personId: number, input: CreateEnrolment): Promise<Enrolment> {
  return inTransaction(db, async (trx) => {
    const id = await requirePerson(trx, actor, personId, 'manage');
    checkDates(input.startsOn, input.expectedEndOn);
    const row = await trx
      .insertInto('enrolments')
      .values({
        person_id: id,
        course: input.course.normalize('NFC'),
        institution: input.institution.normalize('NFC'),
        kind: input.kind,
        starts_on: input.startsOn,
        expected_end_on: input.expectedEndOn ?? null,
        status: input.status ?? 'enrolled',
        created_by: actor.accountId || null,
      })
      .returning(columns)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'person.enrolment', entity: 'person', entityId: id, after: row });
    return present(row);
  });
}

/** Changes an enrolment (its status above all) by the member or whoever manages their cell. */
export function updateEnrolment(db: Db, actor: Actor, enrolmentId: number, input: UpdateEnrolment): Promise<Enrolment> {
  return inTransaction(db, async (trx) => {
    const before = await trx.selectFrom('enrolments').select(columns).where('id', '=', enrolmentId).forUpdate().executeTakeFirst();
    if (!before) throw notFound('education.enrolmentNotFound');
    try {
      await requirePerson(trx, actor, before.person_id, 'manage');
    } catch {
      throw notFound('education.enrolmentNotFound');
    }
    checkDates(input.startsOn ?? before.starts_on, input.expectedEndOn === undefined ? before.expected_end_on : input.expectedEndOn);
    const row = await trx
      .updateTable('enrolments')
      .set({
        ...(input.course === undefined ? {} : { course: input.course.normalize('NFC') }),
        ...(input.institution === undefined ? {} : { institution: input.institution.normalize('NFC') }),
        ...(input.kind === undefined ? {} : { kind: input.kind }),
        ...(input.startsOn === undefined ? {} : { starts_on: input.startsOn }),
        ...(input.expectedEndOn === undefined ? {} : { expected_end_on: input.expectedEndOn }),
        ...(input.status === undefined ? {} : { status: input.status }),
        updated_at: sql<Date>`now()`,
      })
      .where('person_id', '=', before.person_id)
      .where('id', '=', enrolmentId)
      .returning(columns)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'person.enrolment', entity: 'person', entityId: before.person_id, before, after: row });
    return present(row);
  });
}

/** A person's enrolments for their data export. */
export async function selectEnrolments(db: Db, personId: number): Promise<Enrolment[]> {
  return (
    await db.selectFrom('enrolments').select(columns).where('person_id', '=', personId).orderBy('starts_on').orderBy('id').execute()
  ).map(present);
}
