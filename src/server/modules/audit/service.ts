/** Every change writes who, what, when, before and after, in the same transaction as the change. */
import { sql, type RawBuilder } from 'kysely';
import { storedAccountId, type Actor } from '../../access/actor.ts';
import type { Db } from '../../db/database.ts';

export type AuditEntry = {
  action: string;
  entity: string;
  entityId: number | string | null;
  before?: unknown;
  after?: unknown;
  /**
   * The unit the change belongs to, for the officials' subtree filter. Left out, it is found from the
   * entity (unitOfEntity); null says the row has none (administrators only).
   */
  unitId?: number | null;
};

export async function recordAudit(db: Db, actor: Pick<Actor, 'accountId'> | null, entry: AuditEntry): Promise<void> {
  await auditInsert(db, actor, entry).execute();
}

/** The audit row's insert, for a caller that folds it into a larger statement (a CTE) to save a round trip. */
export function auditInsert(db: Db, actor: Pick<Actor, 'accountId'> | null, entry: AuditEntry) {
  const unitId = entry.unitId === undefined ? unitOfEntity(entry.entity, entry.entityId) : sql<number | null>`${entry.unitId}::bigint`;
  return db.insertInto('audit_log').values({
    account_id: actor ? storedAccountId(actor) : null,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId === null ? null : String(entry.entityId),
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    unit_id: unitId,
    unit_path: sql<string | null>`(select u.path from units u where u.id = ${unitId})`,
  });
}

/**
 * The unit an entity belongs to at the moment of the change, read in the change's own transaction:
 * a person's current cell (their last one once they left), a meeting's or an action's cell, a grant's
 * unit, an account's person's cell. Each is one index lookup. Other entities are global.
 */
export function unitOfEntity(entity: string, entityId: number | string | null): RawBuilder<number | null> {
  const id = entityId === null ? NaN : Number(entityId);
  if (!Number.isSafeInteger(id)) return sql`null::bigint`;
  const lastCell = (person: RawBuilder<unknown>) => sql<number | null>`(select m.cell_id from memberships m where m.person_id = ${person}
    order by m.to_date is not null, m.from_date desc, m.id desc limit 1)`;
  switch (entity) {
    case 'unit':
      return sql`(select u.id from units u where u.id = ${id})`;
    case 'person':
      return lastCell(sql`${id}::bigint`);
    case 'meeting':
      return sql`(select m.cell_id from meetings m where m.id = ${id})`;
    case 'action':
      return sql`(select a.cell_id from decision_actions a where a.id = ${id})`;
    case 'follow_up':
      return sql`(select f.cell_id from follow_ups f where f.id = ${id})`;
    case 'grant':
      return sql`(select g.unit_id from grants g where g.id = ${id})`;
    case 'account':
      return lastCell(sql`(select a.person_id from accounts a where a.id = ${id})`);
    default:
      return sql`null::bigint`;
  }
}
