/** The member's side of a directive: the inbox, the acknowledgment; and the secretary's in-person briefings. */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { requireBriefingCell, requireDirective } from '../../access/directives.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { badRequest, conflict, notFound } from '../../errors.ts';
import type { DirectiveStatus, RecordBriefing } from '../../../shared/schemas/directives.ts';
import { acknowledgeDelivery, briefDeliveries, recordDeliveryChange } from './queries.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The signed-in member's directives, latest round of each: unread (neither acknowledged nor briefed) first, then newest. */
export async function listMyDirectives(db: Db, actor: Actor, limit = 200) {
  if (actor.personId === null) return { items: [] };
  const { rows } = await sql<{
    id: number;
    title: string;
    status: DirectiveStatus;
    round: number;
    unit_id: number;
    unit_name: string;
    delivered_at: Date;
    deadline_on: string | null;
    acknowledged_at: Date | null;
    briefed_on: string | null;
  }>`select d.id, d.title, d.status, dd.round, iu.id as unit_id, iu.name as unit_name, dd.delivered_at, r.deadline_on,
      dd.acknowledged_at, dd.briefed_on
    from (select distinct on (directive_id) * from directive_deliveries where person_id = ${actor.personId}
          order by directive_id, round desc) dd
    join directives d on d.id = dd.directive_id
    join units iu on iu.id = d.issuing_unit_id
    join directive_rounds r on r.directive_id = dd.directive_id and r.round = dd.round
    order by (dd.acknowledged_at is null and dd.briefed_on is null and d.status = 'published') desc, dd.delivered_at desc, d.id desc
    limit ${limit}`.execute(db);
  return {
    items: rows.map((r) => ({
      id: Number(r.id),
      title: r.title,
      round: r.round,
      issuingUnit: { id: Number(r.unit_id), name: r.unit_name },
      deliveredAt: iso(r.delivered_at)!,
      deadlineOn: r.deadline_on,
      acknowledgedAt: iso(r.acknowledged_at),
      briefedOn: r.briefed_on,
      status: r.status,
    })),
  };
}

/**
 * "I have read and understood": idempotent (the first time is kept), one row however many arrive at
 * once (the update only takes a row not yet acknowledged, and the row lock serialises the rest).
 * 404 for a directive never delivered to the member, 409 once withdrawn.
 */
export async function acknowledgeDirective(db: Db, actor: Actor, id: number) {
  const personId = actor.personId;
  if (personId === null) throw notFound('directive.notFound');
  return inTransaction(db, async (trx) => {
    const { rows } = await sql<{ status: DirectiveStatus; round: number }>`select d.status, dd.round
      from directive_deliveries dd join directives d on d.id = dd.directive_id
      where dd.directive_id = ${id} and dd.person_id = ${personId} order by dd.round desc limit 1`.execute(trx);
    const mine = rows[0];
    if (!mine) throw notFound('directive.notFound');
    if (mine.status === 'withdrawn') throw conflict('directive.withdrawn');
    const deltas = await acknowledgeDelivery(trx, id, mine.round, personId);
    const row = await trx
      .selectFrom('directive_deliveries')
      .select('acknowledged_at')
      .where('directive_id', '=', id)
      .where('round', '=', mine.round)
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();
    // The counters last: the root's row is shared by every acknowledgment, held only until the commit.
    await recordDeliveryChange(trx, id, mine.round, deltas);
    return { directiveId: id, round: mine.round, acknowledgedAt: iso(row.acknowledged_at)! };
  });
}

/**
 * A secretary (or deputy) records that members of their own cell were briefed in person, ad hoc or at
 * a meeting (with `presentMembers`, everyone recorded present there). Everyone named must be on the
 * cell's roll now and have received the directive's current round; otherwise 400 and nothing saved.
 * A member already briefed keeps their first briefing.
 */
export async function recordBriefing(db: Db, actor: Actor, id: number, input: RecordBriefing, today: string) {
  const directive = await requireDirective(db, actor, id);
  const cell = await requireBriefingCell(db, actor);
  if (directive.status === 'withdrawn') throw conflict('directive.withdrawn');
  if (directive.status !== 'published') throw badRequest('directive.notOnRoll');
  if (input.briefedOn > today) throw badRequest('directive.briefingInFuture');
  return inTransaction(db, async (trx) => {
    const round = await trx
      .selectFrom('directive_rounds')
      .select(['round', sql<string>`opened_at::date::text`.as('opened_on')])
      .where('directive_id', '=', id)
      .orderBy('round', 'desc')
      .executeTakeFirstOrThrow();
    if (input.briefedOn < round.opened_on) throw badRequest('directive.briefingBeforeRound');
    const named = [...new Set(input.personIds ?? [])];
    let present: number[] = [];
    if (input.meetingId !== undefined) {
      const meeting = await trx
        .selectFrom('meetings')
        .select('id')
        .where('cell_id', '=', cell.id)
        .where('id', '=', input.meetingId)
        .executeTakeFirst();
      if (!meeting) throw badRequest('directive.meetingNotInCell');
      if (input.presentMembers || named.length === 0) {
        const { rows } = await sql<{ person_id: number }>`select a.person_id from attendance a
          join memberships m on m.person_id = a.person_id and m.cell_id = ${cell.id} and m.to_date is null
          join directive_deliveries dd on dd.directive_id = ${id} and dd.round = ${round.round} and dd.person_id = a.person_id
          where a.cell_id = ${cell.id} and a.meeting_id = ${input.meetingId} and a.status = 'present'`.execute(trx);
        present = rows.map((r) => Number(r.person_id));
      }
    }
    if (named.length === 0 && present.length === 0 && input.meetingId === undefined) throw badRequest('directive.briefingNobody');
    if (named.length > 0) {
      const { rows } = await sql<{ person_id: number }>`select m.person_id from memberships m
        join directive_deliveries dd on dd.directive_id = ${id} and dd.round = ${round.round} and dd.person_id = m.person_id
        where m.cell_id = ${cell.id} and m.to_date is null and m.person_id = any(${named}::bigint[])`.execute(trx);
      const ok = new Set(rows.map((r) => Number(r.person_id)));
      const refused = named.filter((p) => !ok.has(p));
      if (refused.length > 0) throw badRequest('directive.notOnRoll', { details: { personIds: refused } });
    }
    const everyone = [...new Set([...named, ...present])];
    const { deltas, briefed } =
      everyone.length === 0
        ? { deltas: [], briefed: 0 }
        : await briefDeliveries(trx, id, round.round, everyone, {
            on: input.briefedOn,
            by: actor.personId,
            meetingId: input.meetingId ?? null,
          });
    await recordDeliveryChange(trx, id, round.round, deltas);
    return { round: round.round, briefed, alreadyBriefed: everyone.length - briefed };
  });
}
