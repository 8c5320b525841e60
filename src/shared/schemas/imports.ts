/** CSV imports of members: an import's progress and result. */
import { z } from 'zod';

export const ImportStatusSchema = z.object({
  id: z.string(),
  status: z.enum(['running', 'failed', 'rejected', 'done']),
  linesRead: z.number(),
  bytesRead: z.number(),
  totalBytes: z.number().nullable(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  /** Each bad line: a stable `code` (missing, invalid, too_long, field_count, cell_code_required, unknown_cell,
   * duplicate_member_no, duplicate_person, outside_area), the column, the offending value, an English message. */
  errors: z.array(
    z.object({ line: z.number(), code: z.string(), field: z.string().nullable(), value: z.string().nullable(), message: z.string() }),
  ),
  errorCount: z.number(),
  rowsPerSecond: z.number(),
  /** Why a `failed` import failed (null otherwise): `interrupted` when the server process running it
   * stopped or lost its database mid-way (nothing was imported; send the file again), `error` otherwise. */
  failure: z.enum(['interrupted', 'error']).nullable().describe('why a failed import failed; null unless status is failed'),
});
export type ImportStatus = z.infer<typeof ImportStatusSchema>;
