/**
 * A roll that does not match the cell's roll on the meeting day, read for the secretary: members who
 * were on the cell's roll but not that day (they left, or joined later) and members on it that the
 * device did not list (they joined since the device took its pack) are a conflict to resolve, named;
 * a person never on the cell's roll, or listed twice, is a wrong operation (rejected, nobody named).
 */
import type { Actor } from '../../access/actor.ts';
import type { Db } from '../../db/database.ts';
import { AppError, badRequest } from '../../errors.ts';
import { selectMeetingInScope } from '../meetings/queries.ts';

type Mismatch = { duplicates: number[]; notOnRoll: number[]; missing: number[] };
type Person = { personId: number; name: string };

export async function describeRollMismatch(
  db: Db,
  actor: Actor,
  payload: unknown,
  err: AppError,
): Promise<{ status: 'conflict' | 'rejected'; error: AppError }> {
  const m = err.details as Mismatch;
  const cellId = await cellOf(db, actor, payload as { cellId?: number; meetingId?: number; meetingOpId?: string });
  if (m.duplicates.length > 0 || cellId === undefined) return { status: 'rejected', error: err };
  const everOnRoll = new Set(await membersEver(db, cellId, m.notOnRoll));
  if (m.notOnRoll.some((id) => !everOnRoll.has(id))) {
    return { status: 'rejected', error: err };
  }
  const named = await names(db, [...m.notOnRoll, ...m.missing]);
  const byId = new Map(named.map((p) => [p.personId, p]));
  const pick = (ids: number[]) => ids.map((id) => byId.get(id) ?? { personId: id, name: '' });
  return {
    status: 'conflict',
    error: badRequest('sync.rollChanged', { details: { notOnRoll: pick(m.notOnRoll), missing: pick(m.missing) } }),
  };
}

async function cellOf(db: Db, actor: Actor, p: { cellId?: number; meetingId?: number; meetingOpId?: string }): Promise<number | undefined> {
  if (p.cellId !== undefined) return p.cellId;
  let id = p.meetingId;
  if (id === undefined && p.meetingOpId !== undefined) {
    const row = await db.selectFrom('sync_operations').select('result').where('op_id', '=', p.meetingOpId).executeTakeFirst();
    id = (row?.result as { meetingId?: number } | undefined)?.meetingId;
  }
  if (id === undefined) return undefined;
  return (await selectMeetingInScope(db, actor, id, 'manage'))?.cell_id;
}

async function membersEver(db: Db, cellId: number, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('memberships')
    .select('person_id')
    .distinct()
    .where('cell_id', '=', cellId)
    .where('person_id', 'in', ids)
    .execute();
  return rows.map((r) => Number(r.person_id));
}

async function names(db: Db, ids: number[]): Promise<Person[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('people').select(['id', 'full_name']).where('id', 'in', ids).execute();
  return rows.map((r) => ({ personId: Number(r.id), name: r.full_name }));
}
