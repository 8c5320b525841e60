/**
 * The committees' anonymous view of integrity cases: counts for the cases handled in the subtree and
 * received in a year, shown only from three cases on; never a case, a name or a per-person figure.
 */
import { Group, NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCaseStats } from '../../api/cases.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

export function CaseStatsCard({ unitId }: { unitId: number }) {
  const { t } = useTranslation();
  const [year, setYear] = useState(new Date().getFullYear());
  const stats = useCaseStats(unitId, String(year));
  const s = stats.data;
  const show = (v: number | null) => (v === null ? '—' : v.toLocaleString());
  return (
    <Stack gap="md" data-testid="case-stats">
      <Group justify="space-between" wrap="wrap">
        <Title order={3} size="h4">
          {t('cases.stats.title')}
        </Title>
        <NumberInput
          label={t('cases.stats.year')}
          min={2000}
          max={2100}
          allowDecimal={false}
          value={year}
          onChange={(v) => typeof v === 'number' && v >= 2000 && v <= 2100 && setYear(v)}
          w={120}
        />
      </Group>
      <ErrorAlert error={stats.error} />
      {s?.fewerThanMinimum && (
        <Text c="dimmed" data-testid="case-stats-few">
          {t('cases.stats.fewer', { min: s.minimum })}
        </Text>
      )}
      {s && !s.fewerThanMinimum && (
        <SimpleGrid cols={{ base: 2, sm: 5 }}>
          {(
            [
              ['received', s.received],
              ['open', s.open],
              ['outOfScope', s.outOfScope],
              ['decided', s.decided],
              ['median', s.medianDaysToDecision],
            ] as const
          ).map(([k, v]) => (
            <Stack gap={0} key={k}>
              <Text size="xs" c="dimmed">
                {t(`cases.stats.${k}`)}
              </Text>
              <Text size="xl" fw={700} data-testid={`case-stats-${k}`}>
                {show(v)}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
      )}
      <Text size="xs" c="dimmed">
        {t('cases.stats.note')}
      </Text>
    </Stack>
  );
}
