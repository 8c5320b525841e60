/**
 * The one place that turns an actor into SQL: every query that touches units, people or memberships
 * goes through these filters. An object outside the filter simply does not exist for the actor (404).
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { canReadPath, type Actor } from './actor.ts';

/** What the actor needs of an object: to read it, to read its people's personal data (fields.ts), to change it. */
export type Need = 'read' | 'personal' | 'manage';

/** The subtree roots the actor has for a need, or 'all' for the whole tree. */
export function scopeRoots(actor: Actor, need: Need): string[] | 'all' {
  if (actor.all) return 'all';
  return need === 'read' ? actor.readPaths : need === 'personal' ? actor.personalPaths : actor.managePaths;
}

/** `path` (an ltree column reference like 'u.path') lies inside one of the actor's subtrees. */
export function pathInScope(actor: Actor, column: string, need: Need = 'read'): Expression<SqlBool> {
  const paths = scopeRoots(actor, need);
  if (paths === 'all') return sql<SqlBool>`true`;
  if (paths.length === 0) return sql<SqlBool>`false`;
  const parts = paths.map((p) => sql<SqlBool>`${sql.ref(column)} <@ ${p}::ltree`);
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/**
 * The same condition as `pathInScope`, as SQL text and its one parameter, for statements sent on a raw
 * pg connection (the import's, which COPYs into a temporary table). `param` is the placeholder's number.
 */
export function pathInScopeText(actor: Actor, column: string, need: Need, param: number): { text: string; values: unknown[] } {
  const paths = scopeRoots(actor, need);
  if (paths === 'all') return { text: 'true', values: [] };
  return { text: `(${column} <@ any($${param}::ltree[]))`, values: [paths] };
}

/**
 * `path` lies inside one of the actor's read subtrees or above one: what applies to the actor from a
 * committee above their view (a reading list chosen by the centre for everyone) as well as what is theirs.
 */
export function pathInOrAboveScope(actor: Actor, column: string): Expression<SqlBool> {
  const paths = scopeRoots(actor, 'read');
  if (paths === 'all') return sql<SqlBool>`true`;
  if (paths.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${paths}::ltree[] @> ${sql.ref(column)} or ${paths}::ltree[] <@ ${sql.ref(column)})`;
}

/**
 * A person is in scope if they are currently on the roll of a cell in one of the actor's subtrees, or,
 * to read (their record or their personal data), if it is the actor themself.
 */
export function personInScope(actor: Actor, personIdColumn: string, need: Need = 'read') {
  return (eb: ExpressionBuilder<any, any>): Expression<SqlBool> => {
    if (actor.all) return sql<SqlBool>`true`;
    const onRoll = eb.exists(
      eb
        .selectFrom('memberships as scope_m')
        .innerJoin('units as scope_u', 'scope_u.id', 'scope_m.cell_id')
        .select(sql`1`.as('one'))
        .whereRef('scope_m.person_id', '=', sql.ref(personIdColumn) as any)
        .where('scope_m.to_date', 'is', null)
        .where(pathInScope(actor, 'scope_u.path', need)),
    );
    if (need !== 'manage' && actor.personId !== null) {
      return eb.or([eb(sql.ref(personIdColumn), '=', actor.personId), onRoll]);
    }
    return onRoll;
  };
}

/**
 * A unit's parent as the actor may know it. The reader's tree stops at their scope: a unit at the top
 * of it has no parent for them (null, as the root has), not a placeholder naming the committee above.
 */
export function parentInView(actor: Actor, unit: { path: string; parent_id: number | null }): number | null {
  if (unit.parent_id === null) return null;
  return canReadPath(actor, unit.path.split('.').slice(0, -1).join('.')) ? unit.parent_id : null;
}
