/**
 * A unit's ideas for a year (a committee's tab, the foot of a cell's): submitted, accepted, introduced,
 * the benefits by unit of measure, the median days to introduction, and a chart of the steps per month.
 */
import { BarChart } from '@mantine/charts';
import { Group, NumberInput, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIdeasSummary } from '../../api/ideas.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { Figure } from '../../components/figure.tsx';

export function IdeasSummaryView({ unitId }: { unitId: number }) {
  const { t, i18n } = useTranslation();
  const thisYear = new Date().getUTCFullYear();
  const [year, setYear] = useState(thisYear);
  const summary = useIdeasSummary(unitId, year);
  const s = summary.data;
  const fmt = (n: number) => n.toLocaleString(i18n.language);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`ideas-summary-${unitId}`} data-testid="ideas-summary">
      <Stack>
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h4" id={`ideas-summary-${unitId}`}>
            {t('ideas.summaryTitle', { year })}
          </Title>
          <NumberInput
            label={t('ideas.year')}
            value={year}
            min={2000}
            max={thisYear}
            onChange={(v) => typeof v === 'number' && v >= 2000 && v <= thisYear && setYear(v)}
            w={110}
            data-testid="ideas-year"
          />
        </Group>
        <ErrorAlert error={summary.error} />
        {s && (
          <>
            <SimpleGrid cols={{ base: 2, sm: 5 }}>
              <Figure label={t('ideas.figures.submitted')} value={s.submitted} testId="ideas-submitted" />
              <Figure label={t('ideas.figures.accepted')} value={s.accepted} testId="ideas-accepted" />
              <Figure label={t('ideas.figures.introduced')} value={s.introduced} testId="ideas-introduced" />
              <Figure label={t('ideas.figures.confirmed')} value={s.confirmed} testId="ideas-confirmed" />
              <Figure
                label={t('ideas.figures.medianDays')}
                value={s.medianDaysToIntroduction === null ? '—' : t('ideas.days', { count: s.medianDaysToIntroduction })}
                testId="ideas-median"
              />
            </SimpleGrid>
            {s.months.some((m) => m.submitted + m.accepted + m.introduced > 0) ? (
              <BarChart
                h={220}
                data={s.months.map((m) => ({ ...m, month: m.month.slice(5) }))}
                dataKey="month"
                withLegend
                aria-label={t('ideas.chart')}
                series={[
                  { name: 'submitted', label: t('ideas.figures.submitted'), color: 'gray.6' },
                  { name: 'accepted', label: t('ideas.figures.accepted'), color: 'blue.6' },
                  { name: 'introduced', label: t('ideas.figures.introduced'), color: 'green.6' },
                ]}
              />
            ) : (
              <Text c="dimmed">{t('ideas.noneInYear')}</Text>
            )}
            <Stack gap="xs" component="section" aria-labelledby={`ideas-benefits-${unitId}`}>
              <Title order={4} size="h5" id={`ideas-benefits-${unitId}`}>
                {t('ideas.benefits')}
              </Title>
              {s.benefits.length === 0 ? (
                <Text c="dimmed">{t('ideas.noBenefits')}</Text>
              ) : (
                <Table data-testid="ideas-benefits">
                  <Table.Tbody>
                    {s.benefits.map((b) => (
                      <Table.Tr key={`${b.unit}|${b.period}`}>
                        <Table.Td>{b.unit}</Table.Td>
                        <Table.Td>{b.period ? t(`ideas.period.${b.period}`) : ''}</Table.Td>
                        <Table.Td ta="right">{fmt(b.amount)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Stack>
          </>
        )}
      </Stack>
    </Paper>
  );
}
