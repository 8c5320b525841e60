/**
 * The header's offline indicator: online or offline and how many operations wait to sync, linking to the
 * offline screens. It also starts the sync: when the app starts and whenever the browser comes back
 * online. Shown once the device keeps a cell or holds operations, or whenever the browser is offline.
 */
import { Badge, Button } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { offlineDb } from './db.ts';
import { useLive } from './live.ts';
import { useOnline } from './online.ts';
import { syncOutbox } from './sync.ts';

/** Figures and lists that a synced meeting may move. */
const AFTER_SYNC = ['meetings', 'compliance', 'follow-ups', 'my-actions', 'reports', 'me-home', 'units'];

export function useSyncWhenOnline(): () => Promise<void> {
  const qc = useQueryClient();
  const online = useOnline();
  const run = async () => {
    const outcome = await syncOutbox();
    if (outcome.sent > 0) await Promise.all(AFTER_SYNC.map((root) => qc.invalidateQueries({ queryKey: [root] })));
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on start and on each return online.
  useEffect(() => {
    if (online) run().catch(() => undefined);
  }, [online]);
  return run;
}

export function OfflineStatus() {
  const { t } = useTranslation();
  const online = useOnline();
  const counts = useLive(async () => ({ packs: await offlineDb.packs.count(), waiting: await offlineDb.outbox.count() }), [], {
    packs: 0,
    waiting: 0,
  });
  useSyncWhenOnline();
  if (online && counts.packs === 0 && counts.waiting === 0) return null;
  return (
    <Button
      component={Link}
      to="/offline"
      variant="subtle"
      size="compact-sm"
      data-testid="offline-status"
      data-online={online}
      data-waiting={counts.waiting}
      title={t('offline.statusLabel', { state: online ? t('offline.online') : t('offline.offlineState'), count: counts.waiting })}
    >
      <Badge color={online ? 'green' : 'gray'} variant="light" mr={counts.waiting > 0 ? 4 : 0}>
        {online ? t('offline.online') : t('offline.offlineState')}
      </Badge>
      {counts.waiting > 0 && (
        <Badge color="orange" variant="filled">
          {t('offline.waitingBadge', { count: counts.waiting })}
        </Badge>
      )}
    </Button>
  );
}
