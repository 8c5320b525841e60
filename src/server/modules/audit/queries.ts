/**
 * Reading the audit trail newest first, one subtree at a time, each read served by an index that gives
 * the subtree's rows already in (at, id) order (migration 2026-12-02T1400 says which and why).
 */
import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { CursorKey } from '../../http/pagination.ts';
import { subtreeRange } from '../../db/ltree.ts';
import { ERASED_NAME } from '../people/privacy.ts';

/** The deepest committee depth with an index of its own (audit_log_under_depth<d>_idx). */
const DEEPEST_INDEXED = 4;

export type AuditFilters = {
  personId?: number;
  actorId?: number;
  entity?: string;
  action?: string;
  /** Bounds of `at`, already turned into instants: from included, until excluded. */
  from?: RawInstant;
  until?: RawInstant;
};
/** An instant computed by the database (a day's start in the organization's time zone). */
export type RawInstant = { day: string; timeZone: string };

/** The rows under `path` (null: every row, the administrator's read), in the form its index holds them. */
function inSubtree(path: string | null): ReturnType<typeof sql<SqlBool>> {
  if (path === null) return sql<SqlBool>`true`;
  const depth = path.split('.').length - 1;
  // The top committee holds nearly every row: walking the time index fills a page at once.
  if (depth === 0) return sql<SqlBool>`l.unit_path <@ ${path}::ltree`;
  if (depth > DEEPEST_INDEXED) return subtreeRange('l.unit_path', path);
  // Literal numbers, so the planner matches the index's expression and its partial predicate.
  const d = sql.raw(String(depth));
  const labels = sql.raw(String(depth + 1));
  return sql<SqlBool>`(subpath(l.unit_path, 0, ${labels}) = ${path}::ltree and nlevel(l.unit_path) > ${d})`;
}

const dayStart = (i: RawInstant, plusDays: 0 | 1) =>
  sql`((${i.day}::date + ${sql.raw(String(plusDays))})::timestamp at time zone ${i.timeZone})`;

/** Up to `limit` rows under `path`, newest first, after the cursor's row. */
export function selectAuditRows(db: Db, path: string | null, f: AuditFilters, cursor: CursorKey | undefined, limit: number) {
  return auditRowsQuery(db, path, f, cursor, limit).execute();
}

/** The query itself, so its plan can be looked at. */
export function auditRowsQuery(db: Db, path: string | null, f: AuditFilters, cursor: CursorKey | undefined, limit: number) {
  let q = db
    .selectFrom('audit_log as l')
    .leftJoin('accounts as a', 'a.id', 'l.account_id')
    .leftJoin('people as ap', 'ap.id', 'a.person_id')
    .leftJoin('units as u', 'u.id', 'l.unit_id')
    // The subject of a person's or an account's row, to keep an erased person erased here too.
    .leftJoin('people as sp', (j) =>
      j.on(sql<SqlBool>`sp.id = case when l.entity = 'person' and l.entity_id ~ '^[0-9]{1,18}$' then l.entity_id::bigint end`),
    )
    .leftJoin('accounts as sa', (j) =>
      j.on(sql<SqlBool>`sa.id = case when l.entity = 'account' and l.entity_id ~ '^[0-9]{1,18}$' then l.entity_id::bigint end`),
    )
    .leftJoin('people as sap', 'sap.id', 'sa.person_id')
    .select([
      'l.id',
      'l.account_id',
      'a.login',
      'a.person_id as actor_person_id',
      'ap.full_name as actor_name',
      'l.action',
      'l.entity',
      'l.entity_id',
      'l.before',
      'l.after',
      'l.unit_id',
      'u.name as unit_name',
      'u.kind as unit_kind',
      sql<string>`to_char(l.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('at_key'),
      sql<string | null>`case l.entity when 'unit' then u.name when 'person' then sp.full_name end`.as('entity_label'),
      sql<boolean>`coalesce(sp.full_name = ${ERASED_NAME} or sap.full_name = ${ERASED_NAME}, false)`.as('subject_erased'),
    ])
    .where(inSubtree(path));
  if (f.personId !== undefined) q = q.where('l.entity', '=', 'person').where('l.entity_id', '=', String(f.personId));
  if (f.actorId !== undefined) q = q.where('l.account_id', '=', f.actorId);
  if (f.entity !== undefined) q = q.where('l.entity', '=', f.entity);
  if (f.action !== undefined) q = q.where('l.action', '=', f.action);
  if (f.from) q = q.where(sql<SqlBool>`l.at >= ${dayStart(f.from, 0)}`);
  if (f.until) q = q.where(sql<SqlBool>`l.at < ${dayStart(f.until, 1)}`);
  if (cursor) q = q.where(sql<SqlBool>`(l.at, l.id) < (${cursor[0]}::timestamptz, ${cursor[1]})`);
  return q.orderBy('l.at', 'desc').orderBy('l.id', 'desc').limit(limit);
}

export type AuditRow = Awaited<ReturnType<typeof selectAuditRows>>[number];

export function selectUnitPath(db: Db, id: number) {
  return db
    .selectFrom('units')
    .select(['id', sql<string>`path::text`.as('path')])
    .where('id', '=', id)
    .executeTakeFirst();
}
