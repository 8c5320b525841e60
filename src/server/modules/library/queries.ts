/** The library's SQL: items as a reader may see them, issues, and the shape every listing shares. */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { isCentralAdministrator } from '../../access/policies.ts';
import { pathInScope } from '../../access/scope.ts';
import type { Db } from '../../db/database.ts';
import type { LibraryItemKind } from '../../db/types.ts';
import type { ItemSummary } from '../../../shared/schemas/library.ts';

/** Published items are everyone's; drafts (and items dated later) are the administrators'. */
export function visibleItem(actor: Actor, alias = 'i'): Expression<SqlBool> {
  if (isCentralAdministrator(actor)) return sql<SqlBool>`true`;
  return sql<SqlBool>`(${sql.ref(`${alias}.published_at`)} is not null and ${sql.ref(`${alias}.published_at`)} <= now())`;
}

/** The columns of an item summary, over `library_items i left join newspaper_issues n left join units u`. */
export function summaryColumns(actor: Actor) {
  return sql<SummaryRow>`json_build_object(
    'id', i.id, 'kind', i.kind, 'title', i.title, 'editorial', i.editorial,
    'issue', case when n.id is null then null else json_build_object('id', n.id, 'title', n.title, 'issueNo', n.issue_no, 'issuedOn', n.issued_on::text) end,
    'publishedAt', to_char(i.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'unitId', case when u.id is not null and ${pathInScope(actor, 'u.path')} then u.id end)`;
}

export type SummaryRow = {
  id: number;
  kind: LibraryItemKind;
  title: string;
  editorial: boolean;
  issue: ItemSummary['issue'];
  publishedAt: string | null;
  unitId: number | null;
};

/** The API's summary: the issuing committee only when the reader may see it (absent otherwise, never null). */
export function presentSummary(r: SummaryRow): ItemSummary {
  const { unitId, ...rest } = r;
  return { ...rest, ...(unitId === null ? {} : { unitId: Number(unitId) }) };
}

export function itemsFrom(db: Db) {
  return db
    .selectFrom('library_items as i')
    .leftJoin('newspaper_issues as n', 'n.id', 'i.issue_id')
    .leftJoin('units as u', 'u.id', 'i.unit_id');
}

/** One item a reader may see, with its body, or undefined. */
export function selectItem(db: Db, actor: Actor, id: number) {
  return itemsFrom(db)
    .select([summaryColumns(actor).as('summary'), 'i.body_html'])
    .where('i.id', '=', id)
    .where(visibleItem(actor))
    .executeTakeFirst();
}

/** Summaries of the items among `ids` a reader may see, in the order of `ids`. */
export async function selectSummaries(db: Db, actor: Actor, ids: number[]): Promise<ItemSummary[]> {
  if (ids.length === 0) return [];
  const rows = await itemsFrom(db)
    .select([summaryColumns(actor).as('summary')])
    .where('i.id', 'in', ids)
    .where(visibleItem(actor))
    .execute();
  const byId = new Map(rows.map((r) => [r.summary.id, presentSummary(r.summary)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The ids among `ids` that are not published items (or do not exist): a list or a session may only name published ones. */
export async function missingPublished(db: Db, ids: number[]): Promise<number[]> {
  const rows = await db
    .selectFrom('library_items')
    .select('id')
    .where('id', 'in', ids)
    .where('published_at', 'is not', null)
    .where('published_at', '<=', sql<Date>`now()`)
    .execute();
  const found = new Set(rows.map((r) => Number(r.id)));
  return ids.filter((id) => !found.has(id));
}
