import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

/** Shows the API's own message (error.message); other failures get a generic line. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof ApiError
    ? error.status === 0 ? t('errors.network') : error.message
    : error instanceof Error ? error.message : t('errors.unknown');
  return (
    <Alert color="red" variant="light" title={title ?? t('errors.title')} role="alert">
      {message}
    </Alert>
  );
}

export function errorMessage(error: unknown, fallback: string): string {
  return error instanceof Error && error.message ? error.message : fallback;
}
