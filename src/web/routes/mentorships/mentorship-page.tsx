/**
 * One mentorship (issue 13): the pair, the goals and the log of meetings and reviews. Only the pair,
 * the cell's secretary and the officials above see it (the server answers 404 to anyone else). The
 * mentor and the secretary log meetings; the secretary reviews it at a review session and ends it.
 */
import { Anchor, Badge, Button, Card, Group, Loader, Select, Stack, Text, TextInput, Textarea, Timeline, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { MENTORSHIP_OUTCOMES, type MentorshipDetail, type MentorshipOutcome } from '../../../shared/schemas/mentorships.ts';
import { useCellMeetings } from '../../api/meetings.ts';
import { useEndMentorship, useLogMeeting, useMentorship, useReviewMentorship } from '../../api/mentorships.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

const today = () => new Date().toISOString().slice(0, 10);

function LogForm({ m }: { m: MentorshipDetail }) {
  const { t } = useTranslation();
  const log = useLogMeeting(m.id);
  const [note, setNote] = useState('');
  const [metOn, setMetOn] = useState(today());
  return (
    <Card withBorder component="section" aria-labelledby="log-form">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          log.mutate({ note, metOn }, { onSuccess: () => setNote('') });
        }}
      >
        <Stack>
          <Title order={3} size="h5" id="log-form">
            {t('mentorships.logTitle')}
          </Title>
          <ErrorAlert error={log.error} />
          <TextInput type="date" label={t('mentorships.metOn')} value={metOn} onChange={(e) => setMetOn(e.currentTarget.value)} />
          <Textarea
            label={t('mentorships.note')}
            required
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={4000}
            autosize
            minRows={2}
            data-testid="log-note"
          />
          <Group justify="flex-end">
            <Button type="submit" loading={log.isPending} data-testid="log-save">
              {t('mentorships.logSave')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function ManageForms({ m }: { m: MentorshipDetail }) {
  const { t } = useTranslation();
  const meetings = useCellMeetings(m.cellId);
  const review = useReviewMentorship(m.id);
  const end = useEndMentorship(m.id);
  const [meetingId, setMeetingId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<MentorshipOutcome | null>(null);
  const reviewed = new Set(m.log.filter((l) => l.meetingId !== null).map((l) => l.meetingId));
  const sessions = (meetings.data ?? []).filter(
    (s) => s.kind === 'review' && s.status !== 'not_held' && s.meetsOn <= today() && !reviewed.has(s.id),
  );
  return (
    <>
      <Card withBorder component="section" aria-labelledby="review-form">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (meetingId) review.mutate({ meetingId: Number(meetingId), note }, { onSuccess: () => setNote('') });
          }}
        >
          <Stack>
            <Title order={3} size="h5" id="review-form">
              {t('mentorships.reviewTitle')}
            </Title>
            <ErrorAlert error={review.error} />
            <Select
              label={t('mentorships.reviewSession')}
              required
              data={sessions.map((s) => ({ value: String(s.id), label: `${s.meetsOn}${s.title ? ` · ${s.title}` : ''}` }))}
              value={meetingId}
              onChange={setMeetingId}
              nothingFoundMessage={t('mentorships.noSessions')}
              comboboxProps={{ withinPortal: true }}
            />
            <Textarea
              label={t('mentorships.note')}
              required
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              maxLength={4000}
              autosize
            />
            <Group justify="flex-end">
              <Button type="submit" variant="light" loading={review.isPending}>
                {t('mentorships.reviewSave')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      <Card withBorder component="section" aria-labelledby="end-form">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (outcome) end.mutate({ outcome });
          }}
        >
          <Stack>
            <Title order={3} size="h5" id="end-form">
              {t('mentorships.endTitle')}
            </Title>
            <ErrorAlert error={end.error} />
            <Select
              label={t('mentorships.outcome')}
              required
              data={MENTORSHIP_OUTCOMES.map((o) => ({ value: o, label: t(`mentorships.outcomes.${o}`) }))}
              value={outcome}
              onChange={(v) => setOutcome(v as MentorshipOutcome | null)}
              comboboxProps={{ withinPortal: true }}
            />
            <Group justify="flex-end">
              <Button type="submit" color="red" variant="light" loading={end.isPending}>
                {t('mentorships.end')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </>
  );
}

export function MentorshipPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const q = useMentorship(id);
  if (q.isPending) return <Loader aria-label={t('common.loading')} />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const m = q.data;
  return (
    <Stack maw={760}>
      <Title order={2}>{t('mentorships.pageTitle', { mentor: m.mentor.fullName, mentee: m.mentee.fullName })}</Title>
      <Group gap="xs" wrap="wrap">
        <Badge variant="light">{t(`mentorships.kinds.${m.kind}`)}</Badge>
        <Badge color={m.outcome ? 'gray' : 'green'}>
          {m.outcome ? t(`mentorships.outcomes.${m.outcome}`) : t('mentorships.status.active')}
        </Badge>
        <Anchor component={Link} to={`/units/${m.cellId}?tab=mentorships`}>
          {m.cellName}
        </Anchor>
        <Text size="sm" c="dimmed">
          {t('mentorships.sinceDay', { day: m.startedOn })}
          {m.endedOn ? ` – ${m.endedOn}` : ''}
        </Text>
      </Group>
      {m.goals && (
        <Card withBorder>
          <Text size="sm" fw={500}>
            {t('mentorships.goals')}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{m.goals}</Text>
        </Card>
      )}
      {m.canLog && <LogForm m={m} />}
      <Title order={3} size="h4">
        {t('mentorships.log')}
      </Title>
      {m.log.length === 0 ? (
        <Text c="dimmed">{t('mentorships.logEmpty')}</Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} data-testid="mentorship-log">
          {m.log.map((l) => (
            <Timeline.Item key={l.id} title={`${l.metOn} · ${t(`mentorships.entry.${l.kind}`)}`}>
              <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="log-entry">
                {l.note}
              </Text>
              {l.writtenBy && (
                <Text size="xs" c="dimmed">
                  {l.writtenBy}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      {m.canManage && m.endedOn === null && <ManageForms m={m} />}
    </Stack>
  );
}
