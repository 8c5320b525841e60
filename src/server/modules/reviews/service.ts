/**
 * Review sessions (issue 12, decision 0021): the rules. A review meeting's roll writes self-assessments
 * and gives each other feedback about work and participation until the session closes; the cell's
 * secretary reads the self-assessments and the feedback about each member; anonymous feedback is
 * released only under the three-author rule and never with anything that identifies its author.
 */
import { canManagePath, storedAccountId, type Actor } from '../../access/actor.ts';
import { seesPersonalDataIn } from '../../access/fields.ts';
import { findPersonInScope } from '../../access/lookups.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { badRequest, conflict, notFound } from '../../errors.ts';
import {
  REVIEW_LIMITS,
  type FeedbackList,
  type GiveFeedback,
  type GivenFeedback,
  type ReviewSession,
  type SaveSelfAssessment,
  type SelfAssessment,
} from '../../../shared/schemas/reviews.ts';
import { recordAudit } from '../audit/service.ts';
import { selectRoll } from '../meetings/queries.ts';
import { authorKey } from './author-key.ts';
import * as q from './queries.ts';

/** A review meeting the actor may read; any other kind is refused, and a meeting out of scope is 404. */
async function requireReview(db: Db, actor: Actor, id: number, lock: 'share' | 'update' | null = null): Promise<q.ReviewMeeting> {
  const m = await q.selectReviewMeeting(db, actor, id, lock);
  if (!m) throw notFound('meeting.notFound');
  if (m.kind !== 'review') throw badRequest('review.notReviewMeeting');
  return m;
}

/** Writing into a session: it must be open and not recorded as not held. */
function requireOpen(m: q.ReviewMeeting): void {
  if (m.closed) throw conflict('review.closed');
  if (m.status === 'not_held') throw conflict('review.notHeld');
}

/** The actor's person, on the meeting's roll (the cell's members on the meeting's day). */
async function requireOnRoll(db: Db, actor: Actor, m: q.ReviewMeeting) {
  const roll = await selectRoll(db, m.cell_id, m.meets_on);
  if (actor.personId === null || !roll.some((r) => r.personId === actor.personId)) throw badRequest('review.notOnRoll');
  return { personId: actor.personId, roll };
}

export async function getReviewSession(db: Db, key: Buffer, actor: Actor, id: number): Promise<ReviewSession> {
  const m = await requireReview(db, actor, id);
  const roll = await selectRoll(db, m.cell_id, m.meets_on);
  const me = actor.personId;
  const onRoll = me !== null && roll.some((r) => r.personId === me);
  const [given, myAttendance] = onRoll
    ? await Promise.all([
        q.selectFeedbackBy(db, me, [{ meetingId: m.id, key: authorKey(key, m.id, me) }], m.id),
        q.selectOwnAttendance(db, m.cell_id, me, m.meets_on, REVIEW_LIMITS.attendanceMonths),
      ])
    : [[], []];
  return {
    meetingId: m.id,
    cellId: m.cell_id,
    meetsOn: m.meets_on,
    status: m.status,
    closed: m.closed,
    closedAt: m.closed_at ? new Date(m.closed_at).toISOString() : null,
    closesOn: m.closesOn,
    canManage: canManagePath(actor, m.path),
    onRoll,
    roll: roll.map((r) => ({ personId: r.personId, fullName: r.fullName })),
    given: given.map(({ meetingId, aboutPersonId, text, anonymous }) => ({ meetingId, aboutPersonId, text, anonymous })),
    myAttendance,
  };
}

/** One self-assessment per member and session: writing again replaces it. */
export function saveSelfAssessment(db: Db, actor: Actor, id: number, input: SaveSelfAssessment): Promise<SelfAssessment> {
  return inTransaction(db, async (trx) => {
    const m = await requireReview(trx, actor, id, 'share');
    requireOpen(m);
    const { personId, roll } = await requireOnRoll(trx, actor, m);
    const row = await trx
      .insertInto('self_assessments')
      .values({ cell_id: m.cell_id, meeting_id: m.id, person_id: personId, text: input.text })
      .onConflict((oc) => oc.columns(['cell_id', 'meeting_id', 'person_id']).doUpdateSet({ text: input.text, updated_at: new Date() }))
      .returning(['text', 'updated_at'])
      .executeTakeFirstOrThrow();
    // The audit says who wrote when, not what: the text is the member's own.
    await recordAudit(trx, actor, { action: 'self-assessment.save', entity: 'meeting', entityId: m.id, after: { personId } });
    const fullName = roll.find((r) => r.personId === personId)!.fullName;
    return { meetingId: m.id, personId, fullName, text: row.text, updatedAt: new Date(row.updated_at).toISOString() };
  });
}

export async function getMySelfAssessment(db: Db, actor: Actor, id: number): Promise<SelfAssessment> {
  const m = await requireReview(db, actor, id);
  const mine = actor.personId === null ? [] : await selectSelfAssessments(db, m, actor.personId);
  if (!mine[0]) throw notFound('review.noSelfAssessment');
  return mine[0];
}

