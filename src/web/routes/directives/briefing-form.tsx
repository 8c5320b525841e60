/** The secretary's briefing: tick members of the own roll briefed in person, or mark a held meeting's present members. */
import { Button, Checkbox, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRecordBriefing } from '../../api/directives.ts';
import { useCellMeetings } from '../../api/meetings.ts';
import { useMembers } from '../../api/units.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useKindName } from '../../components/meeting-bits.tsx';

const todayIso = () => new Date().toISOString().slice(0, 10);

export function BriefingForm({ directiveId, cellId }: { directiveId: number; cellId: number }) {
  const { t } = useTranslation();
  const members = useMembers(cellId, true);
  const meetings = useCellMeetings(cellId);
  const record = useRecordBriefing(directiveId);
  const kindName = useKindName();
  const [ticked, setTicked] = useState<number[]>([]);
  const [on, setOn] = useState(todayIso());
  const [meetingId, setMeetingId] = useState<string | null>(null);
  const roll = members.data?.pages.flatMap((p) => p.items) ?? [];
  const held = (meetings.data ?? []).filter((m) => m.status === 'held');
  const done = record.data;
  return (
    <Stack data-testid="briefing-form">
      <Title order={3}>{t('directives.briefing.heading')}</Title>
      <Text size="sm" c="dimmed">
        {t('directives.briefing.intro')}
      </Text>
      <ErrorAlert error={record.error} />
      {done && (
        <Text c="green" data-testid="briefing-done">
          {t('directives.briefing.done', { count: done.briefed })}
        </Text>
      )}
      <TextInput
        type="date"
        label={t('directives.briefing.date')}
        value={on}
        max={todayIso()}
        onChange={(e) => setOn(e.currentTarget.value)}
      />
      <Checkbox.Group label={t('directives.briefing.members')} value={ticked.map(String)} onChange={(v) => setTicked(v.map(Number))}>
        <Stack gap={4} mt="xs">
          {roll.map((m) => (
            <Checkbox key={m.personId} value={String(m.personId)} label={m.fullName} />
          ))}
        </Stack>
      </Checkbox.Group>
      <Button
        disabled={ticked.length === 0}
        loading={record.isPending}
        onClick={() => record.mutate({ personIds: ticked, briefedOn: on }, { onSuccess: () => setTicked([]) })}
        data-testid="briefing-save"
      >
        {t('directives.briefing.save')}
      </Button>
      <Select
        label={t('directives.briefing.meeting')}
        placeholder={t('directives.briefing.pickMeeting')}
        data={held.map((m) => ({ value: String(m.id), label: `${m.meetsOn} · ${m.title ?? kindName(m.kind)}` }))}
        value={meetingId}
        onChange={setMeetingId}
        clearable
      />
      <Button
        variant="light"
        disabled={meetingId === null}
        loading={record.isPending}
        onClick={() => {
          const m = held.find((x) => String(x.id) === meetingId);
          if (m) record.mutate({ meetingId: m.id, presentMembers: true, briefedOn: m.meetsOn });
        }}
        data-testid="briefing-meeting"
      >
        {t('directives.briefing.markPresent')}
      </Button>
    </Stack>
  );
}
