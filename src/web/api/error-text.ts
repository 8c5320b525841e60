/** What to tell the user about a failed request, in their language. */
import type { TFunction } from 'i18next';
import { ApiError } from './client.ts';

/**
 * The server's message translated by its key (i18n `serverErrors.<messageKey>`), or the server's own
 * English when the key is unknown here (a server newer or older than this page).
 */
export function errorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('errors.network');
    if (!error.messageKey) return error.message;
    return t(`serverErrors.${error.messageKey}`, { ...error.params, defaultValue: error.message });
  }
  return error instanceof Error && error.message ? error.message : t('errors.unknown');
}
