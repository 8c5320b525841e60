/**
 * The two decisions of a nomination. The cell votes at a general meeting that was held: the figures
 * cannot exceed the full members present; it passes by the rule in force (quorum of the meeting kind,
 * then "for" above the rule's share of those present, or of the roll). Then an official managing a
 * committee above the cell approves or rejects with reasons; on approval the person joins the roll as
 * a candidate from that day, or a candidate becomes a member (a new membership row: history kept).
 */
import type { Actor } from '../../access/actor.ts';
import { canManagePath, canSeePersonalPath } from '../../access/actor.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { badRequest, conflict, forbidden, notFound } from '../../errors.ts';
import type { Decision, Vote } from '../../../shared/schemas/admissions.ts';
import { todayIso } from '../compliance/periods.ts';
import { changeMembership, findOpenMembership } from '../units/memberships.ts';
import { lockNomination, recordStep, voteRoll } from './queries.ts';
import { selectRules } from './rules.ts';
import { lockManaged } from './service.ts';

/** The cell's vote, recorded once, at a held general meeting of the same cell on or after the nomination day. */
export function recordVote(db: Db, actor: Actor, id: number, input: Vote) {
  return inTransaction(db, async (trx) => {
    const n = await lockManaged(trx, actor, id, false);
    if (n.voted_on !== null) throw conflict('nomination.alreadyVoted');
    if (n.status !== 'nominated' && n.status !== 'in_training') throw conflict('nomination.closed');
    const meeting = await trx
      .selectFrom('meetings as m')
      .innerJoin('meeting_kinds as k', 'k.code', 'm.kind')
      .select(['m.id', 'm.kind', 'm.status', 'm.meets_on', 'k.quorum'])
      .where('m.cell_id', '=', n.cell_id)
      .where('m.id', '=', input.meetingId)
      .executeTakeFirst();
    if (!meeting) throw badRequest('nomination.meetingNotFound', { details: { field: 'meetingId' } });
    if (meeting.kind !== 'general' || meeting.status !== 'held')
      throw badRequest('nomination.meetingNotHeld', { details: { field: 'meetingId' } });
    if (meeting.meets_on < n.nominated_on) throw badRequest('nomination.meetingBeforeNomination', { details: { field: 'meetingId' } });
    const { eligible, present } = await voteRoll(trx, n.cell_id, meeting.id, meeting.meets_on);
    const votes = input.for + input.against + input.abstain;
    if (votes > present) throw badRequest('nomination.votesExceedPresent', { params: { votes, present }, details: { field: 'for' } });
    const rules = await selectRules(trx);
    // The meeting kind's quorum, counted as the meetings module counts it: more than its share of the roll.
    const required = meeting.quorum === null ? 0 : Math.min(eligible, Math.floor(eligible * meeting.quorum) + 1);
    const quorumMet = eligible > 0 && present >= required;
    const basis = rules.voteBasis === 'roll' ? eligible : present;
    const passed = quorumMet && input.for > basis * rules.votePassShare;
    await trx
      .updateTable('nominations')
      .set({
        status: passed ? 'voted' : 'not_passed',
        meeting_id: meeting.id,
        voted_on: meeting.meets_on,
        votes_for: input.for,
        votes_against: input.against,
        votes_abstain: input.abstain,
        present,
        eligible,
        quorum_met: quorumMet,
      })
      .where('cell_id', '=', n.cell_id)
      .where('id', '=', n.id)
      .execute();
    const detail = {
      meetingId: meeting.id,
      for: input.for,
      against: input.against,
      abstain: input.abstain,
      present,
      eligible,
      quorumMet,
      passed,
    };
    await recordStep(trx, actor, n, passed ? 'vote_passed' : 'vote_failed', meeting.meets_on, detail);
    return { id: Number(n.id), status: passed ? ('voted' as const) : ('not_passed' as const), vote: detail };
  });
}

/** Managing a committee above the cell (a proper ancestor): the centre, or an official's managed subtree. */
export function decidesFor(actor: Actor, cellPath: string): boolean {
  if (actor.all) return true;
  const parent = cellPath.split('.').slice(0, -1).join('.');
  return parent !== '' && canManagePath(actor, parent) && actor.grants.some((g) => g.role === 'official' || g.role === 'admin');
}

/** The committee's decision, once, after a passed vote; a secretary of the cell (or anyone not above it) cannot. */
export function decide(db: Db, actor: Actor, id: number, input: Decision, today = todayIso()) {
  return inTransaction(db, async (trx) => {
    const n = await lockNomination(trx, id);
    if (!n || !canSeePersonalPath(actor, n.path)) throw notFound('nomination.notFound');
    if (!decidesFor(actor, n.path)) throw forbidden('nomination.notAbove');
    if (n.status === 'approved' || n.status === 'rejected') throw conflict('nomination.alreadyDecided');
    if (n.status !== 'voted') throw conflict('nomination.notVoted');
    const approved = input.decision === 'approved';
    if (approved) {
      const open = await findOpenMembership(trx, n.person_id);
      if (n.kind === 'candidate') {
        if (open) throw conflict('nomination.alreadyOnRoll');
        await changeMembership(trx, n.person_id, { cellId: n.cell_id, role: 'candidate' }, today);
      } else {
        if (!open || Number(open.cell_id) !== Number(n.cell_id) || open.role !== 'candidate') throw conflict('nomination.notCandidate');
        await changeMembership(trx, n.person_id, { cellId: n.cell_id, role: 'member' }, today);
      }
    }
    await trx
      .updateTable('nominations')
      .set({
        status: input.decision,
        decided_on: today,
        decided_by: actor.accountId || null,
        decision_reason: input.reason || null,
      })
      .where('cell_id', '=', n.cell_id)
      .where('id', '=', n.id)
      .execute();
    await recordStep(trx, actor, n, input.decision, today, { decision: input.decision, reason: input.reason ?? null, kind: n.kind });
    return { id: Number(n.id), status: input.decision };
  });
}
