/** Shapes every part of the API shares: ids, dates, pages, errors, references to units and people. */
import { z } from 'zod';
import { LIMITS, UNIT_KINDS } from '../enums.ts';
import { ERROR_MESSAGE_KEYS, type ErrorMessageKey } from '../error-messages.ts';

/**
 * An id: a JSON integer, or in a path, query or string its canonical decimal text (no sign, space, leading
 * zero, fraction, exponent or hex), so one object has one address and `0397` is not `397`.
 */
export const IdSchema = z
  .union([
    z.number().int().positive(),
    z
      .string()
      .regex(/^[1-9][0-9]{0,15}$/, 'an id is a whole number written in decimal digits, without leading zeros')
      .transform(Number),
  ])
  .pipe(z.number().max(Number.MAX_SAFE_INTEGER));
export const IdParamsSchema = z.object({ id: IdSchema }).strict();
export const DateSchema = z.iso.date();
/** Trimmed, non-empty, length-capped text; Unicode passes through untouched. */
export const text = (max: number) => z.string().trim().min(1).max(max);
export const PageQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(LIMITS.pageMax).default(LIMITS.pageDefault),
    cursor: z.string().max(200).optional(),
  })
  .strict();

/** Every error body: `message` is English; clients translate `messageKey` with `params` (src/shared/error-messages.ts). */
export const ErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    messageKey: z.enum(ERROR_MESSAGE_KEYS as [ErrorMessageKey, ...ErrorMessageKey[]]),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    details: z.unknown().optional(),
  }),
});

export const UnitRefSchema = z.object({ id: z.number(), name: z.string(), kind: z.enum(UNIT_KINDS) });
export type UnitRef = z.infer<typeof UnitRefSchema>;

export const PersonRefSchema = z.object({ id: z.number(), fullName: z.string() });

export const pageOf = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
