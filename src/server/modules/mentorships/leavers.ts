/**
 * A member leaving a cell (a transfer, leaving the organization, erasure) can no longer mentor there or
 * look after its youth groups: their open mentorships in that cell end on the day with the outcome
 * `withdrawn`, and the youth groups assigned to them have nobody assigned, so the cell's figures and
 * standards show the gap at once instead of a mentor who is gone.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { refreshFacts } from '../compliance/engine.ts';

export async function releaseLeaver(db: Db, personId: number, cellId: number, day: string): Promise<void> {
  const { rows } = await sql<{ ended: number; unassigned: number }>`
    with ended as (
      update mentorships set ended_on = greatest(started_on, ${day}::date), outcome = 'withdrawn'
      where cell_id = ${cellId} and mentor_id = ${personId} and ended_on is null
      returning 1),
    unassigned as (
      update youth_groups set assigned_person_id = null
      where cell_id = ${cellId} and assigned_person_id = ${personId}
      returning 1)
    select (select count(*) from ended)::int as ended, (select count(*) from unassigned)::int as unassigned`.execute(db);
  const r = rows[0];
  const facts = [
    ...(r && r.ended > 0 ? [{ fact: 'mentorships' as const, on: day }] : []),
    ...(r && r.unassigned > 0 ? [{ fact: 'youth_groups' as const, on: day }] : []),
  ];
  if (facts.length) await refreshFacts(db, [cellId], facts);
}
