/** Feedback about a person as the server releases it: named items with their author, anonymous ones without. */
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FeedbackList } from '../../../shared/schemas/reviews.ts';
import { useFeedbackAbout } from '../../api/reviews.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

export function FeedbackItems({ list }: { list: FeedbackList }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="feedback-items">
      {list.items.length === 0 && <Text c="dimmed">{t('review.noFeedback')}</Text>}
      {list.items.map((f, i) => (
        // Items have no id on purpose; their place in the list is their text order.
        <Paper key={`${f.meetingId}-${i}`} withBorder p="sm" data-testid="feedback-item">
          <Text style={{ whiteSpace: 'pre-wrap' }}>{f.text}</Text>
          <Text size="xs" c="dimmed">
            {f.meetsOn} · {f.author ? f.author.fullName : t('review.anonymousShort')}
          </Text>
        </Paper>
      ))}
      {list.sessions.map((s) =>
        s.hiddenAnonymous === null ? (
          <Text key={s.meetingId} size="sm" c="dimmed">
            {t('review.anonymousAtClose', { date: s.meetsOn })}
          </Text>
        ) : s.hiddenAnonymous > 0 ? (
          <Text key={s.meetingId} size="sm" c="dimmed" data-testid="feedback-hidden">
            {t('review.hidden', { count: s.hiddenAnonymous, date: s.meetsOn })}
          </Text>
        ) : null,
      )}
    </Stack>
  );
}

/**
 * The feedback about a person, for themself and their secretary (nothing for anyone else): on their
 * page, every session's; on a review meeting's page (`meetingId`), that session's, shown even when empty.
 */
export function FeedbackAboutSection({ personId, meetingId }: { personId: number; meetingId?: number }) {
  const { t } = useTranslation();
  const list = useFeedbackAbout(personId, meetingId);
  if (list.isError) return <ErrorAlert error={list.error} />;
  if (!list.data || (meetingId === undefined && list.data.items.length === 0 && list.data.sessions.length === 0)) return null;
  return (
    <section aria-labelledby="feedback-about-title" data-testid="feedback-about-me">
      <Title order={3} size="h4" id="feedback-about-title" mb="xs">
        {meetingId === undefined ? t('review.feedbackAbout') : t('review.feedbackAboutHere')}
      </Title>
      <FeedbackItems list={list.data} />
    </section>
  );
}
