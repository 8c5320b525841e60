/**
 * The directives a secretary may brief their cell on offline: published, and in their latest round
 * delivered to a current member of the cell who has neither acknowledged it nor been briefed, with those
 * members (so the device offers only them: ticking anyone else would have the briefing refused). Titles
 * only: the body stays online (a briefing is given from the paper or the secretary's memory of it).
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import type { Db } from '../../db/database.ts';

const MAX_DIRECTIVES = 50;

/** Each directive with the current members who received it and have neither acknowledged it nor been briefed (the ones to brief). */
export async function directivesAwaitingBriefing(
  db: Db,
  actor: Actor,
  cellId: number,
): Promise<{ id: number; title: string; awaiting: number[] }[]> {
  // Only the cell's own secretary or deputy records briefings (requireBriefingCell); anyone else would be refused.
  if (actor.personId === null) return [];
  const secretary = await db
    .selectFrom('memberships')
    .select('person_id')
    .where('person_id', '=', actor.personId)
    .where('cell_id', '=', cellId)
    .where('to_date', 'is', null)
    .where('role', 'in', ['secretary', 'deputy_secretary'])
    .executeTakeFirst();
  if (!secretary) return [];
  const { rows } = await sql<{ id: number; title: string; awaiting: number[] }>`
    select d.id, d.title, array_agg(dd.person_id order by dd.person_id) as awaiting
    from directives d
    join directive_deliveries dd on dd.directive_id = d.id and dd.cell_id = ${cellId} and dd.acknowledged_at is null
      and dd.briefed_on is null and dd.round = (select max(r.round) from directive_rounds r where r.directive_id = d.id)
    join memberships m on m.person_id = dd.person_id and m.cell_id = ${cellId} and m.to_date is null
    where d.status = 'published'
    group by d.id
    order by d.published_at desc nulls last, d.id desc
    limit ${MAX_DIRECTIVES}`.execute(db);
  return rows.map((r) => ({ id: Number(r.id), title: r.title, awaiting: r.awaiting.map(Number) }));
}