/** Every self-assessment of the session: for the cell's secretary and deputies and the officials above (personal readers). */
export async function listSelfAssessments(db: Db, actor: Actor, id: number): Promise<{ items: SelfAssessment[] }> {
  const m = await requireReview(db, actor, id);
  if (!seesPersonalDataIn(actor, m.path)) throw notFound('meeting.notFound');
  return { items: await selectSelfAssessments(db, m) };
}

async function selectSelfAssessments(db: Db, m: q.ReviewMeeting, personId?: number): Promise<SelfAssessment[]> {
  let sel = db
    .selectFrom('self_assessments as s')
    .innerJoin('people as p', 'p.id', 's.person_id')
    .select(['s.person_id', 'p.full_name', 's.text', 's.updated_at'])
    .where('s.cell_id', '=', m.cell_id)
    .where('s.meeting_id', '=', m.id);
  if (personId !== undefined) sel = sel.where('s.person_id', '=', personId);
  const rows = await sel.orderBy('p.full_name').orderBy('s.person_id').execute();
  return rows.map((r) => ({
    meetingId: m.id,
    personId: r.person_id,
    fullName: r.full_name,
    text: r.text,
    updatedAt: new Date(r.updated_at).toISOString(),
  }));
}

/**
 * Feedback from one member of the roll about another, never about oneself, while the session is open.
 * An anonymous item stores the author's keyed hash instead of the author, carries no time, and is not
 * audited: an audit row's actor or time would say who wrote it (decision 0021).
 */
export function giveFeedback(db: Db, key: Buffer, actor: Actor, id: number, input: GiveFeedback): Promise<GivenFeedback> {
  return inTransaction(db, async (trx) => {
    const m = await requireReview(trx, actor, id, 'share');
    requireOpen(m);
    const { personId, roll } = await requireOnRoll(trx, actor, m);
    if (input.aboutPersonId === personId) throw badRequest('review.feedbackAboutOneself');
    if (!roll.some((r) => r.personId === input.aboutPersonId)) throw badRequest('review.aboutNotOnRoll');
    const author = input.anonymous
      ? { author_person_id: null, author_key: authorKey(key, m.id, personId) }
      : { author_person_id: personId, author_key: null };
    const inserted = await trx
      .insertInto('feedback')
      .values({ cell_id: m.cell_id, meeting_id: m.id, about_person_id: input.aboutPersonId, text: input.text, ...author })
      .onConflict((oc) => oc.doNothing())
      .returning('cell_id')
      .executeTakeFirst();
    if (!inserted) throw conflict('review.feedbackAlreadyGiven');
    if (!input.anonymous) {
      await recordAudit(trx, actor, {
        action: 'feedback.give',
        entity: 'meeting',
        entityId: m.id,
        after: { aboutPersonId: input.aboutPersonId },
      });
    }
    return { meetingId: m.id, aboutPersonId: input.aboutPersonId, text: input.text, anonymous: input.anonymous };
  });
}

/**
 * Feedback about a person: for the person themself, and for the secretary (or deputy) of the cell the
 * session was held in, by their secretary grant on that cell. Anyone else gets 404: not the officials
 * above, not the administrator.
 */
export async function listFeedbackAbout(db: Db, actor: Actor, personId: number, meetingId?: number): Promise<FeedbackList> {
  const self = actor.personId === personId;
  const cells = self ? null : actor.grants.filter((g) => g.role === 'secretary' && g.path !== null).map((g) => g.path as string);
  if (cells !== null && (cells.length === 0 || !(await findPersonInScope(db, actor, personId)))) throw notFound('person.notFound');
  if (meetingId !== undefined) {
    const m = await requireReview(db, actor, meetingId);
    if (cells !== null && !cells.includes(m.path)) throw notFound('meeting.notFound');
  }
  return presentFeedback(await q.selectFeedbackAbout(db, personId, cells, meetingId));
}

export function presentFeedback({ sessions, items }: Awaited<ReturnType<typeof q.selectFeedbackAbout>>): FeedbackList {
  return {
    items: items.map((f) => ({
      meetingId: f.meetingId,
      meetsOn: f.meetsOn,
      text: f.text,
      anonymous: f.anonymous,
      // An anonymous item has no author field at all, not even an empty one.
      ...(f.anonymous || f.authorId === null ? {} : { author: { personId: f.authorId, fullName: f.authorName ?? '' } }),
    })),
    sessions: sessions.map((s) => ({
      meetingId: s.meetingId,
      meetsOn: s.meetsOn,
      closed: s.closed,
      hiddenAnonymous: !s.closed ? null : s.authors >= REVIEW_LIMITS.anonymousAuthors ? 0 : s.anonymous,
    })),
  };
}

/** The secretary (or an official managing the cell) closes the session: no more self-assessments or feedback. */
export function closeReviewSession(db: Db, key: Buffer, actor: Actor, id: number): Promise<ReviewSession> {
  return inTransaction(db, async (trx) => {
    const m = await requireReview(trx, actor, id, 'update');
    if (!canManagePath(actor, m.path)) throw notFound('meeting.notFound');
    if (!m.closed) {
      await trx
        .insertInto('review_closures')
        .values({ cell_id: m.cell_id, meeting_id: m.id, closed_by: storedAccountId(actor) })
        .execute();
      await recordAudit(trx, actor, { action: 'review.close', entity: 'meeting', entityId: m.id });
    }
    return getReviewSession(trx, key, actor, id);
  });
}
