/**
 * Reading the audit trail: administrators the whole of it, officials their subtrees (access/audit.ts).
 * Every page read is itself a row of the trail, with the filters it was read with.
 */
import type { Actor } from '../../access/actor.ts';
import { auditCovers, auditScope } from '../../access/audit.ts';
import type { Db } from '../../db/database.ts';
import { badRequest, notFound } from '../../errors.ts';
import { decodeCursor, pageFrom } from '../../http/pagination.ts';
import type { AuditEntry, AuditPage, AuditQuery } from '../../../shared/schemas/audit.ts';
import { recordAudit } from './service.ts';
import { selectAuditRows, selectUnitPath, type AuditFilters, type AuditRow } from './queries.ts';
import { unitRefsCutter } from './unit-refs.ts';

const AT_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export async function readAudit(db: Db, actor: Actor, query: AuditQuery, timeZone: string): Promise<AuditPage> {
  const scope = auditScope(actor);
  if (!scope) throw notFound('common.notFound');
  let paths: Array<string | null> = scope.all ? [null] : scope.roots;
  if (query.unitId !== undefined) {
    const unit = await selectUnitPath(db, query.unitId);
    if (!unit || !auditCovers(scope, unit.path)) throw notFound('unit.notFound');
    paths = [unit.path];
  }
  const cursor = decodeCursor(query.cursor);
  if (cursor && !AT_KEY.test(cursor[0])) throw badRequest('request.badCursor');
  const filters: AuditFilters = {
    personId: query.personId,
    actorId: query.actorId,
    entity: query.entity,
    action: query.action,
    from: query.from ? { day: query.from, timeZone } : undefined,
    until: query.to ? { day: query.to, timeZone } : undefined,
  };
  // An official's subtrees are disjoint (minimal roots): each is read on its own index, then merged.
  const parts = await Promise.all(paths.map((p) => selectAuditRows(db, p, filters, cursor, query.limit + 1)));
  const rows = parts
    .flat()
    .sort(newestFirst)
    .slice(0, query.limit + 1);
  const page = pageFrom(rows, query.limit, (r) => [r.at_key, r.id]);
  const { limit: _limit, cursor: _cursor, ...asked } = query;
  await recordAudit(db, actor, {
    action: 'audit.read',
    entity: 'audit',
    entityId: null,
    unitId: query.unitId ?? null,
    after: { ...asked, page: query.cursor ? 'next' : 'first', rows: page.items.length },
  });
  const cut = await unitRefsCutter(
    db,
    actor,
    page.items.flatMap((r) => [r.before, r.after]),
  );
  return { items: page.items.map((r) => presentEntry(r, cut)), nextCursor: page.nextCursor };
}

/** at_key is fixed-width UTC, so text order is time order. */
function newestFirst(a: AuditRow, b: AuditRow): number {
  if (a.at_key !== b.at_key) return a.at_key < b.at_key ? 1 : -1;
  return b.id - a.id;
}

/** One row as the reader sees it; `cut` takes out the units beyond the reader's scope (unit-refs.ts). */
function presentEntry(r: AuditRow, cut: (value: unknown) => unknown): AuditEntry {
  return {
    id: r.id,
    at: r.at_key,
    actor:
      r.account_id === null
        ? null
        : {
            accountId: r.account_id,
            login: r.login ?? String(r.account_id),
            personId: r.actor_person_id ?? null,
            fullName: r.actor_name ?? null,
          },
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    entityLabel: r.entity_label,
    unit:
      r.unit_id === null || r.unit_name === null || r.unit_kind === null ? null : { id: r.unit_id, name: r.unit_name, kind: r.unit_kind },
    // Erasure scrubs the rows filed under the person; rows filed under their account (its login) are
    // scrubbed here, on the way out, so the trail never shows what erasure removed.
    before: r.subject_erased ? null : cut(r.before),
    after: r.subject_erased ? { erased: true } : cut(r.after),
  };
}
