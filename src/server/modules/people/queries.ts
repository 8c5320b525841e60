import { expressionBuilder, sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { pathInScope, personInScope } from '../../access/scope.ts';
import { PREPARED, type Db } from '../../db/database.ts';
import type { DB, PersonRow } from '../../db/types.ts';
import type { MembershipRole, UnitKind } from '../../../shared/enums.ts';

export type PersonPageRow = Pick<
  PersonRow,
  'id' | 'full_name' | 'email' | 'phone' | 'birth_year' | 'workplace' | 'joined_on' | 'member_no'
> & {
  /** The actor may see the record's personal fields (access/fields.ts). */
  personal: boolean;
  /** The actor may manage the record. */
  manageable: boolean;
  /** The person's memberships in cells the actor may see (all of them when it is the actor themself), newest first. */
  memberships: Array<{
    id: number;
    role: MembershipRole;
    fromDate: string;
    toDate: string | null;
    cellId: number;
    cellName: string;
    cellKind: UnitKind;
  }>;
};

/**
 * A person the actor may read, what the actor may do with the record, and the memberships the actor
 * may see: the person's page in one prepared statement (one round trip, planned once per connection).
 */
export async function selectPersonPage(db: Db, actor: Actor, id: number): Promise<PersonPageRow | undefined> {
  const eb = expressionBuilder<DB, 'people'>();
  const own = actor.personId === null ? sql`false` : sql`m.person_id = ${actor.personId}::bigint`;
  const {
    rows: [row],
  } = await sql<PersonPageRow>`${sql.raw(PREPARED)}
    select p.id, p.full_name, p.email, p.phone, p.birth_year, p.workplace, p.joined_on, p.member_no,
      ${personInScope(actor, 'p.id', 'personal')(eb)} as personal,
      ${personInScope(actor, 'p.id', 'manage')(eb)} as manageable,
      coalesce((select json_agg(json_build_object('id', m.id, 'role', m.role, 'fromDate', m.from_date, 'toDate', m.to_date,
          'cellId', u.id, 'cellName', u.name, 'cellKind', u.kind) order by m.from_date desc, m.id desc)
        from memberships m join units u on u.id = m.cell_id
        where m.person_id = p.id and (${own} or ${pathInScope(actor, 'u.path')})), '[]'::json) as memberships
    from people p
    where p.id = ${id}::bigint and ${personInScope(actor, 'p.id')(eb)}`.execute(db);
  return row;
}
