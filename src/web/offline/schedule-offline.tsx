/** Scheduling a meeting offline: one `meeting.schedule` operation in the outbox. */
import { Alert, Button, Group, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredPack } from './db.ts';
import { fromLocalInput, kindName, kindsInUse } from './pack-bits.ts';
import { enqueue } from './store.ts';

export function ScheduleOffline({ stored, onDone }: { stored: StoredPack; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { pack } = stored;
  const [kind, setKind] = useState(kindsInUse(pack)[0]?.code ?? '');
  const [startsAt, setStartsAt] = useState('');
  const [title, setTitle] = useState('');
  const [problem, setProblem] = useState(false);
  const save = async () => {
    const when = fromLocalInput(startsAt);
    if (!when || !kind) return setProblem(true);
    await enqueue('meeting.schedule', pack.cell.id, {
      cellId: pack.cell.id,
      kind,
      startsAt: when,
      ...(title.trim() ? { title: title.trim() } : {}),
    });
    onDone();
  };
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" data-testid="offline-schedule">
      <Select
        label={t('meeting.kind')}
        data={kindsInUse(pack).map((k) => ({ value: k.code, label: kindName(pack, k.code, i18n.language) }))}
        value={kind}
        allowDeselect={false}
        onChange={(v) => v && setKind(v)}
      />
      <TextInput
        type="datetime-local"
        label={t('meeting.startsAt')}
        value={startsAt}
        required
        onChange={(e) => setStartsAt(e.currentTarget.value)}
      />
      <TextInput label={t('meeting.titleLabel')} value={title} maxLength={200} onChange={(e) => setTitle(e.currentTarget.value)} />
      <Button onClick={save}>{t('offline.saveToOutbox')}</Button>
      <Button variant="default" onClick={onDone}>
        {t('common.cancel')}
      </Button>
      {problem && (
        <Alert color="red" role="alert" w="100%">
          {t('offline.scheduleIncomplete')}
        </Alert>
      )}
    </Group>
  );
}
