/** Twelve months of the share of cells meeting each standard (and all of them), as lines. */
import { LineChart } from '@mantine/charts';
import { Box, Center, Group, Loader, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Compliance } from '../../../shared/schemas/compliance.ts';
import { useTrend } from '../../api/compliance.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatPeriod } from '../../lib/period.ts';
import { SERIES_COLORS, standardTitle } from '../../lib/standards.ts';

/** The suffix of a series' key for its month in progress. */
const PARTIAL = ':partial';

export function TrendChart({ compliance }: { compliance: Compliance }) {
  const { t, i18n } = useTranslation();
  const trend = useTrend(compliance.unitId, compliance.period);
  const order = ['*', ...compliance.standards.map((s) => s.code)];
  const series = (trend.data?.series ?? [])
    .filter((s) => order.includes(s.standardCode))
    .sort((a, b) => order.indexOf(a.standardCode) - order.indexOf(b.standardCode));
  const label = (code: string) => {
    if (code === '*') return t('health.allStandards');
    const s = compliance.standards.find((x) => x.code === code);
    return s ? standardTitle(s, i18n.language) : code;
  };
  const periods = trend.data?.periods ?? [];
  const partial = trend.data?.partial ?? [];
  const share = (point: { cellsMeeting: number; cellsTotal: number } | null | undefined) =>
    point && point.cellsTotal > 0 ? Math.round((point.cellsMeeting / point.cellsTotal) * 100) : null;
  // A month in progress is drawn by a dotted line of its own from the month before, so its figures
  // so far never read as the end of the solid line.
  const inProgress = partial.at(-1) === true ? periods.length - 1 : -1;
  const data = periods.map((p, i) =>
    Object.fromEntries([
      ['month', formatPeriod(p, i18n.language, true)],
      ...series.flatMap((s) => {
        const value = share(s.points[i]);
        return [
          [s.standardCode, i === inProgress ? null : value],
          [`${s.standardCode}${PARTIAL}`, i >= inProgress - 1 && inProgress >= 0 ? value : null],
        ];
      }),
    ]),
  );

  const lines = series.map((s, i) => ({
    name: s.standardCode,
    label: label(s.standardCode),
    color: s.standardCode === '*' ? 'dark.5' : SERIES_COLORS[(i - 1 + SERIES_COLORS.length) % SERIES_COLORS.length]!,
  }));
  const partialLines =
    inProgress < 0
      ? []
      : lines.map((l) => ({ ...l, name: `${l.name}${PARTIAL}`, label: `${l.label} ${t('monthView.soFarShort')}`, strokeDasharray: '2 4' }));

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="trend-title" data-testid="trend" data-partial={String(inProgress >= 0)}>
      <Title order={3} size="h4" id="trend-title" mb="sm">
        {t('health.trend')}
      </Title>
      <ErrorAlert error={trend.error} />
      {trend.isPending ? (
        <Center h={260}>
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      ) : series.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('health.noData')}
        </Text>
      ) : (
        <>
          <LineChart
            h={260}
            data={data}
            dataKey="month"
            connectNulls
            yAxisProps={{ domain: [0, 100] }}
            unit=" %"
            curveType="linear"
            withDots
            series={[...lines, ...partialLines]}
          />
          {/* A legend of our own: long standard names wrap here instead of squeezing the chart. */}
          <Group gap="xs" mt="sm" data-testid="trend-legend">
            {lines.map((l) => (
              <Group key={l.name} gap={6} wrap="nowrap" maw="100%">
                <Box w={14} h={3} style={{ flex: 'none', background: `var(--mantine-color-${l.color.replace('.', '-')})` }} />
                <Text size="xs" c="dimmed" truncate>
                  {l.label}
                </Text>
              </Group>
            ))}
            {inProgress >= 0 && (
              <Group gap={6} wrap="nowrap" maw="100%" data-testid="trend-partial-legend">
                <Box w={14} h={0} style={{ flex: 'none', borderTop: '3px dotted var(--mantine-color-dark-5)' }} />
                <Text size="xs" c="dimmed">
                  {t('monthView.partialLegend', { month: formatPeriod(periods[inProgress]!, i18n.language) })}
                </Text>
              </Group>
            )}
          </Group>
        </>
      )}
    </Paper>
  );
}
