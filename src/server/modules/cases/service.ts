/**
 * Integrity cases, the writing side: a member reports conduct in a role; the handlers triage, notify
 * the subject, and decide once the subject was heard; the subject responds and may appeal within the
 * rule's days to the handlers of the next committee up. Every step is a row on the case's timeline;
 * nothing goes to the general audit log, which officials read (decision 0029).
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { badRequest, conflict, forbidden } from '../../errors.ts';
import type { Notifier } from '../notifications/service.ts';
import type { DecideCase, ReportCase } from '../../../shared/schemas/cases.ts';
import { isDecidingHandler, requireCase, type CaseRow } from './access.ts';
import { selectCaseRules } from './rules.ts';
import { nameableRoles } from './subjects.ts';

type StepKind = 'received' | 'opened' | 'out_of_scope' | 'subject_notified' | 'response' | 'decided' | 'appealed' | 'appeal_decided';
type ActorRole = 'reporter' | 'handler' | 'appeal_handler' | 'subject' | 'system';

export async function addStep(
  db: Db,
  caseId: number,
  step: {
    kind: StepKind;
    actorRole: ActorRole;
    accountId: number | null;
    text?: string | null;
    outcome?: string | null;
    measure?: string | null;
  },
): Promise<number> {
  const { rows } = await sql<{ id: number }>`insert into case_steps (case_id, kind, actor_role, actor_account_id, text, outcome, measure)
    values (${caseId}, ${step.kind}, ${step.actorRole}, ${step.accountId}, ${step.text ?? null}, ${step.outcome ?? null}, ${step.measure ?? null})
    returning id`.execute(db);
  return rows[0]!.id;
}

/** The committee above a unit; the root is its own (its handlers take the cases about its officials). */
async function committeeAbove(db: Db, unitId: number): Promise<number> {
  const { rows } = await sql<{ id: number }>`select coalesce(u.parent_id, u.id) as id from units u where u.id = ${unitId}`.execute(db);
  return rows[0]!.id;
}

/** A member reports conduct in a role. The subject must be someone they may name (subjects.ts), holding a role now. */
export async function reportCase(db: Db, actor: Actor, input: ReportCase): Promise<{ id: number }> {
  if (actor.personId === null) throw badRequest('case.noPerson');
  if (input.subjectPersonId === actor.personId) throw badRequest('case.selfReport', { details: { field: 'subjectPersonId' } });
  return inTransaction(db, async (trx) => {
    // The most senior of the roles the reporter may name: the case goes above it.
    const [role] = await nameableRoles(trx, actor, { personId: input.subjectPersonId });
    if (!role) throw badRequest('case.subjectNotEligible', { details: { field: 'subjectPersonId' } });
    const handlingUnitId = await committeeAbove(trx, role.unit_id);
    const { rows } = await sql<{ id: number }>`insert into cases (subject_person_id, reporter_person_id, reporter_account_id,
        subject_unit_id, subject_role, handling_unit_id, category, summary, anonymous_to_subject)
      values (${input.subjectPersonId}, ${actor.personId}, ${actor.accountId}, ${role.unit_id}, ${role.role}, ${handlingUnitId},
        ${input.category}, ${input.summary}, ${input.anonymousToSubject})
      returning id`.execute(trx);
    const id = rows[0]!.id;
    await addStep(trx, id, { kind: 'received', actorRole: 'reporter', accountId: actor.accountId });
    return { id };
  });
}

function requireDecidingHandler(c: CaseRow): void {
  if (!isDecidingHandler(c)) throw forbidden('case.onlyHandlers');
}

function requireStatus(c: CaseRow, ...statuses: string[]): void {
  if (!statuses.includes(c.status)) throw conflict('case.wrongStatus', { params: { status: c.status } });
}

/** Triage by the first-instance handlers: open the case, or dismiss it as out of scope (with reasons; it closes). */
export function triageCase(db: Db, actor: Actor, id: number, input: { action: 'open' | 'out_of_scope'; reasons?: string }): Promise<void> {
  return inTransaction(db, async (trx) => {
    const c = await requireCase(trx, actor, id, { lock: true });
    requireDecidingHandler(c);
    requireStatus(c, 'received');
    const closing = input.action === 'out_of_scope';
    await sql`update cases set status = ${input.action}, triaged_at = now() ${closing ? sql`, closed_at = now()` : sql``}
      where id = ${id}`.execute(trx);
    await addStep(trx, id, {
      kind: input.action === 'open' ? 'opened' : 'out_of_scope',
      actorRole: 'handler',
      accountId: actor.accountId,
      text: input.reasons,
    });
  });
}

