/** One CSV line -> a validated row, or a reason it is bad. */
import { z } from 'zod';
import { LIMITS } from '../../../shared/enums.ts';
import { badRequest, type AppError } from '../../errors.ts';

export const COLUMNS = ['full_name', 'member_no', 'email', 'phone', 'birth_year', 'workplace', 'joined_on', 'role', 'cell_code'] as const;

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : typeof v === 'string' ? v.trim() : v);
const optional = (s: z.ZodTypeAny) => z.preprocess(blankToNull, s.nullable().default(null));

export const CsvRowSchema = z.object({
  full_name: z.preprocess(blankToNull, z.string({ error: 'full_name is required' }).max(LIMITS.name)),
  member_no: optional(z.string().max(LIMITS.code)),
  email: optional(z.email({ error: 'email is not a valid address' }).max(LIMITS.email)),
  phone: optional(z.string().max(LIMITS.phone)),
  birth_year: optional(z.coerce.number({ error: 'birth_year must be a year' }).int().min(1900).max(2100)),
  workplace: optional(z.string().max(LIMITS.workplace)),
  joined_on: optional(z.iso.date({ error: 'joined_on must be a date like 2024-03-01' })),
  role: z
    .preprocess(blankToNull, z.enum(['member', 'candidate'], { error: 'role must be member or candidate' }).nullable().default(null))
    .transform((r) => r ?? 'member'),
  cell_code: optional(z.string().max(LIMITS.code)),
});
export type CsvRow = z.infer<typeof CsvRowSchema>;

/**
 * The longest line (header included) the parser buffers, in characters: far above any real member line,
 * and it bounds the memory one upload can hold and the size of anything echoed back.
 */
export const MAX_LINE_CHARS = 64 * 1024;
/** The longest column name accepted in a header; the known ones are at most 10 characters. */
export const MAX_COLUMN_CHARS = 64;
const MAX_LISTED_COLUMNS = 10;

/** Checks the header: full_name is required and unknown columns are refused (likely a wrong file). */
export function checkHeader(header: string[]): AppError | undefined {
  const details = { line: 1 };
  if (header.some((h) => h.length > MAX_COLUMN_CHARS))
    return badRequest('input.columnTooLong', { params: { max: MAX_COLUMN_CHARS }, details });
  const unknown = header.filter((h) => !(COLUMNS as readonly string[]).includes(h));
  if (unknown.length) {
    const listed = unknown.slice(0, MAX_LISTED_COLUMNS).join(', ') + (unknown.length > MAX_LISTED_COLUMNS ? ', …' : '');
    return badRequest('import.unknownColumns', { params: { columns: listed, expected: COLUMNS.join(', ') }, details });
  }
  if (!header.includes('full_name')) return badRequest('import.noFullName', { details });
  const dup = header.find((h, i) => header.indexOf(h) !== i);
  if (dup) return badRequest('import.repeatedColumn', { params: { column: dup }, details });
  return undefined;
}

export type RowError = { code: 'missing' | 'invalid' | 'too_long'; field: string | null; value: string | null; message: string };

/** A line's every problem, one per field (a field's first issue: "too long" and "not an e-mail" are one fix). */
export function validateRow(record: Record<string, string>): { row: CsvRow } | { errors: RowError[] } {
  const parsed = CsvRowSchema.safeParse(record);
  if (parsed.success) return { row: parsed.data };
  const byField = new Map<string | null, z.core.$ZodIssue>();
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '') || null;
    if (!byField.has(field)) byField.set(field, issue);
  }
  // In the header's order, so a line's problems read left to right.
  const order = (f: string | null) => (f === null ? -1 : (COLUMNS as readonly string[]).indexOf(f));
  return { errors: [...byField].sort(([a], [b]) => order(a) - order(b)).map(([field, issue]) => rowError(record, field, issue)) };
}

function rowError(record: Record<string, string>, field: string | null, issue: z.core.$ZodIssue): RowError {
  const raw = field ? record[field] : undefined;
  const value = raw === undefined || raw.trim() === '' ? null : raw.slice(0, 100);
  const code = value === null ? 'missing' : issue.code === 'too_big' ? 'too_long' : 'invalid';
  const text = issue.message || 'invalid line';
  return { code, field, value, message: field && !text.includes(field) ? `${field}: ${text}` : text };
}

/** A value for a COPY text-format line. */
export function copyValue(v: string | number | null): string {
  if (v === null) return '\\N';
  return String(v).replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}
