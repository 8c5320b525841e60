import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import type { ImportStatus } from '../../../shared/schemas/imports.ts';
import { markInterruptedImports } from './liveness.ts';
import type { LineError } from './staging.ts';

export type Progress = { linesRead: number; bytesRead: number; errors: LineError[]; errorCount: number; startedAt: number };

export async function saveProgress(
  db: Db,
  id: string,
  p: Progress,
  final?: {
    status: 'done' | 'rejected' | 'failed';
    created?: number;
    updated?: number;
    unchanged?: number;
    message?: string;
  },
): Promise<void> {
  // Only while running: a row already marked interrupted (its lock was lost) keeps that answer.
  await db
    .updateTable('imports')
    .set({
      lines_read: p.linesRead,
      bytes_read: p.bytesRead,
      error_count: p.errorCount,
      errors: JSON.stringify(p.errors),
      ...(final
        ? {
            status: final.status,
            created: final.created ?? 0,
            updated: final.updated ?? 0,
            unchanged: final.unchanged ?? 0,
            message: final.message ?? null,
            failure: final.status === 'failed' ? 'error' : null,
            finished_at: sql<Date>`now()`,
          }
        : {}),
    })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
}

export async function getImportStatus(db: Db, id: string, accountId?: number | null): Promise<ImportStatus> {
  let q = db.selectFrom('imports').selectAll().where('id', '=', id);
  if (accountId !== undefined) q = accountId === null ? q.where('account_id', 'is', null) : q.where('account_id', '=', accountId);
  let r = await q.executeTakeFirst();
  if (!r) throw notFound('import.notFound');
  // A client polling an import whose process died learns it now, not at the next restart.
  if (r.status === 'running' && (await markInterruptedImports(db, id)) > 0) r = await q.executeTakeFirstOrThrow();
  const seconds = Math.max(0.001, ((r.finished_at ?? new Date()).getTime() - r.started_at.getTime()) / 1000);
  return {
    id: r.id,
    status: r.status,
    linesRead: r.lines_read,
    bytesRead: r.bytes_read,
    totalBytes: r.total_bytes,
    created: r.created,
    updated: r.updated,
    unchanged: r.unchanged,
    errorCount: r.error_count,
    failure: r.failure,
    errors: r.errors.map((e) => ({
      line: e.line,
      code: e.code ?? 'invalid',
      field: e.field ?? null,
      value: e.value ?? null,
      message: e.message,
    })),
    rowsPerSecond: Math.round(r.lines_read / seconds),
  };
}
