/** What the read benches measure on: the committee of a depth with the most children, and people on a roll. */
import { sql } from 'kysely';
import type { Db } from '../../src/server/db/database.ts';

/** The committee at `depth` (0: the centre) with the most units under it directly. */
export async function busiestCommittee(db: Db, depth: number): Promise<number> {
  const { rows } = await sql<{ id: string }>`select u.id from units u where u.kind = 'committee' and u.depth = ${depth}
    order by (select count(*) from units c where c.parent_id = u.id) desc, u.id limit 1`.execute(db);
  return Number(rows[0]!.id);
}

/** `count` people on a roll today, spread over the tree (the API floor's GET /api/v1/people/{id}). */
export async function peopleOnRolls(db: Db, count = 200): Promise<number[]> {
  const { rows } = await sql<{ id: string }>`select person_id as id from memberships where to_date is null
    order by md5(person_id::text) limit ${count}`.execute(db);
  return rows.map((r) => Number(r.id));
}
