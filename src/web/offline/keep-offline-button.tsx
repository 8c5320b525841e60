/**
 * "Keep for offline use" on a cell's page (its secretary and whoever manages the cell): fetches the
 * cell's offline pack into this device, says plainly what is kept and when, and lets it be forgotten.
 */
import { Alert, Button, Group, List, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMe } from '../api/session.ts';
import { ErrorAlert } from '../components/error-alert.tsx';
import { formatDateTime } from '../lib/period.ts';
import { offlineDb } from './db.ts';
import { useLive } from './live.ts';
import { forgetCell, keepCellOffline } from './store.ts';

/** What the pack holds, said on screen (issue 16: keep the least personal data, and say so). */
export function KeptDataList() {
  const { t } = useTranslation();
  return (
    <List size="sm" spacing={2}>
      <List.Item>{t('offline.keptRoll')}</List.Item>
      <List.Item>{t('offline.keptKinds')}</List.Item>
      <List.Item>{t('offline.keptQuorum')}</List.Item>
      <List.Item>{t('offline.keptNext')}</List.Item>
    </List>
  );
}

export function KeepOfflineButton({ cellId }: { cellId: number }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const stored = useLive(() => offlineDb.packs.get(cellId), [cellId], undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const keep = async () => {
    setBusy(true);
    setError(null);
    try {
      await keepCellOffline(cellId, me.data?.account.login ?? '');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-label={t('offline.sectionLabel')}>
      {stored ? (
        <Alert color="teal" title={t('offline.keptTitle')} data-testid="offline-kept">
          <Text size="sm">{t('offline.keptWhen', { when: formatDateTime(stored.savedAt, i18n.language) })}</Text>
          <KeptDataList />
          <Text size="sm" mt={4}>
            {t('offline.keptNotKept')}
          </Text>
          <Group gap="xs" mt="xs">
            <Button size="xs" component={Link} to={`/offline/${cellId}`} data-testid="open-offline">
              {t('offline.open')}
            </Button>
            <Button size="xs" variant="light" loading={busy} onClick={keep} data-testid="refresh-offline">
              {t('offline.refresh')}
            </Button>
            <Button size="xs" variant="default" onClick={() => forgetCell(cellId)}>
              {t('offline.forget')}
            </Button>
          </Group>
        </Alert>
      ) : (
        <Button size="xs" variant="light" loading={busy} onClick={keep} data-testid="keep-offline">
          {t('offline.keep')}
        </Button>
      )}
      {error !== null && <ErrorAlert error={error} />}
    </section>
  );
}
