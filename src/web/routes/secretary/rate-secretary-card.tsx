/**
 * A member's feedback on their secretary for the quarter: a score from 1 to 5 per trait (radio groups:
 * arrow keys move within a trait, Tab between traits), with the trait's description, and an optional
 * comment. It says what it is for: conduct in the role, anonymous, once a quarter (a change replaces it).
 */
import { Alert, Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SECRETARY_LIMITS } from '../../../shared/schemas/secretary.ts';
import { useMyFeedback, useRateSecretary, useSecretaryTraits } from '../../api/secretary.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { traitDescription, traitTitle } from './words.ts';

const SCORES = ['1', '2', '3', '4', '5'];

export function RateSecretaryCard({ cellId, quarter }: { cellId: number; quarter: string }) {
  const { t, i18n } = useTranslation();
  const mine = useMyFeedback(cellId, quarter);
  const traits = useSecretaryTraits();
  const rate = useRateSecretary(cellId);
  const [scores, setScores] = useState<Record<string, string>>({});
  const [comment, setComment] = useState('');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (!mine.data?.rated) return;
    setScores(Object.fromEntries(mine.data.ratings.map((r) => [r.trait, String(r.score)])));
    setComment(mine.data.comment ?? '');
  }, [mine.data]);
  const m = mine.data;
  if (!m?.canRate) return null;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const ratings = Object.entries(scores).map(([trait, s]) => ({ trait, score: Number(s) }));
    rate.mutate({ ratings, ...(comment.trim() ? { comment: comment.trim() } : {}) }, { onSuccess: () => setSaved(true) });
  };
  return (
    <Paper withBorder p="md" data-testid="rate-secretary">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={3} size="h4">
            {t('secretary.rateTitle', { name: m.secretary?.fullName ?? '' })}
          </Title>
          <Text size="sm">{t('secretary.rateIntro')}</Text>
          <Text size="sm" c="dimmed">
            {t('secretary.rateAnonymous')}
          </Text>
          {m.rated && (
            <Alert color="blue" data-testid="rated-this-quarter">
              {t('secretary.ratedThisQuarter', { quarter })}
            </Alert>
          )}
          <ErrorAlert error={traits.error ?? rate.error} />
          {(traits.data?.items ?? []).map((trait) => (
            <Radio.Group
              key={trait.code}
              name={`trait-${trait.code}`}
              label={traitTitle(trait, i18n.language)}
              description={traitDescription(trait, i18n.language)}
              value={scores[trait.code] ?? null}
              onChange={(v) => setScores((s) => ({ ...s, [trait.code]: v }))}
              data-testid={`trait-${trait.code}`}
            >
              <Group gap="md" mt={4}>
                {SCORES.map((s) => (
                  <Radio
                    key={s}
                    value={s}
                    label={s}
                    aria-label={t('secretary.scoreOf', { score: s, trait: traitTitle(trait, i18n.language) })}
                  />
                ))}
              </Group>
            </Radio.Group>
          ))}
          <Text size="xs" c="dimmed">
            {t('secretary.scale')}
          </Text>
          <Textarea
            label={t('secretary.comment')}
            description={t('secretary.commentHint')}
            value={comment}
            maxLength={SECRETARY_LIMITS.comment}
            autosize
            minRows={2}
            onChange={(e) => setComment(e.currentTarget.value)}
            data-testid="rate-comment"
          />
          <Group>
            <Button type="submit" loading={rate.isPending} disabled={Object.keys(scores).length === 0} data-testid="rate-send">
              {m.rated ? t('secretary.changeRating') : t('secretary.sendRating')}
            </Button>
            {saved && (
              <Text size="sm" c="green" role="status" data-testid="rate-saved">
                {t('secretary.saved')}
              </Text>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