/** The subject is told (the notifications module; the text names no case details) and may now read and respond. */
export function notifySubject(db: Db, notifier: Notifier, actor: Actor, id: number): Promise<void> {
  return inTransaction(db, async (trx) => {
    const c = await requireCase(trx, actor, id, { lock: true });
    requireDecidingHandler(c);
    requireStatus(c, 'open');
    if (c.notified_at !== null) throw conflict('case.alreadyNotified');
    const rules = await selectCaseRules(trx);
    await sql`update cases set notified_at = now(), respond_by = now() + make_interval(days => ${rules.responseDays}::int)
      where id = ${id}`.execute(trx);
    await addStep(trx, id, { kind: 'subject_notified', actorRole: 'handler', accountId: actor.accountId });
    await notifier.notifyPeople(trx, {
      kind: 'case.subject-notified',
      payload: { key: 'notifications.kinds.caseSubjectNotified' },
      link: `/cases/${id}`,
      dedupeKey: `case-${id}`,
      confidential: true,
      personIds: [c.subject_person_id],
    });
  });
}

/** The subject's written response (evidence goes with it as uploads), while the case awaits a decision. */
export function respondToCase(db: Db, actor: Actor, id: number, text: string): Promise<{ id: number }> {
  return inTransaction(db, async (trx) => {
    const c = await requireCase(trx, actor, id, { lock: true });
    if (c.viewer_role !== 'subject') throw forbidden('case.onlySubject');
    requireStatus(c, 'open');
    return { id: await addStep(trx, id, { kind: 'response', actorRole: 'subject', accountId: actor.accountId, text }) };
  });
}

/**
 * The decision, with reasons: by the first-instance handlers once the subject was heard (they responded,
 * or the response period ran out), or on appeal by the handlers of the committee the appeal went to.
 */
export function decideCase(db: Db, actor: Actor, id: number, input: DecideCase): Promise<void> {
  if (input.outcome === 'upheld' && !input.measure) throw badRequest('case.measureRequired', { details: { field: 'measure' } });
  if (input.outcome === 'dismissed' && input.measure) throw badRequest('case.measureWithDismissal', { details: { field: 'measure' } });
  return inTransaction(db, async (trx) => {
    const c = await requireCase(trx, actor, id, { lock: true });
    requireDecidingHandler(c);
    const step = { text: input.reasons, outcome: input.outcome, measure: input.measure ?? null, accountId: actor.accountId };
    if (c.status === 'appealed') {
      await sql`update cases set status = 'appeal_decided', appeal_decided_at = now(), appeal_outcome = ${input.outcome}, closed_at = now()
        where id = ${id}`.execute(trx);
      await addStep(trx, id, { kind: 'appeal_decided', actorRole: 'appeal_handler', ...step });
      return;
    }
    requireStatus(c, 'open');
    if (c.notified_at === null) throw conflict('case.notNotified');
    if (!c.heard) throw conflict('case.notHeard', { params: { respondBy: c.respond_by!.toISOString().slice(0, 10) } });
    const rules = await selectCaseRules(trx);
    await sql`update cases set status = 'decided', decided_at = now(), outcome = ${input.outcome},
        appeal_by = now() + make_interval(days => ${rules.appealDays}::int)
      where id = ${id}`.execute(trx);
    await addStep(trx, id, { kind: 'decided', actorRole: 'handler', ...step });
  });
}

/** The subject appeals within the period; the appeal goes to the handlers of the committee above the first one. */
export function appealCase(db: Db, actor: Actor, id: number, text: string): Promise<void> {
  return inTransaction(db, async (trx) => {
    const c = await requireCase(trx, actor, id, { lock: true });
    if (c.viewer_role !== 'subject') throw forbidden('case.onlySubject');
    requireStatus(c, 'decided');
    if (!c.appeal_open) throw conflict('case.appealTooLate', { params: { appealBy: c.appeal_by!.toISOString().slice(0, 10) } });
    const appealUnitId = await committeeAbove(trx, c.handling_unit_id);
    await sql`update cases set status = 'appealed', appealed_at = now(), appeal_unit_id = ${appealUnitId} where id = ${id}`.execute(trx);
    await addStep(trx, id, { kind: 'appealed', actorRole: 'subject', accountId: actor.accountId, text });
  });
}
