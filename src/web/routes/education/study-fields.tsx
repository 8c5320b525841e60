/**
 * A study meeting's education fields: the programme themes it covers and how it is held (collective or
 * one-to-one; before work, during the review of work, or on its own). In the schedule form, and on the
 * meeting's page where the cell's managers can change them after the fact.
 */
import { Badge, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STUDY_FORMATS, STUDY_TIMINGS, type SetMeetingThemes } from '../../../shared/schemas/education.ts';
import type { Meeting } from '../../../shared/schemas/meetings.ts';
import { titleIn, useMeetingThemes, useSetMeetingThemes } from '../../api/education.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ThemePicker } from './theme-picker.tsx';

export type StudyValues = Required<Pick<SetMeetingThemes, 'themeIds'>> & Pick<SetMeetingThemes, 'format' | 'timing'>;
export const NO_STUDY: StudyValues = { themeIds: [], format: 'collective', timing: 'standalone' };

export function StudyFields({ value, onChange, keep }: { value: StudyValues; onChange: (v: StudyValues) => void; keep?: number[] }) {
  const { t } = useTranslation();
  return (
    <Group align="flex-end" gap="sm" wrap="wrap" data-testid="study-fields">
      <div style={{ flex: '2 1 260px' }}>
        <ThemePicker
          label={t('education.session.themes')}
          value={value.themeIds}
          onChange={(themeIds) => onChange({ ...value, themeIds })}
          keep={keep}
          testId="meeting-themes"
        />
      </div>
      <Select
        label={t('education.session.format')}
        allowDeselect={false}
        value={value.format ?? 'collective'}
        onChange={(v) => v && onChange({ ...value, format: v as StudyValues['format'] })}
        data={STUDY_FORMATS.map((f) => ({ value: f, label: t(`education.formats.${f}`) }))}
        style={{ flex: '1 1 160px' }}
      />
      <Select
        label={t('education.session.timing')}
        allowDeselect={false}
        value={value.timing ?? 'standalone'}
        onChange={(v) => v && onChange({ ...value, timing: v as StudyValues['timing'] })}
        data={STUDY_TIMINGS.map((f) => ({ value: f, label: t(`education.timings.${f}`) }))}
        style={{ flex: '1 1 180px' }}
      />
    </Group>
  );
}

/** On a study meeting's page: its themes and how it was held; the cell's managers change them. */
export function StudyThemes({ meeting }: { meeting: Meeting }) {
  const { t, i18n } = useTranslation();
  const themes = useMeetingThemes(meeting.id);
  const save = useSetMeetingThemes(meeting.id);
  const [editing, setEditing] = useState<StudyValues | null>(null);
  const d = themes.data;
  return (
    <section aria-labelledby="study-themes-title" data-testid="study-themes">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4" id="study-themes-title">
          {t('education.session.title')}
        </Title>
        {meeting.canManage && d && !editing && (
          <Button
            size="compact-sm"
            variant="default"
            onClick={() =>
              setEditing({ themeIds: d.themes.map((x) => x.id), format: d.format ?? 'collective', timing: d.timing ?? 'standalone' })
            }
            data-testid="edit-themes"
          >
            {t('education.session.choose')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={themes.error ?? save.error} />
      {editing && d ? (
        <Stack gap="xs">
          <StudyFields value={editing} onChange={setEditing} keep={d.themes.map((x) => x.id)} />
          <Group gap="xs">
            <Button
              size="xs"
              loading={save.isPending}
              onClick={() => save.mutate(editing, { onSuccess: () => setEditing(null) })}
              data-testid="save-themes"
            >
              {t('common.save')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setEditing(null)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Group gap="xs">
          {d?.themes.length === 0 && <Text c="dimmed">{t('education.session.none')}</Text>}
          {d?.themes.map((x) => (
            <Badge key={x.id} variant="light" data-testid="meeting-theme">
              {titleIn(i18n.language, x)}
            </Badge>
          ))}
          {d?.format && (
            <Text
              size="sm"
              c="dimmed"
            >{`${t(`education.formats.${d.format}`)} · ${t(`education.timings.${d.timing ?? 'standalone'}`)}`}</Text>
          )}
        </Group>
      )}
    </section>
  );
}
