/** SQL over ltree paths (units.path and the copies of it in figures and the audit log). */
import { sql, type SqlBool } from 'kysely';

/**
 * `column` (an ltree) lies in the subtree at `path`, written so that a btree index on the column scans
 * only that stretch. ltree sorts label by label, and a label sorts before every longer label it
 * begins, so the subtree at a.b lies between a.b and a.b0 (the last label with a '0' appended). That
 * range can also hold a few paths outside the subtree (a label such as b-x, never an id), so `<@`
 * keeps the answer exact.
 */
export function subtreeRange(column: string, path: string) {
  const c = sql.ref(column);
  return sql<SqlBool>`(${c} >= ${path}::ltree and ${c} < ${`${path}0`}::ltree and ${c} <@ ${path}::ltree)`;
}
