import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { pathInScope, personInScope } from '../../access/scope.ts';
import type { Db } from '../../db/database.ts';

/**
 * A person the actor may read, with what the actor may do with the record: see its personal fields
 * (access/fields.ts) and manage it. One read, for the person's page.
 */
export function selectPersonForReader(db: Db, actor: Actor, id: number) {
  return db.selectFrom('people as p').selectAll('p')
    .select((eb) => [
      sql<boolean>`${personInScope(actor, 'p.id', 'personal')(eb)}`.as('personal'),
      sql<boolean>`${personInScope(actor, 'p.id', 'manage')(eb)}`.as('manageable'),
    ])
    .where('p.id', '=', id)
    .where(personInScope(actor, 'p.id'))
    .executeTakeFirst();
}

/** The person's memberships in cells the actor may see; all of them when it is the actor themself. */
export function selectMemberships(db: Db, actor: Actor, personId: number) {
  let q = db.selectFrom('memberships as m')
    .innerJoin('units as u', 'u.id', 'm.cell_id')
    .select(['m.id', 'm.role', 'm.from_date', 'm.to_date', 'u.id as cellId', 'u.name as cellName', 'u.kind as cellKind'])
    .where('m.person_id', '=', personId);
  if (actor.personId !== personId) q = q.where(pathInScope(actor, 'u.path'));
  return q.orderBy('m.from_date', 'desc').orderBy('m.id', 'desc').execute();
}
