/** Messages under form fields: the API's validation details (`[{ path: 'body.x.y', message }]`) and the form's own. */
import { ApiError } from '../../api/client.ts';
import type { FieldErrors } from '../../lib/validate.ts';

export function serverFieldErrors(error: unknown, fieldOf: (path: string) => string = (p) => p): FieldErrors {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {};
  const errors: FieldErrors = {};
  for (const d of error.details as Array<{ path?: unknown; message?: unknown }>) {
    if (typeof d.path !== 'string' || typeof d.message !== 'string') continue;
    const field = fieldOf(d.path.replace(/^body\.?/, '')).split('.')[0] || '_';
    errors[field] ??= d.message;
  }
  return errors;
}

/** The form's own messages less those about fields just edited: a message goes once its field changes. */
export function withoutKeys(errors: FieldErrors, patch: object): FieldErrors {
  const keys = Object.keys(patch);
  return keys.some((k) => k in errors) ? Object.fromEntries(Object.entries(errors).filter(([k]) => !keys.includes(k))) : errors;
}
