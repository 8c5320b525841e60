/**
 * Memberships over time. A change of cell or role ends the current row and starts a new one on the same
 * day (active when from_date <= d < to_date), so history is never overwritten. A change on the day the
 * current row started replaces it instead of leaving a zero-length row.
 */
import type { MembershipRole } from '../../../shared/enums.ts';
import type { Db } from '../../db/database.ts';
import { badRequest } from '../../errors.ts';
import { refreshFacts } from '../compliance/engine.ts';
import { deliverToNewMembers } from '../directives/fanout.ts';
import { releaseLeaver } from '../mentorships/leavers.ts';
import { refreshMemberCounts } from './queries.ts';

export type OpenMembership = { id: number; cell_id: number; role: MembershipRole; from_date: string };

export function findOpenMembership(db: Db, personId: number): Promise<OpenMembership | undefined> {
  return db
    .selectFrom('memberships')
    .select(['id', 'cell_id', 'role', 'from_date'])
    .where('person_id', '=', personId)
    .where('to_date', 'is', null)
    .forUpdate()
    .executeTakeFirst();
}

/** Ends the person's open membership (if any) on `date` and opens `next` from that day. */
export async function changeMembership(
  db: Db,
  personId: number,
  next: { cellId: number; role: MembershipRole } | null,
  date: string,
): Promise<void> {
  const current = await findOpenMembership(db, personId);
  if (current && date < current.from_date) throw badRequest('membership.beforeCurrent', { params: { since: current.from_date } });
  if (current) {
    if (current.from_date === date) {
      await db.deleteFrom('memberships').where('cell_id', '=', current.cell_id).where('id', '=', current.id).execute();
    } else {
      await db
        .updateTable('memberships')
        .set({ to_date: date })
        .where('cell_id', '=', current.cell_id)
        .where('id', '=', current.id)
        .execute();
    }
    if (next?.cellId !== current.cell_id) await releaseLeaver(db, personId, current.cell_id, date);
  }
  if (next) {
    await db.insertInto('memberships').values({ cell_id: next.cellId, person_id: personId, role: next.role, from_date: date }).execute();
    // A member joining a cell a published directive targets receives it (issue 11); one who leaves keeps theirs.
    await deliverToNewMembers(db, [personId]);
  }
  const cells = [current?.cell_id, next?.cellId].filter((x): x is number => x !== undefined);
  await refreshMemberCounts(db, cells);
  // The rolls changed: metrics over a cell's members (the share with a learning plan, the share with
  // an active assignment: issue 12) follow.
  await refreshFacts(db, cells, [{ fact: 'memberships', on: date }]);
}
