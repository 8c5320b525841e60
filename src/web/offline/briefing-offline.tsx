/**
 * An in-person briefing recorded offline: the secretary picks a directive the pack carries (titles only),
 * the day, and the members briefed; one `directive.briefing` operation goes into the outbox. The server
 * checks, when it syncs, that each person is on the roll and received the directive.
 */
import { Alert, Button, Checkbox, Group, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredPack } from './db.ts';
import { enqueue } from './store.ts';

/** The device's today as YYYY-MM-DD (a briefing is dated by the day it was given where it was given). */
function localToday(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function BriefingOffline({ stored, directiveId, onDone }: { stored: StoredPack; directiveId: number; onDone: () => void }) {
  const { t } = useTranslation();
  const { pack } = stored;
  const directives = pack.directives ?? [];
  const [chosen, setChosen] = useState(String(directiveId));
  const [briefedOn, setBriefedOn] = useState(localToday());
  const [people, setPeople] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const save = async () => {
    if (people.length === 0) return setProblem(t('offline.briefingNobody'));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(briefedOn) || briefedOn > localToday()) return setProblem(t('serverErrors.directive.briefingInFuture'));
    await enqueue('directive.briefing', pack.cell.id, { directiveId: Number(chosen), briefedOn, personIds: people.map(Number) });
    onDone();
  };
  return (
    <Stack gap="sm" data-testid="offline-briefing">
      <Select
        label={t('offline.briefingDirective')}
        data={directives.map((d) => ({ value: String(d.id), label: d.title }))}
        value={chosen}
        allowDeselect={false}
        onChange={(v) => v && setChosen(v)}
      />
      <TextInput
        type="date"
        label={t('directives.briefing.date')}
        value={briefedOn}
        max={localToday()}
        onChange={(e) => setBriefedOn(e.currentTarget.value)}
        data-testid="offline-briefed-on"
      />
      <Checkbox.Group label={t('directives.briefing.members')} value={people} onChange={setPeople}>
        <Stack gap={4} mt={4}>
          {pack.roll.map((m) => (
            <Checkbox key={m.personId} value={String(m.personId)} label={m.name} data-testid="offline-briefing-person" />
          ))}
        </Stack>
      </Checkbox.Group>
      {problem && (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      )}
      <Group>
        <Button onClick={save} data-testid="offline-briefing-save">
          {t('offline.saveToOutbox')}
        </Button>
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
