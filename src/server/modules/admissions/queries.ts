/** The SQL of admissions: a nomination locked for a step, the timeline's writes, sponsors' standing, the roll of a vote. */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { storedAccountId } from '../../access/actor.ts';
import type { Db } from '../../db/database.ts';
import type { MembershipRole } from '../../../shared/enums.ts';
import { recordAudit } from '../audit/service.ts';
import { refreshFacts } from '../compliance/engine.ts';

/** A nomination with its cell's path and opening day, locked for the step being written. */
export function lockNomination(db: Db, id: number) {
  return db
    .selectFrom('nominations as n')
    .innerJoin('units as u', 'u.id', 'n.cell_id')
    .selectAll('n')
    .select([sql<string>`u.path::text`.as('path'), 'u.opened_on', 'u.closed_on as cell_closed_on'])
    .where('n.id', '=', id)
    .forUpdate('n')
    .executeTakeFirst();
}
export type LockedNomination = NonNullable<Awaited<ReturnType<typeof lockNomination>>>;

/**
 * One step of a nomination: its line on the timeline, its audit row, and the refresh of the pipeline
 * figures from `on` (the day the step counts on) in the same transaction.
 */
export async function recordStep(
  db: Db,
  actor: Actor,
  n: { cell_id: number; id: number },
  step: string,
  on: string,
  detail: Record<string, unknown> | null,
  before?: unknown,
): Promise<void> {
  await db
    .insertInto('nomination_events')
    .values({
      cell_id: n.cell_id,
      nomination_id: n.id,
      step,
      account_id: storedAccountId(actor),
      detail: detail === null ? null : JSON.stringify(detail),
    })
    .execute();
  await recordAudit(db, actor, {
    action: `nomination.${step}`,
    entity: 'nomination',
    entityId: Number(n.id),
    unitId: Number(n.cell_id),
    before,
    after: detail,
  });
  await refreshFacts(db, [Number(n.cell_id)], [{ fact: 'nominations', on }]);
}

/** The memberships of these people in the cell, newest first: their standing as sponsors. */
export function selectMembershipsIn(db: Db, cellId: number, personIds: number[]) {
  return db
    .selectFrom('memberships')
    .select(['person_id', 'role', 'from_date', 'to_date'])
    .where('cell_id', '=', cellId)
    .where('person_id', 'in', personIds)
    .orderBy('person_id')
    .orderBy('from_date', 'desc')
    .execute();
}

/**
 * The day the person's current unbroken run of full membership (any role but candidate) in the cell
 * began, from their rows newest first; null when they are not a full member of it today.
 */
export function fullMemberSince(
  rows: Array<{ role: MembershipRole; from_date: string; to_date: string | null }>,
  today: string,
): string | null {
  const [current, ...older] = rows;
  if (!current || current.role === 'candidate' || current.from_date > today || (current.to_date !== null && current.to_date <= today))
    return null;
  let since = current.from_date;
  for (const r of older) {
    if (r.role === 'candidate' || r.to_date !== since) break;
    since = r.from_date;
  }
  return since;
}

/** The full members on the cell's roll on the meeting's day and how many of them were present. */
export async function voteRoll(db: Db, cellId: number, meetingId: number, day: string) {
  const { rows } = await sql<{ eligible: number; present: number }>`
    select count(*)::int as eligible, count(a.person_id) filter (where a.status = 'present')::int as present
    from memberships ms
    left join attendance a on a.cell_id = ms.cell_id and a.meeting_id = ${meetingId} and a.person_id = ms.person_id
    where ms.cell_id = ${cellId} and ms.role <> 'candidate' and ms.from_date <= ${day}::date
      and (ms.to_date is null or ms.to_date > ${day}::date)`.execute(db);
  return rows[0] ?? { eligible: 0, present: 0 };
}
