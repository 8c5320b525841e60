/**
 * The offline screens (a lazy chunk, precached by the service worker): /offline lists the cells kept on
 * this device and everything that waits to sync; /offline/:cellId records and schedules that cell's
 * meetings. They read only the offline store, so they work with no connection at all.
 */
import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../components/error-alert.tsx';
import { formatDateTime } from '../lib/period.ts';
import { offlineDb, type StoredPack } from './db.ts';
import { KeptDataList } from './keep-offline-button.tsx';
import { useLive } from './live.ts';
import { MeetingCapture, type CaptureTarget } from './meeting-capture.tsx';
import { useSyncWhenOnline } from './offline-status.tsx';
import { useOnline } from './online.ts';
import { OutboxList } from './outbox-list.tsx';
import { BriefingOffline } from './briefing-offline.tsx';
import { kindName } from './pack-bits.ts';
import { ScheduleOffline } from './schedule-offline.tsx';

function SyncBar() {
  const { t } = useTranslation();
  const online = useOnline();
  const sync = useSyncWhenOnline();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    await sync()
      .catch(setError)
      .finally(() => setBusy(false));
  };
  return (
    <Stack gap={4}>
      <Group gap="sm">
        <Text size="sm" data-testid="offline-connection">
          {online ? t('offline.onlineNow') : t('offline.offlineNow')}
        </Text>
        <Button size="xs" onClick={run} loading={busy} disabled={!online} data-testid="sync-now">
          {t('offline.syncNow')}
        </Button>
      </Group>
      {error !== null && <ErrorAlert error={error} />}
    </Stack>
  );
}

export function OfflinePage() {
  const { t, i18n } = useTranslation();
  const packs = useLive(() => offlineDb.packs.toArray(), [], [] as StoredPack[]);
  return (
    <Stack gap="lg">
      <Title order={2}>{t('offline.title')}</Title>
      <SyncBar />
      <section aria-labelledby="offline-cells-title">
        <Title order={3} size="h4" id="offline-cells-title" mb="xs">
          {t('offline.keptCells')}
        </Title>
        {packs.length === 0 && <Text c="dimmed">{t('offline.noneKept')}</Text>}
        {packs.map((p) => (
          <Group key={p.cellId} gap="sm">
            <Anchor component={Link} to={`/offline/${p.cellId}`} data-testid="offline-cell-link">
              {p.pack.cell.name}
            </Anchor>
            <Text size="sm" c="dimmed">
              {t('offline.keptWhen', { when: formatDateTime(p.savedAt, i18n.language) })}
            </Text>
          </Group>
        ))}
        {packs.length > 0 && (
          <Stack gap={2} mt="xs">
            <Text size="sm">{t('offline.keptIntro')}</Text>
            <KeptDataList />
            <Text size="sm">{t('offline.keptNotKept')}</Text>
          </Stack>
        )}
      </section>
      <section aria-labelledby="offline-outbox-title">
        <Title order={3} size="h4" id="offline-outbox-title" mb="xs">
          {t('offline.outbox')}
        </Title>
        <OutboxList />
      </section>
    </Stack>
  );
}

export function OfflineCellPage() {
  const { t, i18n } = useTranslation();
  const cellId = Number(useParams().cellId);
  const stored = useLive(() => offlineDb.packs.get(cellId), [cellId], null as StoredPack | null | undefined);
  const [target, setTarget] = useState<CaptureTarget | 'schedule' | { kind: 'briefing'; directiveId: number } | null>(null);
  if (stored === null) return null;
  if (!stored)
    return (
      <Stack>
        <Text>{t('offline.cellNotKept')}</Text>
        <Anchor component={Link} to="/offline">
          {t('offline.title')}
        </Anchor>
      </Stack>
    );
  const { pack } = stored;
  const done = () => setTarget(null);
  return (
    <Stack gap="lg">
      <Stack gap={2}>
        <Anchor component={Link} to="/offline" size="sm">
          {t('offline.title')}
        </Anchor>
        <Title order={2} data-testid="offline-cell-name">
          {pack.cell.name}
        </Title>
        <Text size="sm" c="dimmed">
          {t('offline.keptWhen', { when: formatDateTime(stored.savedAt, i18n.language) })}
        </Text>
      </Stack>
      <SyncBar />
      {target === 'schedule' ? (
        <ScheduleOffline stored={stored} onDone={done} />
      ) : target?.kind === 'briefing' ? (
        <BriefingOffline stored={stored} directiveId={target.directiveId} onDone={done} />
      ) : target ? (
        <MeetingCapture key={JSON.stringify(target)} stored={stored} target={target} onDone={done} />
      ) : (
        <Stack gap="sm">
          <Group gap="sm">
            <Button onClick={() => setTarget({ kind: 'new' })} data-testid="offline-record">
              {t('offline.recordMeeting')}
            </Button>
            <Button variant="light" onClick={() => setTarget('schedule')} data-testid="offline-schedule-open">
              {t('meeting.schedule')}
            </Button>
          </Group>
          <section aria-labelledby="offline-next-title">
            <Title order={3} size="h4" id="offline-next-title" mb="xs">
              {t('offline.nextMeetings')}
            </Title>
            {pack.nextMeetings.length === 0 && <Text c="dimmed">{t('offline.noNextMeetings')}</Text>}
            {pack.nextMeetings.map((m) => (
              <Group key={m.id} gap="sm">
                <Text size="sm">
                  {m.title || kindName(pack, m.kind, i18n.language)} · {formatDateTime(m.startsAt, i18n.language)}
                </Text>
                {new Date(m.startsAt) <= new Date() && (
                  <Button size="compact-xs" variant="light" onClick={() => setTarget({ kind: 'meeting', meeting: m })}>
                    {t('offline.takeRoll')}
                  </Button>
                )}
              </Group>
            ))}
          </section>
          {(pack.directives ?? []).length > 0 && (
            <section aria-labelledby="offline-directives-title">
              <Title order={3} size="h4" id="offline-directives-title" mb="xs">
                {t('offline.directivesToBrief')}
              </Title>
              {(pack.directives ?? []).map((d) => (
                <Group key={d.id} gap="sm" data-testid="offline-directive">
                  <Text size="sm">{d.title}</Text>
                  <Button size="compact-xs" variant="light" onClick={() => setTarget({ kind: 'briefing', directiveId: d.id })}>
                    {t('offline.recordBriefing')}
                  </Button>
                </Group>
              ))}
            </section>
          )}
        </Stack>
      )}
      <section aria-labelledby="offline-cell-outbox-title">
        <Title order={3} size="h4" id="offline-cell-outbox-title" mb="xs">
          {t('offline.outbox')}
        </Title>
        <OutboxList cellId={cellId} />
      </section>
    </Stack>
  );
}
