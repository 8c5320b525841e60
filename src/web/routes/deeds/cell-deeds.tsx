/**
 * A cell's laudable deeds, newest first, and (for its secretary and the officials over it) the form to
 * record one: what was done, when, by which members (none: the cell as a whole), who saw it.
 */
import { Button, Card, Group, MultiSelect, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEED_LIMITS } from '../../../shared/schemas/deeds.ts';
import { useCellDeeds, useRecordDeed } from '../../api/deeds.ts';
import { useMembers } from '../../api/units.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { DeedCard } from './deed-card.tsx';

const today = () => new Date().toISOString().slice(0, 10);

function RecordDeedForm({ cellId }: { cellId: number }) {
  const { t } = useTranslation();
  const record = useRecordDeed(cellId);
  const members = useMembers(cellId, true);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [on, setOn] = useState(today());
  const [witnesses, setWitnesses] = useState('');
  const [people, setPeople] = useState<string[]>([]);
  const options = (members.data?.pages ?? []).flatMap((p) => p.items).map((m) => ({ value: String(m.personId), label: m.fullName }));
  return (
    <Card withBorder component="section" aria-labelledby="deed-form">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          record.mutate(
            {
              title,
              description,
              on,
              ...(people.length ? { personIds: people.map(Number) } : {}),
              ...(witnesses.trim() ? { witnesses } : {}),
            },
            {
              onSuccess: () => {
                setTitle('');
                setDescription('');
                setWitnesses('');
                setPeople([]);
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          <Title order={4} size="h5" id="deed-form">
            {t('deeds.recordTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('deeds.privacyHint')}
          </Text>
          <ErrorAlert error={record.error} />
          <TextInput
            label={t('deeds.title')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            maxLength={DEED_LIMITS.title}
            required
            data-testid="deed-title"
          />
          <Textarea
            label={t('deeds.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            maxLength={DEED_LIMITS.description}
            autosize
            minRows={2}
            required
            data-testid="deed-description"
          />
          <Group grow wrap="wrap">
            <TextInput
              type="date"
              label={t('deeds.on')}
              value={on}
              max={today()}
              onChange={(e) => setOn(e.currentTarget.value)}
              required
              data-testid="deed-on"
            />
            <MultiSelect
              label={t('deeds.people')}
              description={t('deeds.peopleHint')}
              data={options}
              value={people}
              onChange={setPeople}
              searchable
              data-testid="deed-people"
            />
          </Group>
          <TextInput
            label={t('deeds.witnesses')}
            value={witnesses}
            onChange={(e) => setWitnesses(e.currentTarget.value)}
            maxLength={DEED_LIMITS.witnesses}
            data-testid="deed-witnesses"
          />
          <Group justify="flex-end">
            <Button type="submit" loading={record.isPending} data-testid="deed-record">
              {t('deeds.record')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

export function CellDeeds({ cellId, canManage }: { cellId: number; canManage: boolean }) {
  const { t } = useTranslation();
  const deeds = useCellDeeds(cellId);
  return (
    <Stack gap="md" data-testid="cell-deeds">
      <Title order={3} size="h4">
        {t('deeds.cellTitle')}
      </Title>
      {canManage && <RecordDeedForm cellId={cellId} />}
      <ErrorAlert error={deeds.error} />
      {deeds.data?.items.length === 0 && <Text c="dimmed">{t('deeds.none')}</Text>}
      {deeds.data?.items.map((d) => (
        <DeedCard key={d.id} deed={d} />
      ))}
    </Stack>
  );
}
