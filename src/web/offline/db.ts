/**
 * The device's offline store (IndexedDB through Dexie): the offline packs of the cells a secretary keeps
 * for offline use, and the outbox of operations made offline. Only names and ids of the roll are kept,
 * never contact details; sign-out deletes everything (clearOfflineStore).
 */
import { Dexie, type EntityTable } from 'dexie';
import type { OfflinePack } from '../../shared/schemas/sync.ts';

export type AttendanceStatus = 'present' | 'excused' | 'absent';

/** The answer of GET /api/v1/cells/{id}/offline-pack (issue 16), as the server's schema says. */
export type { OfflinePack };

export interface StoredPack {
  cellId: number;
  pack: OfflinePack;
  /** When this device last fetched it. */
  savedAt: string;
  /** The account that kept it, shown offline (no session can be checked then). */
  login: string;
}

export interface RollRecord {
  personId: number;
  status: AttendanceStatus;
  reason?: string;
}

export type OperationType = 'meeting.record' | 'meeting.attendance' | 'meeting.schedule' | 'meeting.minutes' | 'directive.briefing';

/** What the server said about an operation it did not apply: `{ code, message, messageKey?, params? }` or a text. */
export type OperationError =
  | { code?: string; message?: string; messageKey?: string; params?: Record<string, string | number>; details?: unknown }
  | string;

export interface OutboxOperation {
  /** Local order: operations are sent in the order they were made. */
  seq?: number;
  /** Made on the device (crypto.randomUUID): the server applies an opId once. */
  opId: string;
  type: OperationType;
  payload: Record<string, unknown>;
  cellId: number;
  createdAt: string;
  /** waiting: not yet answered; conflict and rejected wait for the secretary to resolve them. */
  state: 'waiting' | 'conflict' | 'rejected';
  error?: OperationError;
}

export const offlineDb = new Dexie('cellwork-offline') as Dexie & {
  packs: EntityTable<StoredPack, 'cellId'>;
  outbox: EntityTable<OutboxOperation, 'seq'>;
};

offlineDb.version(1).stores({
  packs: 'cellId',
  outbox: '++seq, &opId, state, cellId',
});
