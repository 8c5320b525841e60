/**
 * On a review meeting's page: the member's self-assessment and feedback forms; for the cell's managers
 * every self-assessment, the feedback about each member and closing the session. The session's
 * conclusions and follow-up actions are the page's decisions and actions, below.
 */
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../shared/schemas/meetings.ts';
import { useCloseReview, useReviewSession } from '../../api/reviews.ts';
import { useMe } from '../../api/session.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FeedbackForm } from './feedback-form.tsx';
import { FeedbackAboutSection } from './feedback-list.tsx';
import { SecretaryReview } from './secretary-review.tsx';
import { SelfAssessmentForm } from './self-assessment-form.tsx';

export function ReviewSection({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const session = useReviewSession(meeting.id);
  const close = useCloseReview(meeting.id);
  const me = useMe().data?.person?.id;
  if (session.isError) return <ErrorAlert error={session.error} />;
  const s = session.data;
  if (!s) return null;
  return (
    <section aria-labelledby="review-title" data-testid="review-section">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h4" id="review-title">
            {t('review.title')}
          </Title>
          {s.canManage && !s.closed && (
            <Button size="compact-sm" variant="default" loading={close.isPending} onClick={() => close.mutate()} data-testid="close-review">
              {t('review.close')}
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed" data-testid="review-state">
          {s.closed ? t('review.closed') : t('review.openUntil', { date: s.closesOn })}
        </Text>
        {s.canManage && !s.closed && <Text size="sm">{t('review.conclusionsHint')}</Text>}
        <ErrorAlert error={close.error} />
        {s.onRoll && !s.closed && s.status !== 'not_held' && (
          <>
            <SelfAssessmentForm session={s} />
            <FeedbackForm session={s} />
          </>
        )}
        {s.onRoll && s.closed && <Alert color="gray">{t('review.closedNoWrites')}</Alert>}
        {s.onRoll && me !== undefined && <FeedbackAboutSection personId={me} meetingId={s.meetingId} />}
        {s.canManage && <SecretaryReview session={s} />}
      </Stack>
    </section>
  );
}
