/** Runs a shared zod schema on form values and turns its issues into translated per-field messages. */
import type { TFunction } from 'i18next';
import type { z } from 'zod';

export type FieldErrors = Partial<Record<string, string>>;

export type Validated<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

function messageFor(issue: z.core.$ZodIssue, given: unknown, t: TFunction): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin !== 'string') return t('validation.tooSmall', { min: String(issue.minimum) });
      return Number(issue.minimum) <= 1 ? t('validation.required') : t('validation.tooShort', { min: String(issue.minimum) });
    case 'too_big':
      return issue.origin === 'string'
        ? t('validation.tooLong', { max: String(issue.maximum) })
        : t('validation.tooBig', { max: String(issue.maximum) });
    case 'invalid_format':
      return t('validation.invalidFormat');
    case 'invalid_type':
      return given === undefined || given === null || given === '' ? t('validation.required') : t('validation.invalid');
    case 'invalid_value':
      return t('validation.invalidChoice');
    default:
      return t('validation.invalid');
  }
}

export function validate<S extends z.ZodType>(schema: S, values: unknown, t: TFunction): Validated<z.output<S>> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '_');
    const given = values && typeof values === 'object' ? (values as Record<string, unknown>)[field] : undefined;
    errors[field] ??= messageFor(issue, given, t);
  }
  return { ok: false, errors };
}

/** Empty inputs mean "not given": '' becomes undefined so optional schema fields accept it. */
export function blankToUndefined<T extends Record<string, unknown>>(values: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) out[k] = typeof v === 'string' && v.trim() === '' ? undefined : v;
  return out as T;
}

export const today = (): string => new Date().toISOString().slice(0, 10);
