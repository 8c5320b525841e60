/**
 * The committees' view of requests for help: counts only (open, answered in the month, the median days
 * to an answer) for the unit, and the same per child unit to drill down. Never a text or an asker.
 */
import { Anchor, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { HelpFigures } from '../../../shared/schemas/help-requests.ts';
import { useHelpSummary } from '../../api/help-requests.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { Figure } from '../../components/figure.tsx';
import { PeriodPicker } from '../../components/period-picker.tsx';

function median(f: HelpFigures, t: (k: string, o?: Record<string, unknown>) => string): string {
  if (f.medianDaysToAnswer === null) return '—';
  return f.medianAtLeast30 ? t('help.daysAtLeast', { count: 30 }) : t('help.days', { count: f.medianDaysToAnswer });
}

export function HelpSummaryView({ unitId, period, onPeriod }: { unitId: number; period: string; onPeriod: (p: string) => void }) {
  const { t } = useTranslation();
  const summary = useHelpSummary(unitId, period);
  const s = summary.data;
  return (
    <Stack gap="md" data-testid="help-summary">
      <Group justify="space-between" wrap="wrap">
        <Title order={3} size="h4">
          {t('help.summaryTitle')}
        </Title>
        <PeriodPicker value={period} onChange={onPeriod} />
      </Group>
      <ErrorAlert error={summary.error} />
      {s && (
        <>
          <SimpleGrid cols={{ base: 3 }}>
            <Figure label={t('help.open')} value={s.open} testId="help-open" />
            <Figure label={t('help.answered')} value={s.answered} testId="help-answered" />
            <Figure label={t('help.median')} value={median(s, t)} testId="help-median" />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t('help.summaryNote')}
          </Text>
          {s.children.length > 0 && (
            <Table.ScrollContainer minWidth={320}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('help.unit')}</Table.Th>
                    <Table.Th ta="right">{t('help.open')}</Table.Th>
                    <Table.Th ta="right">{t('help.answered')}</Table.Th>
                    <Table.Th ta="right">{t('help.median')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.children.map((c) => (
                    <Table.Tr key={c.unitId} data-testid="help-child">
                      <Table.Td>
                        <Anchor component={Link} to={`/units/${c.unitId}?tab=help&period=${period}`}>
                          {c.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td ta="right">{c.open}</Table.Td>
                      <Table.Td ta="right">{c.answered}</Table.Td>
                      <Table.Td ta="right">{median(c, t)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      )}
    </Stack>
  );
}
