/** Server refusals that are about one field of a form, shown under that field instead of as an alert. */
import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.ts';
import { errorText } from '../api/error-text.ts';
import type { FieldErrors } from '../lib/validate.ts';

/**
 * Splits a failed request's error: when its messageKey is one of `byKey` (e.g. `db.codeTaken` -> `code`),
 * the translated message goes to that field; anything else stays `rest` for the form's alert.
 */
export function serverFieldErrors(error: unknown, byKey: Record<string, string>, t: TFunction): { fields: FieldErrors; rest: unknown } {
  const field = error instanceof ApiError && error.messageKey ? byKey[error.messageKey] : undefined;
  if (!field) return { fields: {}, rest: error };
  return { fields: { [field]: errorText(error, t) }, rest: null };
}
