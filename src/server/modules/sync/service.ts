/**
 * Applying a device's outbox (issue 16). Each operation runs in its own transaction, which also writes
 * its row in `sync_operations`: an operation is applied exactly once however often its batch is sent
 * (a server killed mid-batch leaves the applied ones recorded, and the client's retry answers them
 * `duplicate` with the stored result). A refused or conflicting operation rolls back whole and leaves
 * no row, so it changes nothing; the secretary resolves it and the device sends a new operation.
 * The operations run through the same services as the online routes: no rule is written twice.
 */
import { createHash } from 'node:crypto';
import type { Actor } from '../../access/actor.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { AppError, badRequest, errorBody, fromDatabaseError } from '../../errors.ts';
import { SYNC_MAX_OPERATIONS, type SyncOperation, type SyncResult } from '../../../shared/schemas/sync.ts';
import { OPERATIONS, type Applied } from './operations.ts';
import { describeRollMismatch } from './conflicts.ts';

/** A serialization failure or deadlock is retried this many times before the operation is answered `conflict`. */
const RETRIES = 3;

export async function syncBatch(db: Db, actor: Actor, operations: SyncOperation[], timeZone: string): Promise<SyncResult[]> {
  if (operations.length > SYNC_MAX_OPERATIONS) {
    throw badRequest('sync.tooManyOperations', { params: { max: SYNC_MAX_OPERATIONS }, details: { sent: operations.length } });
  }
  const results: SyncResult[] = [];
  // In order: a later operation may name a meeting an earlier one created (meetingOpId).
  for (const op of operations) results.push(await applyOperation(db, actor, op, timeZone));
  return results;
}

export async function applyOperation(db: Db, actor: Actor, op: SyncOperation, timeZone: string): Promise<SyncResult> {
  const hash = payloadHash(op.type, op.payload);
  const stored = await storedOutcome(db, actor, op, hash);
  if (stored) return stored;
  const handler = OPERATIONS[op.type as keyof typeof OPERATIONS];
  if (!handler) return refused(op, 'rejected', badRequest('sync.unknownType', { params: { type: op.type.slice(0, 60) } }));
  const parsed = handler.schema.safeParse(op.payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return refused(
      op,
      'rejected',
      badRequest('request.invalidInputAt', { params: { path: issue.path.join('.') || '(payload)', issue: issue.message } }),
    );
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(db, async (trx) => {
        const applied: Applied = await handler.apply(trx, actor, parsed.data as never, timeZone);
        const result: SyncResult = { opId: op.opId, status: 'applied', type: op.type, ...applied, appliedAt: new Date().toISOString() };
        await trx
          .insertInto('sync_operations')
          .values({
            op_id: op.opId,
            account_id: actor.accountId,
            person_id: actor.personId,
            type: op.type,
            payload_hash: hash,
            result: JSON.stringify(result),
          })
          .execute();
        return result;
      });
    } catch (err) {
      // The same operation applied meanwhile by a concurrent request: its row won the primary key.
      if (isOpIdTaken(err)) return (await storedOutcome(db, actor, op, hash))!;
      const known = err instanceof AppError ? err : fromDatabaseError(err);
      if (!known) throw err; // not the client's doing (a bug, the database gone): the batch stops, the retry resumes
      if (known.messageKey === 'db.changedMeanwhile' && attempt < RETRIES) continue;
      return outcomeOf(db, actor, op, parsed.data, known);
    }
  }
}

/** An operation already applied answers `duplicate` with its stored result; its id reused for another payload is refused. */
async function storedOutcome(db: Db, actor: Actor, op: SyncOperation, hash: string): Promise<SyncResult | undefined> {
  const row = await db
    .selectFrom('sync_operations')
    .select(['account_id', 'payload_hash', 'result'])
    .where('op_id', '=', op.opId)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.payload_hash !== hash || Number(row.account_id) !== actor.accountId) {
    return refused(op, 'rejected', badRequest('sync.opIdReused'));
  }
  return { ...(row.result as SyncResult), opId: op.opId, status: 'duplicate' };
}

/** A refusal: a changed meeting or roll is a conflict for the secretary to resolve; anything else is rejected. */
async function outcomeOf(db: Db, actor: Actor, op: SyncOperation, payload: unknown, err: AppError): Promise<SyncResult> {
  if (err.messageKey === 'meeting.savedMeanwhile' || err.messageKey === 'db.changedMeanwhile') return refused(op, 'conflict', err);
  if (err.messageKey === 'attendance.rollMismatch') {
    const described = await describeRollMismatch(db, actor, payload, err);
    return refused(op, described.status, described.error);
  }
  return refused(op, 'rejected', err);
}

function refused(op: SyncOperation, status: 'conflict' | 'rejected', err: AppError): SyncResult {
  return { opId: op.opId, status, type: op.type, error: errorBody(err) };
}

function isOpIdTaken(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string; constraint?: string }).constraint === 'sync_operations_pkey';
}

/** SHA-256 of the type and payload as canonical JSON (keys sorted), so key order on the device does not matter. */
export function payloadHash(type: string, payload: unknown): string {
  return createHash('sha256').update(canonical({ type, payload })).digest('hex');
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
