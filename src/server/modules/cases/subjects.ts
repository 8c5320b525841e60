/**
 * Whom a member may name in a report (decision 0029): a person who holds a role now (a cell's secretary
 * or deputy, or an official by a grant on a committee) that the reporter can already see: the officers
 * of their own cells, the officials of the committees above their cells, and the officers inside the
 * reporter's own scope (an official naming a secretary under them). Anyone else, including a person who
 * does not exist, is the same 400: a report cannot be used to learn who exists or who holds a role.
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { scopeRoots } from '../../access/scope.ts';
import type { Db } from '../../db/database.ts';

export type NameableRole = {
  person_id: number;
  full_name: string;
  role: 'secretary' | 'deputy_secretary' | 'official';
  unit_id: number;
  unit_name: string;
  unit_kind: 'cell' | 'committee';
  parent_id: number | null;
  depth: number;
};

/** The roles the actor may name, optionally one person's only; the most senior (shallowest) first. */
export async function nameableRoles(db: Db, actor: Actor, opts: { personId?: number; q?: string } = {}): Promise<NameableRole[]> {
  const me = actor.personId ?? -1;
  const roots = scopeRoots(actor, 'read');
  const inScope =
    roots === 'all' ? sql<boolean>`true` : roots.length === 0 ? sql<boolean>`false` : sql<boolean>`r.path <@ ${roots}::ltree[]`;
  const { rows } = await sql<NameableRole>`
    with my_cells as (
      select u.id, u.path from memberships m join units u on u.id = m.cell_id
      where m.person_id = ${me} and m.to_date is null
    ),
    roles as (
      select m.person_id, m.role, u.id as unit_id, u.name as unit_name, u.kind as unit_kind, u.parent_id, u.depth, u.path
      from memberships m join units u on u.id = m.cell_id
      where m.to_date is null and m.role in ('secretary', 'deputy_secretary') and u.closed_on is null
        ${opts.personId === undefined ? sql`` : sql`and m.person_id = ${opts.personId}`}
      union all
      select a.person_id, 'official', u.id, u.name, u.kind, u.parent_id, u.depth, u.path
      from grants g join accounts a on a.id = g.account_id join units u on u.id = g.unit_id
      where g.role = 'official' and g.revoked_at is null and a.person_id is not null and a.disabled_at is null
        and u.kind = 'committee' and u.closed_on is null
        ${opts.personId === undefined ? sql`` : sql`and a.person_id = ${opts.personId}`}
    )
    select distinct on (r.person_id, r.unit_id, r.role)
      r.person_id, p.full_name, r.role, r.unit_id, r.unit_name, r.unit_kind, r.parent_id, r.depth
    from roles r join people p on p.id = r.person_id
    where r.person_id <> ${me}
      ${opts.q ? sql`and p.full_name ilike ${`%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}` : sql``}
      and (
        r.unit_id in (select id from my_cells)
        or (r.unit_kind = 'committee' and exists (select 1 from my_cells mc where r.path @> mc.path))
        or ${inScope}
      )
    order by r.person_id, r.unit_id, r.role
    limit 500`.execute(db);
  return rows.sort((a, b) => a.depth - b.depth || a.full_name.localeCompare(b.full_name) || a.person_id - b.person_id);
}
