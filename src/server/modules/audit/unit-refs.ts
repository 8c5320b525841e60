/**
 * The units an audit row's before and after name, cut at the reader's scope (docs/decisions/0013): a
 * row is shown because its own unit is in the reader's subtree, but what it recorded can name units
 * above or beside it (a cell moved in from another district, a person transferred from elsewhere, the
 * ancestors in a tree path). For a reader without the whole tree, a unit id they may not read becomes
 * null, and a tree path keeps only its part from the reader's top unit down (null if none of it is theirs).
 */
import { sql } from 'kysely';
import { canReadPath, type Actor } from '../../access/actor.ts';
import { isCentralAdministrator } from '../../access/policies.ts';
import type { Db } from '../../db/database.ts';

/** Keys under which the audited services record a unit's id. */
const UNIT_ID_KEYS = new Set([
  'parentId',
  'parent_id',
  'cellId',
  'cell_id',
  'toCellId',
  'unitId',
  'unit_id',
  'from_parent_id',
  'to_parent_id',
]);
/** Keys under which they record a unit's place in the tree (an ltree path of ids). */
const PATH_KEYS = new Set(['path', 'from_path']);

type Json = unknown;

function walk(value: Json, visit: (key: string, v: Json) => Json): Json {
  if (Array.isArray(value)) return value.map((v) => walk(v, visit));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visit(k, walk(v, visit))]));
}

const isUnitId = (k: string, v: Json): v is number | string =>
  UNIT_ID_KEYS.has(k) && (typeof v === 'number' || (typeof v === 'string' && /^\d{1,18}$/.test(v)));

/** The part of `path` from the reader's top unit down, or null when it lies outside every subtree they read. */
function pathInView(actor: Actor, path: string): string | null {
  const labels = path.split('.');
  for (let i = 0; i < labels.length; i++) {
    if (canReadPath(actor, labels.slice(0, i + 1).join('.'))) return labels.slice(i).join('.');
  }
  return null;
}

/**
 * A function that cuts one before/after value for `actor`; it reads the paths of every unit id in
 * `values` at once, so a page of rows costs one query.
 */
export async function unitRefsCutter(db: Db, actor: Actor, values: Json[]): Promise<(value: Json) => Json> {
  if (isCentralAdministrator(actor)) return (v) => v;
  const ids = new Set<number>();
  for (const v of values)
    walk(v, (k, x) => {
      if (isUnitId(k, x)) ids.add(Number(x));
      return x;
    });
  const rows =
    ids.size === 0
      ? []
      : await db
          .selectFrom('units')
          .select(['id', sql<string>`path::text`.as('path')])
          .where('id', 'in', [...ids])
          .execute();
  const readable = new Set(rows.filter((r) => canReadPath(actor, r.path)).map((r) => Number(r.id)));
  return (value) =>
    walk(value, (k, x) => {
      if (isUnitId(k, x)) return readable.has(Number(x)) ? x : null;
      if (PATH_KEYS.has(k) && typeof x === 'string' && /^\d+(\.\d+)*$/.test(x)) return pathInView(actor, x);
      return x;
    });
}
