/** Scheduling a meeting: its kind, when (local time, sent with the offset) and an optional title. */
import { Button, Group, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useMeetingKindsInUse, useScheduleMeeting } from '../../api/meetings.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { NO_STUDY, StudyFields } from '../education/study-fields.tsx';
import { localInputToIso, toLocalInput } from '../../lib/period.ts';

/** The next full hour: a sensible default for a meeting being scheduled. */
function nextHour(): string {
  const d = new Date();
  d.setMinutes(0, 0, 0);
  d.setHours(d.getHours() + 1);
  return toLocalInput(d);
}

export function ScheduleMeetingForm({ cellId, onDone }: { cellId: number; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const kinds = useMeetingKindsInUse(); // retired kinds are refused for new meetings
  const schedule = useScheduleMeeting(cellId);
  const [kind, setKind] = useState<string | null>('general');
  const [when, setWhen] = useState(nextHour);
  const [title, setTitle] = useState('');
  const [touched, setTouched] = useState(false);
  const [study, setStudy] = useState(NO_STUDY);
  const startsAt = localInputToIso(when);
  const ko = i18n.resolvedLanguage === 'ko';

  const submit = () => {
    setTouched(true);
    if (!kind || !startsAt) return;
    schedule.mutate(
      { kind, startsAt, title: title.trim() || undefined, ...(kind === 'study' ? study : {}) },
      {
        onSuccess: (m) => {
          onDone();
          navigate(`/meetings/${m.id}`);
        },
      },
    );
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      noValidate
      data-testid="schedule-form"
    >
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('meeting.kind')}
          required
          allowDeselect={false}
          value={kind}
          onChange={setKind}
          data-testid="meeting-kind"
          data={(kinds.data ?? []).map((k) => ({ value: k.code, label: ko ? k.nameKo : k.nameEn }))}
          style={{ flex: '1 1 200px' }}
          error={touched && !kind ? t('validation.required') : undefined}
        />
        <TextInput
          label={t('meeting.startsAt')}
          type="datetime-local"
          required
          value={when}
          data-testid="meeting-starts-at"
          onChange={(e) => setWhen(e.currentTarget.value)}
          style={{ flex: '1 1 200px' }}
          error={touched && !startsAt ? t('validation.invalidFormat') : undefined}
        />
        <TextInput
          label={t('meeting.titleLabel')}
          value={title}
          maxLength={200}
          data-testid="meeting-title-input"
          placeholder={t('meeting.titlePlaceholder')}
          onChange={(e) => setTitle(e.currentTarget.value)}
          style={{ flex: '2 1 220px' }}
        />
        {kind === 'study' && (
          <div style={{ flexBasis: '100%' }}>
            <StudyFields value={study} onChange={setStudy} />
          </div>
        )}
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={schedule.isPending} data-testid="create-meeting">
          {t('meeting.schedule')}
        </Button>
      </Group>
      <ErrorAlert error={schedule.error} />
    </form>
  );
}
