/**
 * Sends the outbox to POST /api/v1/sync in the order the operations were made. The server applies an
 * opId once, so a batch cut by a lost connection is simply sent again: what it applied answers
 * `duplicate`. Applied and duplicate operations leave the outbox; a conflict or a rejection stays, marked,
 * for the secretary to resolve; nothing is overwritten on their behalf.
 */
import { api, ApiError } from '../api/client.ts';
import { offlineDb, type OperationError, type OutboxOperation } from './db.ts';

type SyncStatus = 'applied' | 'duplicate' | 'conflict' | 'rejected';
interface SyncAnswer {
  results: { opId: string; status: SyncStatus; error?: OperationError }[];
}

/** Well under the server's batch limit; a long outbox goes in several requests, in order. */
const BATCH = 100;

export interface SyncOutcome {
  sent: number;
  applied: number;
  problems: number;
}

let running: Promise<SyncOutcome> | null = null;

/** One sync at a time: the `online` event, the app's start and the button may all ask at once. */
export function syncOutbox(): Promise<SyncOutcome> {
  running ??= syncAll().finally(() => {
    running = null;
  });
  return running;
}

async function syncAll(): Promise<SyncOutcome> {
  const outcome: SyncOutcome = { sent: 0, applied: 0, problems: 0 };
  for (;;) {
    const waiting = await offlineDb.outbox.where('state').equals('waiting').sortBy('seq');
    if (waiting.length === 0) return outcome;
    const batch = waiting.slice(0, BATCH);
    const answer = await api.post<SyncAnswer>('/api/v1/sync', {
      operations: batch.map((op) => ({ opId: op.opId, type: op.type, payload: op.payload })),
    });
    await recordAnswers(batch, answer, outcome);
    // An operation the server did not answer stays waiting; stop rather than loop on it.
    if (answer.results.length < batch.length) return outcome;
  }
}

async function recordAnswers(batch: OutboxOperation[], answer: SyncAnswer, outcome: SyncOutcome): Promise<void> {
  const sent = new Set(batch.map((op) => op.opId));
  await offlineDb.transaction('rw', offlineDb.outbox, async () => {
    for (const result of answer.results) {
      if (!sent.has(result.opId)) continue;
      outcome.sent++;
      const row = offlineDb.outbox.where('opId').equals(result.opId);
      if (result.status === 'applied' || result.status === 'duplicate') {
        outcome.applied++;
        await row.delete();
      } else {
        outcome.problems++;
        await row.modify({ state: result.status, error: result.error ?? result.status });
      }
    }
  });
}

/** The server's error for an operation as an ApiError, so the web's error messages translate it. */
export function operationError(error: OperationError | undefined): ApiError {
  if (typeof error === 'string' || !error) return new ApiError(422, 'rejected', error ?? 'rejected');
  return new ApiError(
    422,
    error.code ?? 'rejected',
    error.message ?? error.code ?? 'rejected',
    undefined,
    undefined,
    error.messageKey,
    error.params,
  );
}
