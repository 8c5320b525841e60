/** Library content: documents (the charter among them), newspaper issues and their articles. Written by administrators, read by all. */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { findUnitInScope } from '../../access/lookups.ts';
import { requireCentralAdministrator } from '../../access/policies.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { badRequest, notFound } from '../../errors.ts';
import type {
  CreateArticle,
  CreateDocument,
  CreateIssue,
  Item,
  ItemKind,
  ItemSummary,
  UpdateItem,
} from '../../../shared/schemas/library.ts';
import { recordAudit } from '../audit/service.ts';
import { itemsFrom, presentSummary, selectItem, summaryColumns, visibleItem } from './queries.ts';
import { myReadingOf } from './reading-log.ts';
import { storedBody } from './sanitize.ts';

const publishedAt = (published: boolean) => (published ? sql<Date>`now()` : null);

/** Writes a new item (its body sanitised, its title composed) and its audit row; answers it as the actor reads it. */
async function insertItem(
  trx: Db,
  actor: Actor,
  item: { kind: ItemKind; title: string; body: string; published: boolean; issueId?: number; editorial?: boolean; unitId?: number },
  input: unknown,
): Promise<Item> {
  const body = storedBody(item.body);
  const row = await trx
    .insertInto('library_items')
    .values({
      kind: item.kind,
      issue_id: item.issueId ?? null,
      editorial: item.editorial ?? false,
      title: item.title.normalize('NFC'),
      body_html: body.html,
      body_text: body.text,
      unit_id: item.unitId ?? null,
      published_at: publishedAt(item.published),
      created_by: actor.accountId || null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, { action: 'library.create', entity: 'library_item', entityId: row.id, after: input, unitId: null });
  return getItem(trx, actor, row.id);
}

export function createDocument(db: Db, actor: Actor, input: CreateDocument): Promise<Item> {
  return inTransaction(db, async (trx) => {
    requireCentralAdministrator(actor);
    if (input.unitId !== undefined && !(await findUnitInScope(trx, actor, input.unitId))) throw badRequest('unit.notFound');
    return insertItem(trx, actor, input, input);
  });
}

export function createIssue(db: Db, actor: Actor, input: CreateIssue) {
  return inTransaction(db, async (trx) => {
    requireCentralAdministrator(actor);
    const row = await trx
      .insertInto('newspaper_issues')
      .values({ title: input.title, issue_no: input.issueNo ?? null, issued_on: input.issuedOn, created_by: actor.accountId || null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'library.issue', entity: 'newspaper_issue', entityId: row.id, after: input, unitId: null });
    return getIssue(trx, actor, row.id);
  });
}

export function createArticle(db: Db, actor: Actor, issueId: number, input: CreateArticle): Promise<Item> {
  return inTransaction(db, async (trx) => {
    requireCentralAdministrator(actor);
    const issue = await trx.selectFrom('newspaper_issues').select('id').where('id', '=', issueId).forShare().executeTakeFirst();
    if (!issue) throw notFound('library.issueNotFound');
    return insertItem(trx, actor, { ...input, kind: 'article', issueId }, input);
  });
}

export function updateItem(db: Db, actor: Actor, id: number, input: UpdateItem): Promise<Item> {
  return inTransaction(db, async (trx) => {
    requireCentralAdministrator(actor, 'common.notFound');
    const before = await trx.selectFrom('library_items').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw notFound('library.itemNotFound');
    if (input.editorial && before.kind !== 'article') throw badRequest('library.editorialNotArticle');
    const body = input.body === undefined ? undefined : storedBody(input.body);
    await trx
      .updateTable('library_items')
      .set({
        ...(input.title === undefined ? {} : { title: input.title.normalize('NFC') }),
        ...(body ? { body_html: body.html, body_text: body.text } : {}),
        ...(input.editorial === undefined ? {} : { editorial: input.editorial }),
        // Publishing keeps the first publication's time; withdrawing makes it a draft again.
        ...(input.published === undefined ? {} : { published_at: input.published ? (before.published_at ?? sql<Date>`now()`) : null }),
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .execute();
    const { search: _s, search_text: _t, ...kept } = before as typeof before & { search?: unknown; search_text?: unknown };
    await recordAudit(trx, actor, {
      action: 'library.update',
      entity: 'library_item',
      entityId: id,
      before: kept,
      after: input,
      unitId: null,
    });
    return getItem(trx, actor, id);
  });
}

export async function getItem(db: Db, actor: Actor, id: number): Promise<Item> {
  const row = await selectItem(db, actor, id);
  if (!row) throw notFound('library.itemNotFound');
  return { ...presentSummary(row.summary), bodyHtml: row.body_html, myReading: await myReadingOf(db, actor, id) };
}

/** Items latest added first (by id, which is the cursor), optionally of one kind or only editorials; `cursor` is the last id seen. */
export async function listItems(
  db: Db,
  actor: Actor,
  query: { kind?: ItemKind; editorial?: 'true' | 'false'; limit: number; cursor?: number },
): Promise<{ items: ItemSummary[]; nextCursor: string | null }> {
  let q = itemsFrom(db)
    .select([summaryColumns(actor).as('summary')])
    .where(visibleItem(actor));
  if (query.kind) q = q.where('i.kind', '=', query.kind);
  if (query.editorial) q = q.where('i.editorial', '=', query.editorial === 'true');
  if (query.cursor !== undefined) q = q.where('i.id', '<', query.cursor);
  const rows = await q
    .orderBy('i.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const items = rows.slice(0, query.limit).map((r) => presentSummary(r.summary));
  return { items, nextCursor: rows.length > query.limit ? String(items.at(-1)!.id) : null };
}

export async function listIssues(db: Db, actor: Actor) {
  const rows = await db
    .selectFrom('newspaper_issues as n')
    .select([
      'n.id',
      'n.title',
      'n.issue_no',
      sql<string>`n.issued_on::text`.as('issued_on'),
      (eb) =>
        eb
          .selectFrom('library_items as i')
          .select(sql<number>`count(*)::int`.as('c'))
          .whereRef('i.issue_id', '=', 'n.id')
          .where(visibleItem(actor))
          .as('article_count'),
    ])
    .orderBy('n.issued_on', 'desc')
    .orderBy('n.id', 'desc')
    .limit(500)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      issueNo: r.issue_no,
      issuedOn: r.issued_on,
      articleCount: Number(r.article_count ?? 0),
    })),
  };
}

export async function getIssue(db: Db, actor: Actor, id: number) {
  const issue = await db
    .selectFrom('newspaper_issues')
    .select(['id', 'title', 'issue_no', sql<string>`issued_on::text`.as('issued_on')])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!issue) throw notFound('library.issueNotFound');
  const rows = await itemsFrom(db)
    .select([summaryColumns(actor).as('summary')])
    .where('i.issue_id', '=', id)
    .where(visibleItem(actor))
    // The editorial leads the issue.
    .orderBy('i.editorial', 'desc')
    .orderBy('i.id')
    .execute();
  return {
    id: issue.id,
    title: issue.title,
    issueNo: issue.issue_no,
    issuedOn: issue.issued_on,
    articles: rows.map((r) => presentSummary(r.summary)),
  };
}
