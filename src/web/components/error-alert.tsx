import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/error-text.ts';

/** Shows why a request failed: the API's message in the user's language; other failures get a generic line. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" title={title ?? t('errors.title')} role="alert">
      {errorText(error, t)}
    </Alert>
  );
}
