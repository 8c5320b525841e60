/**
 * The secretary's side of a review session: every self-assessment, the done work waiting for its
 * evaluation, and the feedback about each member.
 */
import { Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewSession } from '../../../shared/schemas/reviews.ts';
import { useFeedbackAbout, useSelfAssessments } from '../../api/reviews.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { WorkToEvaluate } from '../assignments/to-evaluate.tsx';
import { FeedbackItems } from './feedback-list.tsx';

export function SecretaryReview({ session }: { session: ReviewSession }) {
  const { t } = useTranslation();
  const all = useSelfAssessments(session.meetingId, true);
  const [about, setAbout] = useState<string | null>(null);
  const feedback = useFeedbackAbout(Number(about ?? 0), session.meetingId, about !== null);
  return (
    <Stack gap="md">
      <section aria-labelledby="self-assessments-title" data-testid="self-assessments">
        <Title order={4} size="h5" id="self-assessments-title" mb="xs">
          {t('review.selfAssessments', { count: all.data?.length ?? 0, total: session.roll.length })}
        </Title>
        <ErrorAlert error={all.error} />
        <Stack gap="xs">
          {all.data?.length === 0 && <Text c="dimmed">{t('review.noSelfAssessments')}</Text>}
          {all.data?.map((s) => (
            <Paper key={s.personId} withBorder p="sm" data-testid="self-assessment-item">
              <Text fw={500}>{s.fullName}</Text>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{s.text}</Text>
            </Paper>
          ))}
        </Stack>
      </section>
      <WorkToEvaluate cellId={session.cellId} />
      <section aria-labelledby="feedback-read-title">
        <Title order={4} size="h5" id="feedback-read-title" mb="xs">
          {t('review.feedbackAboutMember')}
        </Title>
        <Select
          label={t('review.member')}
          data={session.roll.map((r) => ({ value: String(r.personId), label: r.fullName }))}
          value={about}
          onChange={setAbout}
          searchable
          data-testid="feedback-member"
        />
        <ErrorAlert error={feedback.error} />
        {feedback.data === null && <Text c="dimmed">{t('review.feedbackNotYours')}</Text>}
        {feedback.data && (
          <Stack mt="xs">
            <FeedbackItems list={feedback.data} />
          </Stack>
        )}
      </section>
    </Stack>
  );
}
