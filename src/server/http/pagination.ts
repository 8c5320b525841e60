/** Opaque keyset cursors: base64url of the last row's sort key. A tampered cursor is a 400, not a 500. */
import { z } from 'zod';
import { badRequest } from '../errors.ts';

// PostgreSQL's text cannot hold NUL: such a key was never a row's, so it is refused here.
const KeySchema = z.tuple([z.string().refine((s) => !s.includes('\u0000')), z.number().int()]);
export type CursorKey = z.infer<typeof KeySchema>;

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): CursorKey | undefined {
  if (!cursor) return undefined;
  try {
    return KeySchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw badRequest('request.badCursor');
  }
}

/** Given limit+1 fetched rows, the page and the cursor for the next one. */
export function pageFrom<T>(rows: T[], limit: number, key: (row: T) => CursorKey): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(key(last)) : null };
}

/**
 * A cursor whose sort key is a day ('YYYY-MM-DD', a real calendar day; '-infinity' where `infinity` is
 * allowed): a tampered day is a 400 before it reaches a `::date` cast.
 */
export function decodeDayCursor(cursor: string | undefined, opts: { infinity?: boolean } = {}): CursorKey | undefined {
  const after = decodeCursor(cursor);
  if (!after || (opts.infinity && after[0] === '-infinity')) return after;
  const day = Date.parse(`${after[0]}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(after[0]) || Number.isNaN(day) || !new Date(day).toISOString().startsWith(after[0]))
    throw badRequest('request.badCursor');
  return after;
}
