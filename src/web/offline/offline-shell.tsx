/**
 * What the app shows when the server cannot be reached (no signal): the offline screens only, from the
 * offline store, under a plain header. Coming back online asks the server who is signed in again, and
 * the full app returns with the outbox syncing.
 */
import { AppShell, Button, Group, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router-dom';
import { sessionKeys } from '../api/session.ts';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { OfflineCellPage, OfflinePage } from './offline-page.tsx';
import { OfflineStatus } from './offline-status.tsx';

export function OfflineShell() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const retry = () => qc.invalidateQueries({ queryKey: sessionKeys.me });
  useEffect(() => {
    const onOnline = () => void qc.invalidateQueries({ queryKey: sessionKeys.me });
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, [qc]);
  return (
    <AppShell header={{ height: 60 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Title order={1} size="h3">
            {t('app.name')}
          </Title>
          <Group gap="sm" wrap="nowrap">
            <OfflineStatus />
            <LanguageSwitch />
            <Button variant="default" size="compact-sm" onClick={retry} data-testid="offline-retry">
              {t('offline.tryAgain')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <PageTitle page="offline" />
        <Routes>
          <Route path="/offline" element={<OfflinePage />} />
          <Route path="/offline/:cellId" element={<OfflineCellPage />} />
          <Route path="*" element={<Navigate to="/offline" replace />} />
        </Routes>
      </AppShell.Main>
    </AppShell>
  );
}
