/** Feedback to another member of the roll: about work and participation only, named or anonymous. */
import { Alert, Button, Group, Paper, Select, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REVIEW_LIMITS, type ReviewSession } from '../../../shared/schemas/reviews.ts';
import { useGiveFeedback } from '../../api/reviews.ts';
import { useMe } from '../../api/session.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

export function FeedbackForm({ session }: { session: ReviewSession }) {
  const { t } = useTranslation();
  const me = useMe();
  const give = useGiveFeedback(session.meetingId);
  const [about, setAbout] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [missing, setMissing] = useState<{ about: boolean; text: boolean }>({ about: false, text: false });
  const others = session.roll.filter((r) => r.personId !== me.data?.person?.id);
  const name = (id: number) => session.roll.find((r) => r.personId === id)?.fullName ?? '';
  // Never a disabled button: what is missing is said on giving.
  const submit = () => {
    const lacking = { about: !about, text: !text.trim() };
    setMissing(lacking);
    if (lacking.about || lacking.text) return;
    give.mutate(
      { aboutPersonId: Number(about), text, anonymous },
      {
        onSuccess: () => {
          setText('');
          setAbout(null);
        },
      },
    );
  };
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={4} size="h5">
          {t('review.feedback')}
        </Title>
        <Alert color="blue" variant="light" data-testid="feedback-notice">
          {t('review.feedbackNotice')}
        </Alert>
        <Select
          label={t('review.about')}
          data={others.map((r) => ({ value: String(r.personId), label: r.fullName }))}
          value={about}
          onChange={setAbout}
          error={missing.about ? t('review.chooseMember') : undefined}
          searchable
          data-testid="feedback-about"
        />
        <Textarea
          label={t('review.feedbackText')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={missing.text ? t('review.writeSomething') : undefined}
          maxLength={REVIEW_LIMITS.feedback}
          autosize
          minRows={3}
          data-testid="feedback-text"
        />
        <Switch
          label={t('review.anonymous')}
          description={t('review.anonymousHint')}
          checked={anonymous}
          onChange={(e) => setAnonymous(e.currentTarget.checked)}
          data-testid="feedback-anonymous"
        />
        <ErrorAlert error={give.error} />
        <Group>
          <Button onClick={submit} loading={give.isPending} data-testid="give-feedback">
            {t('review.give')}
          </Button>
        </Group>
        {session.given.length > 0 && (
          <Stack gap={4} data-testid="feedback-given">
            <Text size="sm" fw={500}>
              {t('review.youGave')}
            </Text>
            {session.given.map((g) => (
              <Text key={`${g.aboutPersonId}-${g.anonymous}`} size="sm">
                {name(g.aboutPersonId)} · {g.anonymous ? t('review.anonymousShort') : t('review.named')}: {g.text}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
