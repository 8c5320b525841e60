/**
 * What waits to sync, in the order it will be sent, and what the server would not apply: a conflict
 * (the meeting changed meanwhile, a member left) or a rejection, with the server's message in the
 * reader's language. Each is resolved by the secretary: re-take the roll (a new operation), keep the
 * server's version (drop this one) or, for a rejection, remove it. Nothing is overwritten silently.
 */
import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/error-text.ts';
import { formatDateTime } from '../lib/period.ts';
import { offlineDb, type OutboxOperation } from './db.ts';
import { useLive } from './live.ts';
import { ConflictNames } from './conflict-names.tsx';
import { MeetingCapture } from './meeting-capture.tsx';
import { kindName } from './pack-bits.ts';
import { dropOperation, keepCellOffline } from './store.ts';
import { operationError } from './sync.ts';

function useDescribe() {
  const { t, i18n } = useTranslation();
  const packs = useLive(() => offlineDb.packs.toArray(), [], []);
  return (op: OutboxOperation) => {
    const pack = packs.find((p) => p.cellId === op.cellId)?.pack;
    const p = op.payload;
    const kind = typeof p.kind === 'string' && pack ? kindName(pack, p.kind, i18n.language) : '';
    const when = typeof p.startsAt === 'string' ? formatDateTime(p.startsAt, i18n.language) : '';
    const count = Array.isArray(p.records) ? p.records.length : Array.isArray(p.personIds) ? p.personIds.length : 0;
    const directive = (pack?.directives ?? []).find((d) => d.id === p.directiveId)?.title ?? `#${String(p.directiveId)}`;
    return t(`offline.op.${op.type.replace('.', '_')}`, { kind, when, count, directive, cell: pack?.cell.name ?? op.cellId });
  };
}

export function OutboxList({ cellId }: { cellId?: number }) {
  const { t, i18n } = useTranslation();
  const describe = useDescribe();
  const ops = useLive(
    async () => (await offlineDb.outbox.orderBy('seq').toArray()).filter((op) => cellId === undefined || op.cellId === cellId),
    [cellId],
    [] as OutboxOperation[],
  );
  const packs = useLive(() => offlineDb.packs.toArray(), [], []);
  const [redo, setRedo] = useState<OutboxOperation | null>(null);
  // Online, the kept roll is fetched afresh first, so that a member who left is no longer on it.
  const startRedo = async (op: OutboxOperation) => {
    const stored = packs.find((p) => p.cellId === op.cellId);
    if (navigator.onLine && stored) await keepCellOffline(op.cellId, stored.login).catch(() => undefined);
    setRedo(op);
  };
  const redoPack = redo ? packs.find((p) => p.cellId === redo.cellId) : undefined;
  if (redo && redoPack) return <MeetingCapture stored={redoPack} target={{ kind: 'redo', op: redo }} onDone={() => setRedo(null)} />;
  if (ops.length === 0) return <Text c="dimmed">{t('offline.outboxEmpty')}</Text>;
  return (
    <Stack gap="xs" data-testid="outbox">
      {ops.map((op) => (
        <Stack key={op.opId} gap={4} data-testid="outbox-op" data-state={op.state} data-type={op.type}>
          <Group gap="xs">
            <Badge color={op.state === 'waiting' ? 'blue' : op.state === 'conflict' ? 'orange' : 'red'} variant="light">
              {t(`offline.state.${op.state}`)}
            </Badge>
            <Text size="sm">{describe(op)}</Text>
            <Text size="xs" c="dimmed">
              {t('offline.madeAt', { when: formatDateTime(op.createdAt, i18n.language) })}
            </Text>
          </Group>
          {op.state !== 'waiting' && (
            <Alert color={op.state === 'conflict' ? 'orange' : 'red'} data-testid="outbox-problem">
              <Text size="sm">{op.state === 'conflict' ? t('offline.conflictText') : t('offline.rejectedText')}</Text>
              <Text size="sm" fw={500} data-testid="outbox-error">
                {errorText(operationError(op.error), t)}
              </Text>
              <ConflictNames error={op.error} />
              <Group gap="xs" mt="xs">
                {Array.isArray(op.payload.records) && (
                  <Button
                    size="xs"
                    onClick={() => startRedo(op)}
                    disabled={!packs.some((p) => p.cellId === op.cellId)}
                    data-testid="outbox-redo"
                  >
                    {t('offline.redoRoll')}
                  </Button>
                )}
                <Button size="xs" variant="default" onClick={() => dropOperation(op.opId)} data-testid="outbox-drop">
                  {op.state === 'conflict' ? t('offline.keepServer') : t('offline.remove')}
                </Button>
              </Group>
            </Alert>
          )}
        </Stack>
      ))}
    </Stack>
  );
}
