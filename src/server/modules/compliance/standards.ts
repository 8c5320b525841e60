/** The rulebook as it stood on a day: the one definition of "in force" every reader uses. */
import { sql, type RawBuilder } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { isCentralAdministrator } from '../../access/policies.ts';
import { pathInScope, scopeRoots } from '../../access/scope.ts';
import type { Db } from '../../db/database.ts';

/** The versions of standard row `s` (an alias, or the table's name) valid on `day`: valid_from <= day < valid_to. */
export const inForce = (s: string, day: string | RawBuilder<unknown>): RawBuilder<boolean> => {
  const d = typeof day === 'string' ? sql`${day}::date` : day;
  return sql<boolean>`${sql.ref(`${s}.valid_from`)} <= ${d} and (${sql.ref(`${s}.valid_to`)} is null or ${sql.ref(`${s}.valid_to`)} > ${d})`;
};

export function standardsInForce(db: Db, day: string) {
  return db
    .selectFrom('standards')
    .select(['code', 'kind', 'params', 'title_en as title', 'title_ko as titleKo', 'scope_unit_id', 'scope_sector'])
    .where(inForce('standards', day))
    .orderBy('id')
    .execute();
}

/**
 * The rulebook as a reader may see it (decision 0014): administrators get every version; anyone else
 * the rules that apply to their subtree: rules for the whole organization or a sector, rules scoped to
 * a unit in their scope (with its id), and rules scoped to a unit above their scope without the unit's
 * id (absent: null would mean the whole organization). Rules for other subtrees are not listed.
 */
export async function listStandards(db: Db, actor: Actor) {
  const roots = scopeRoots(actor, 'read');
  const above = roots === 'all' || roots.length === 0 ? sql<boolean>`false` : sql<boolean>`u.path @> any(${roots}::ltree[])`;
  const rows = await db
    .selectFrom('standards as s')
    .leftJoin('units as u', 'u.id', 's.scope_unit_id')
    .selectAll('s')
    .select(sql<boolean>`u.id is null or ${pathInScope(actor, 'u.path')}`.as('unitVisible'))
    .where((eb) =>
      isCentralAdministrator(actor) ? sql<boolean>`true` : eb.or([eb('s.scope_unit_id', 'is', null), pathInScope(actor, 'u.path'), above]),
    )
    .orderBy('s.code')
    .orderBy('s.valid_from')
    .execute();
  return rows.map((s) => ({
    id: s.id,
    code: s.code,
    kind: s.kind,
    params: s.params,
    titleEn: s.title_en,
    titleKo: s.title_ko,
    ...(s.unitVisible ? { scopeUnitId: s.scope_unit_id } : {}),
    scopeSector: s.scope_sector,
    validFrom: s.valid_from,
    validTo: s.valid_to,
  }));
}
