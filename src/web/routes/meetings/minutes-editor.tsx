/** The meeting's minutes: free text, saved with the meeting's version so a concurrent edit is not lost. */
import { Button, Group, Paper, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import type { Meeting } from '../../../shared/schemas/meetings.ts';
import { useUpdateMeeting } from '../../api/meetings.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

export function MinutesEditor({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const update = useUpdateMeeting(meeting.id);
  const [text, setText] = useState(meeting.minutes ?? '');
  const [base, setBase] = useState(meeting.minutes ?? '');
  // Someone else's save (or ours) brought new minutes: take them unless we are in the middle of an edit.
  if ((meeting.minutes ?? '') !== base && text === base) {
    setBase(meeting.minutes ?? '');
    setText(meeting.minutes ?? '');
  }
  const dirty = text !== (meeting.minutes ?? '');
  const conflict = update.error instanceof ApiError && update.error.code === 'version_conflict';

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="minutes-title">
      <Title order={3} size="h4" id="minutes-title" mb="xs">
        {t('meeting.minutes')}
      </Title>
      {meeting.canManage ? (
        <>
          <Textarea
            autosize
            minRows={4}
            maxRows={16}
            maxLength={20_000}
            value={text}
            data-testid="minutes"
            aria-labelledby="minutes-title"
            placeholder={t('meeting.minutesPlaceholder')}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          {conflict ? (
            <Text c="orange" size="sm" mt="xs" role="alert">
              {t('meeting.minutesConflict')}
            </Text>
          ) : (
            <ErrorAlert error={update.error} />
          )}
          <Group justify="flex-end" mt="xs">
            {update.isSuccess && !dirty && (
              <Text size="sm" c="green">
                {t('meeting.minutesSaved')}
              </Text>
            )}
            <Button
              size="xs"
              variant="light"
              disabled={!dirty}
              loading={update.isPending}
              data-testid="save-minutes"
              onClick={() =>
                update.mutate(
                  { minutes: text.trim() ? text : null, version: meeting.version },
                  {
                    onSuccess: (m) => {
                      setBase(m.minutes ?? '');
                      setText(m.minutes ?? '');
                    },
                  },
                )
              }
            >
              {t('meeting.saveMinutes')}
            </Button>
          </Group>
        </>
      ) : (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={meeting.minutes ? undefined : 'dimmed'}>
          {meeting.minutes || t('meeting.noMinutes')}
        </Text>
      )}
    </Paper>
  );
}
