/** Every change writes who, what, when, before and after, in the same transaction as the change. */
import { storedAccountId, type Actor } from '../../access/actor.ts';
import type { Db } from '../../db/database.ts';

export type AuditEntry = {
  action: string;
  entity: string;
  entityId: number | string | null;
  before?: unknown;
  after?: unknown;
};

export async function recordAudit(db: Db, actor: Pick<Actor, 'accountId'> | null, entry: AuditEntry): Promise<void> {
  await auditInsert(db, actor, entry).execute();
}

/** The audit row's insert, for a caller that folds it into a larger statement (a CTE) to save a round trip. */
export function auditInsert(db: Db, actor: Pick<Actor, 'accountId'> | null, entry: AuditEntry) {
  return db.insertInto('audit_log').values({
    account_id: actor ? storedAccountId(actor) : null,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId === null ? null : String(entry.entityId),
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
  });
}
