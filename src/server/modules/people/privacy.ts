/**
 * A person's rights over their data: export everything held about them, and erasure. Erasure keeps
 * the organization's facts true (a membership still counted in past months) but removes who it was:
 * the person's details are blanked, their account is disabled, and personal data in the audit trail
 * about them is removed.
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { requireCentralAdministrator } from '../../access/policies.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { conflict, notFound } from '../../errors.ts';
import { assertAdministratorRemains } from '../accounts/administrators.ts';
import { recordAudit } from '../audit/service.ts';
import { revokeFeedsOfPerson } from '../calendar/service.ts';
import { changeMembership } from '../units/memberships.ts';
import { todayIso as today } from '../compliance/periods.ts';
import { eraseNotificationsOf, notificationsForExport } from '../notifications/queries.ts';
import { eraseReadingLog, selectSoloReadings } from '../library/reading-log.ts';
import { eraseReviewData, reviewDataForExport } from '../reviews/privacy.ts';
import { educationForExport, erasePlanAndEnrolments } from '../education/plans.ts';
import { eraseNominationTexts, nominationsForExport } from '../admissions/privacy.ts';
import { assignmentsForExport, eraseAssignmentTexts } from '../assignments/privacy.ts';
import { eraseHelpRequestTexts, helpRequestsForExport } from '../help-requests/privacy.ts';
import { eraseSecretaryFeedback, secretaryFeedbackForExport } from '../secretary/privacy.ts';
import { eraseMentorshipTexts, mentorshipNotesWrittenBy, mentorshipsForExport } from '../mentorships/privacy.ts';
import { casesForExport, eraseCaseData } from '../cases/privacy.ts';
import { eraseVisitPerson, visitsForExport } from '../visits/privacy.ts';
import { deedsForExport, eraseDeedPerson } from '../deeds/privacy.ts';

export const ERASED_NAME = '(erased)';

/** `feedbackKey` finds the anonymous feedback the person wrote (decision 0021). */
export async function exportMyData(db: Db, actor: Actor, feedbackKey: Buffer) {
  const [account, person, memberships, grants, sessions, tokens, audit] = await Promise.all([
    db
      .selectFrom('accounts')
      .select(['id', 'login', 'created_at', 'password_changed_at'])
      .where('id', '=', actor.accountId)
      .executeTakeFirstOrThrow(),
    actor.personId === null ? undefined : db.selectFrom('people').selectAll().where('id', '=', actor.personId).executeTakeFirst(),
    actor.personId === null
      ? []
      : db
          .selectFrom('memberships as m')
          .innerJoin('units as u', 'u.id', 'm.cell_id')
          .select(['m.role', 'm.from_date', 'm.to_date', 'u.name as cell_name', 'u.code as cell_code'])
          .where('m.person_id', '=', actor.personId)
          .orderBy('m.from_date')
          .execute(),
    db
      .selectFrom('grants as g')
      .leftJoin('units as u', 'u.id', 'g.unit_id')
      .select(['g.role', 'g.access', 'u.name as unit_name', 'g.created_at', 'g.revoked_at'])
      .where('g.account_id', '=', actor.accountId)
      .execute(),
    db
      .selectFrom('sessions')
      .select(['created_at', 'last_seen_at', 'ended_at', 'ip', 'user_agent'])
      .where('account_id', '=', actor.accountId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('api_tokens')
      .select(['name', 'created_at', 'last_used_at', 'revoked_at'])
      .where('account_id', '=', actor.accountId)
      .execute(),
    db
      .selectFrom('audit_log')
      .select(['at', 'action', 'entity', 'entity_id', 'before', 'after'])
      .where((eb) =>
        eb.or([
          eb('account_id', '=', actor.accountId),
          eb.and([eb('entity', '=', 'person'), eb('entity_id', '=', String(actor.personId ?? -1))]),
          eb.and([eb('entity', '=', 'account'), eb('entity_id', '=', String(actor.accountId))]),
        ]),
      )
      .orderBy('id')
      .execute(),
  ]);
  const [attendance, followUps, actions] = actor.personId === null ? [[], [], []] : await selectMyRecords(db, actor.personId);
  const notifications = actor.personId === null ? null : await notificationsForExport(db, actor.personId);
  const readingLog = actor.personId === null ? [] : await selectSoloReadings(db, actor.personId);
  const reviews = actor.personId === null ? null : await reviewDataForExport(db, feedbackKey, actor.personId);
  const education = actor.personId === null ? null : await educationForExport(db, actor.personId);
  const assignments = actor.personId === null ? [] : await assignmentsForExport(db, actor.personId);
  const helpRequests = actor.personId === null ? null : await helpRequestsForExport(db, actor.personId);
  const mentorships =
    actor.personId === null
      ? null
      : { asPairs: await mentorshipsForExport(db, actor.personId), notesWritten: await mentorshipNotesWrittenBy(db, actor.personId) };
  const visits = actor.personId === null ? null : await visitsForExport(db, actor.personId);
  const nominations = actor.personId === null ? [] : await nominationsForExport(db, actor.personId);
  const secretaryFeedback = actor.personId === null ? null : await secretaryFeedbackForExport(db, feedbackKey, actor.personId);
  const integrityCases = actor.personId === null ? null : await casesForExport(db, actor.personId);
  const deeds = actor.personId === null ? null : await deedsForExport(db, actor.personId);
  return {
    exportedAt: new Date().toISOString(),
    account,
    person: person ?? null,
    memberships,
    grants,
    sessions,
    apiTokens: tokens,
    /** What the cells recorded about you: your attendance (with reasons), follow-ups of you, actions you own. */
    attendance,
    followUps,
    actions,
    /** Assignments given you, with your progress reports and their evaluations. */
    assignments,
    /** Your requests for help with their answers and history, and the replies you wrote to others' shared requests. */
    helpRequests,
    /** Mentorships in which you are mentor or mentee, with their log; notes you wrote in others' (issue 13). */
    mentorships,
    /** Visits to cells you planned as an official, and problems raised at visits that you own (issue 14). */
    visits,
    /** Your nominations (admissions): the recommendations, training tasks, the cell's vote and the decision. */
    nominations,
    /** Integrity cases: the reports you made, and the cases about you once you were notified (decision 0029). */
    integrityCases,
    /** What you marked read alone in the library (decision 0017); sessions attended are in `attendance`. */
    readingLog,
    /** Your learning plan (with its history), the themes you completed and your enrolments in study while working. */
    education,
    /** Changes made by you, and changes made to your own records. */
    auditTrail: audit,
    /** Your notification settings, your notifications and the e-mail sent you. */
    notifications,
    /** Your self-assessments, the feedback you gave, and the feedback about you as you may see it (decision 0021). */
    reviews,
    /** The ratings you gave your secretary (found through your rater keys) and the averages about you as a secretary (decision 0027). */
    secretaryFeedback,
    /** Laudable deeds recorded naming you (issue 15). */
    deeds,
  };
}

/** The cells' records about the person, for their export: everything held about them, not only their file. */
function selectMyRecords(db: Db, personId: number) {
  return Promise.all([
    db
      .selectFrom('attendance as a')
      .innerJoin('meetings as m', (j) => j.onRef('m.cell_id', '=', 'a.cell_id').onRef('m.id', '=', 'a.meeting_id'))
      .innerJoin('units as u', 'u.id', 'a.cell_id')
      .select(['a.meets_on', 'u.name as cell_name', 'm.kind as meeting_kind', 'm.title as meeting_title', 'a.status', 'a.reason'])
      .where('a.person_id', '=', personId)
      .orderBy('a.meets_on')
      .orderBy('a.meeting_id')
      .execute(),
    db
      .selectFrom('follow_ups as f')
      .innerJoin('units as u', 'u.id', 'f.cell_id')
      .select(['f.created_on', 'u.name as cell_name', 'f.reason', 'f.resolved_on', 'f.note'])
      .where('f.person_id', '=', personId)
      .orderBy('f.created_on')
      .orderBy('f.id')
      .execute(),
    db
      .selectFrom('decision_actions as a')
      .innerJoin('units as u', 'u.id', 'a.cell_id')
      .select(['a.title', 'u.name as cell_name', 'a.due_on', 'a.status', 'a.closed_on'])
      .where('a.owner_person_id', '=', personId)
      .orderBy('a.due_on')
      .orderBy('a.id')
      .execute(),
  ]);
}

export function erasePerson(db: Db, actor: Actor, personId: number, feedbackKey: Buffer): Promise<void> {
  return inTransaction(db, async (trx) => {
    requireCentralAdministrator(actor, 'person.notFound');
    const person = await trx.selectFrom('people').select(['id', 'full_name']).where('id', '=', personId).forUpdate().executeTakeFirst();
    if (!person) throw notFound('person.notFound');
    if (person.full_name === ERASED_NAME) throw conflict('person.alreadyErased');
    const open = await trx
      .selectFrom('memberships')
      .select('id')
      .where('person_id', '=', personId)
      .where('to_date', 'is', null)
      .executeTakeFirst();
    if (open) await changeMembership(trx, personId, null, today());
    await trx
      .updateTable('people')
      .set({
        full_name: ERASED_NAME,
        email: null,
        phone: null,
        birth_year: null,
        workplace: null,
        joined_on: null,
        member_no: null,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', personId)
      .execute();
    const accounts = await trx.selectFrom('accounts').select('id').where('person_id', '=', personId).execute();
    const accountIds = accounts.map((a) => a.id);
    await assertAdministratorRemains(trx, { accountIds });
    if (accountIds.length) {
      await trx
        .updateTable('accounts')
        .set({ disabled_at: sql<Date>`now()`, login: sql<string>`'erased-' || id`, password_hash: '!' })
        .where('id', 'in', accountIds)
        .execute();
      await trx
        .updateTable('grants')
        .set({ revoked_at: sql<Date>`now()`, revoked_by: actor.accountId })
        .where('account_id', 'in', accountIds)
        .where('revoked_at', 'is', null)
        .execute();
      await trx
        .updateTable('sessions')
        .set({ ended_at: sql<Date>`coalesce(ended_at, now())`, ip: null, user_agent: null })
        .where('account_id', 'in', accountIds)
        .execute();
      await trx
        .updateTable('api_tokens')
        .set({ revoked_at: sql<Date>`now()` })
        .where('account_id', 'in', accountIds)
        .where('revoked_at', 'is', null)
        .execute();
    }
    await revokeFeedsOfPerson(trx, personId, accountIds);
    await eraseNotificationsOf(trx, personId);
    await eraseReadingLog(trx, personId);
    await eraseReviewData(trx, feedbackKey, personId);
    await erasePlanAndEnrolments(trx, personId);
    await eraseAssignmentTexts(trx, personId);
    await eraseHelpRequestTexts(trx, personId);
    await eraseMentorshipTexts(trx, personId);
    await eraseVisitPerson(trx, personId);
    await eraseNominationTexts(trx, personId);
    await eraseSecretaryFeedback(trx, feedbackKey, personId);
    await eraseCaseData(trx, personId, accountIds);
    await eraseDeedPerson(trx, personId);
    await trx
      .updateTable('audit_log')
      .set({ before: null, after: JSON.stringify({ erased: true }) })
      .where('entity', '=', 'person')
      .where('entity_id', '=', String(personId))
      .execute();
    await recordAudit(trx, actor, {
      action: 'person.erase',
      entity: 'person',
      entityId: personId,
      after: { erased: true, accounts: accountIds.length },
    });
  });
}
