/** On a study meeting's page: the documents and articles read there; the cell's managers choose them. */
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../shared/schemas/meetings.ts';
import { useSetStudyReadings, useStudyReadings } from '../../api/library.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ItemLine } from '../library/item-bits.tsx';
import { ItemPicker } from '../library/item-picker.tsx';

export function StudyReadings({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const readings = useStudyReadings(meeting.id);
  const [editing, setEditing] = useState(false);
  return (
    <section aria-labelledby="study-readings-title" data-testid="study-readings">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4" id="study-readings-title">
          {t('library.session.title')}
        </Title>
        {meeting.canManage && !editing && (
          <Button size="compact-sm" variant="default" onClick={() => setEditing(true)} data-testid="edit-readings">
            {t('library.session.choose')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={readings.error} />
      {editing && readings.data ? (
        <ReadingsForm
          meetingId={meeting.id}
          initial={readings.data.map((i) => ({ value: String(i.id), label: i.title }))}
          onDone={() => setEditing(false)}
        />
      ) : (
        <Stack gap="xs">
          {readings.data?.length === 0 && <Text c="dimmed">{t('library.session.none')}</Text>}
          {readings.data?.map((i) => (
            <ItemLine key={i.id} item={i} />
          ))}
        </Stack>
      )}
    </section>
  );
}

function ReadingsForm({
  meetingId,
  initial,
  onDone,
}: {
  meetingId: number;
  initial: Array<{ value: string; label: string }>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useSetStudyReadings(meetingId);
  const [ids, setIds] = useState(initial.map((o) => o.value));
  return (
    <Stack gap="xs">
      <ItemPicker label={t('library.session.items')} value={ids} onChange={setIds} initial={initial} data-testid="readings-select" />
      <ErrorAlert error={save.error} />
      <Group gap="xs">
        <Button loading={save.isPending} onClick={() => save.mutate(ids.map(Number), { onSuccess: onDone })} data-testid="save-readings">
          {t('common.save')}
        </Button>
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
