/** Twelve months of the share of cells meeting each standard (and all of them), as lines. */
import { LineChart } from '@mantine/charts';
import { Box, Center, Group, Loader, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTrend } from '../../api/health-queries.ts';
import type { Compliance } from '../../api/health-types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatPeriod } from '../../lib/period.ts';
import { SERIES_COLORS, standardTitle } from '../../lib/standards.ts';

export function TrendChart({ compliance }: { compliance: Compliance }) {
  const { t, i18n } = useTranslation();
  const trend = useTrend(compliance.unitId, compliance.period);
  const order = ['*', ...compliance.standards.map((s) => s.code)];
  const series = (trend.data?.series ?? []).filter((s) => order.includes(s.standardCode))
    .sort((a, b) => order.indexOf(a.standardCode) - order.indexOf(b.standardCode));
  const label = (code: string) => {
    if (code === '*') return t('health.allStandards');
    const s = compliance.standards.find((x) => x.code === code);
    return s ? standardTitle(s, i18n.language) : code;
  };
  const data = (trend.data?.periods ?? []).map((p, i) => Object.fromEntries([
    ['month', formatPeriod(p, i18n.language, true)],
    ...series.map((s) => {
      const point = s.points[i];
      return [s.standardCode, point && point.cellsTotal > 0 ? Math.round((point.cellsMeeting / point.cellsTotal) * 100) : null];
    }),
  ]));

  const lines = series.map((s, i) => ({
    name: s.standardCode, label: label(s.standardCode),
    color: s.standardCode === '*' ? 'dark.5' : SERIES_COLORS[(i - 1 + SERIES_COLORS.length) % SERIES_COLORS.length]!,
    strokeDasharray: s.standardCode === '*' ? '6 3' : undefined,
  }));

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="trend-title" data-testid="trend">
      <Title order={3} size="h4" id="trend-title" mb="sm">{t('health.trend')}</Title>
      <ErrorAlert error={trend.error} />
      {trend.isPending ? <Center h={260}><Loader size="sm" aria-label={t('common.loading')} /></Center>
        : series.length === 0 ? <Text c="dimmed" size="sm">{t('health.noData')}</Text> : (
          <>
            <LineChart h={260} data={data} dataKey="month" connectNulls yAxisProps={{ domain: [0, 100] }} unit=" %" curveType="linear" withDots
              series={lines} />
            {/* A legend of our own: long standard names wrap here instead of squeezing the chart. */}
            <Group gap="xs" mt="sm" data-testid="trend-legend">
              {lines.map((l) => (
                <Group key={l.name} gap={6} wrap="nowrap" maw="100%">
                  <Box w={14} h={3} style={{ flex: 'none', background: `var(--mantine-color-${l.color.replace('.', '-')})` }} />
                  <Text size="xs" c="dimmed" truncate>{l.label}</Text>
                </Group>
              ))}
            </Group>
          </>
        )}
    </Paper>
  );
}
