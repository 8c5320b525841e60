/**
 * A member's home card: the open nominations they sponsor, each with their written recommendation,
 * which they write or rewrite here (the nomination's full record stays with the secretary and the
 * officials above).
 */
import { Anchor, Card, Group, List, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Sponsorship } from '../../../shared/schemas/admissions.ts';
import { useMySponsorships, useRecommend } from '../../api/admissions.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { StatusBadge } from './nomination-view.tsx';

export function MySponsorships({ personId }: { personId: number }) {
  const { t } = useTranslation();
  const q = useMySponsorships(true);
  const recommend = useRecommend();
  const [editing, setEditing] = useState<Sponsorship | null>(null);
  const [text, setText] = useState('');
  const items = q.data ?? [];
  if (items.length === 0) return null;
  const open = (s: Sponsorship) => {
    recommend.reset();
    setText(s.recommendation ?? '');
    setEditing(s);
  };
  return (
    <Card withBorder component="section" aria-labelledby="home-sponsorships" data-testid="my-sponsorships">
      <Title order={3} size="h4" id="home-sponsorships" mb="xs">
        {t('admissions.mySponsorships')}
      </Title>
      <List listStyleType="none" spacing="sm">
        {items.map((s) => (
          <List.Item key={s.nominationId}>
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <div>
                <Text fw={500}>{s.nomineeName}</Text>
                <Text size="xs" c="dimmed">
                  {s.cellName} · {t(`admissions.kinds.${s.kind}`)} · {t('admissions.nominatedOn', { date: s.nominatedOn })}
                </Text>
                <Text size="sm" c={s.recommendation ? undefined : 'dimmed'} lineClamp={2}>
                  {s.recommendation ?? t('admissions.recommendationToWrite')}
                </Text>
              </div>
              <Group gap="xs" wrap="nowrap">
                <StatusBadge status={s.status} />
                <Anchor component="button" type="button" onClick={() => open(s)} data-testid="sponsorship-write">
                  {s.recommendation ? t('admissions.rewriteRecommendation') : t('admissions.writeRecommendation')}
                </Anchor>
              </Group>
            </Group>
          </List.Item>
        ))}
      </List>
      <FormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={t('admissions.recommendationFor', { name: editing?.nomineeName ?? '' })}
        onSubmit={() =>
          editing && recommend.mutate({ id: editing.nominationId, sponsorId: personId, text }, { onSuccess: () => setEditing(null) })
        }
        submitLabel={t('admissions.saveRecommendation')}
        pending={recommend.isPending}
        error={recommend.error}
      >
        <Text size="sm" c="dimmed">
          {t('admissions.recommendationHint')}
        </Text>
        <Textarea
          label={t('admissions.recommendation')}
          required
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          maxLength={4000}
          autosize
          minRows={4}
          data-testid="sponsorship-text"
        />
      </FormModal>
    </Card>
  );
}
