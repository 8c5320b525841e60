/** Messages under form fields: the API's validation details (`[{ path: 'body.x.y', message }]`) and the form's own. */
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client.ts';
import { errorText } from '../../api/error-text.ts';
import type { FieldErrors } from '../../lib/validate.ts';

/**
 * A detail's own message is the server's English, with no key: a rule the server checks (an unknown or
 * retired meeting kind) shows its translated main message under the field instead, and a schema check
 * shows `validation.server` (the server's words in English, a generic line in Korean).
 */
export function serverFieldErrors(error: unknown, t: TFunction, fieldOf: (path: string) => string = (p) => p): FieldErrors {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {};
  const errors: FieldErrors = {};
  for (const d of error.details as Array<{ path?: unknown; message?: unknown }>) {
    if (typeof d.path !== 'string' || typeof d.message !== 'string') continue;
    const field = fieldOf(d.path.replace(/^body\.?/, '')).split('.')[0] || '_';
    errors[field] ??=
      error.code === 'validation_failed' || !error.messageKey ? t('validation.server', { issue: d.message }) : errorText(error, t);
  }
  return errors;
}

/** The form's own messages less those about fields just edited: a message goes once its field changes. */
export function withoutKeys(errors: FieldErrors, patch: object): FieldErrors {
  const keys = Object.keys(patch);
  return keys.some((k) => k in errors) ? Object.fromEntries(Object.entries(errors).filter(([k]) => !keys.includes(k))) : errors;
}
