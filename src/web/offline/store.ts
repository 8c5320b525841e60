/** Reading and writing the offline store; the pages use these, never the tables directly. */
import { api } from '../api/client.ts';
import { offlineDb, type OfflinePack, type OperationType, type OutboxOperation } from './db.ts';

/** Fetches the cell's offline pack and keeps it on the device, replacing an older one. */
export async function keepCellOffline(cellId: number, login: string): Promise<void> {
  const pack = await api.get<OfflinePack>(`/api/v1/cells/${cellId}/offline-pack`);
  await offlineDb.packs.put({ cellId, pack, savedAt: new Date().toISOString(), login });
}

export async function forgetCell(cellId: number): Promise<void> {
  await offlineDb.packs.delete(cellId);
}

/** Sign-out: nothing of the cell or its members stays on a shared phone. */
export async function clearOfflineStore(): Promise<void> {
  await offlineDb.transaction('rw', offlineDb.packs, offlineDb.outbox, async () => {
    await offlineDb.packs.clear();
    await offlineDb.outbox.clear();
  });
}

/** Signing in as someone else on this device: the previous account's packs and outbox go. */
export async function forgetOtherAccounts(login: string): Promise<void> {
  const packs = await offlineDb.packs.toArray().catch(() => []);
  if (packs.some((p) => p.login !== login)) await clearOfflineStore();
}

/** Operations not yet synced, in any state (waiting, conflict, rejected): what signing out would delete. */
export async function countOutbox(): Promise<number> {
  try {
    return await offlineDb.outbox.count();
  } catch {
    return 0;
  }
}

export async function hasOfflinePacks(): Promise<boolean> {
  try {
    return (await offlineDb.packs.count()) > 0;
  } catch {
    // No IndexedDB (private mode in some browsers): nothing is kept.
    return false;
  }
}

/** Adds an operation to the outbox with a fresh client-made id; returns that id. */
export async function enqueue(type: OperationType, cellId: number, payload: Record<string, unknown>): Promise<string> {
  const opId = crypto.randomUUID();
  await offlineDb.outbox.add({ opId, type, cellId, payload, createdAt: new Date().toISOString(), state: 'waiting' });
  return opId;
}

/** Resolving a conflict or a rejection by another operation: the old one goes, the new one waits at the end. */
export async function replaceOperation(old: OutboxOperation, payload: Record<string, unknown>): Promise<string> {
  return offlineDb.transaction('rw', offlineDb.outbox, async () => {
    await offlineDb.outbox.where('opId').equals(old.opId).delete();
    return enqueue(old.type, old.cellId, payload);
  });
}

export async function dropOperation(opId: string): Promise<void> {
  await offlineDb.outbox.where('opId').equals(opId).delete();
}
