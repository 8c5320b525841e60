/**
 * One target (issue 15, task 5): its figures against time, a chart of the achieved figure over time
 * against the straight line to the figure, the achieved per child unit beside its split part, and the
 * reports behind the figures (all, or one unit's).
 */
import { LineChart } from '@mantine/charts';
import { Anchor, Badge, Button, Card, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { TargetDetail } from '../../../shared/schemas/targets.ts';
import { useTarget, useTargetReports } from '../../api/targets.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { Figure } from '../../components/figure.tsx';
import { usePageTitle } from '../../components/page-title.tsx';
import { EditTargetCard } from './edit-target-card.tsx';
import { Evidence, formatFigure, TargetBar, TargetStatusBadge } from './target-bits.tsx';

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/** The chart's rows: the period's first day, each report day, its last day; the line's value at each. */
export function chartRows(x: TargetDetail) {
  const span = dayNumber(x.to) - dayNumber(x.from) + 1;
  const line = (day: string) =>
    Math.round(x.figure * Math.min(1, Math.max(0, (dayNumber(day) - dayNumber(x.from) + 1) / span)) * 100) / 100;
  // The first of each month as well as the report days, so that the axis's days stand roughly to scale.
  const months: string[] = [];
  for (let d = new Date(`${x.from}T00:00:00Z`); d.toISOString().slice(0, 10) <= x.to; d.setUTCMonth(d.getUTCMonth() + 1))
    months.push(d.toISOString().slice(0, 10));
  const days = [...new Set([x.from, ...months, ...x.chart.map((p) => p.on), x.to])].sort();
  const lastDay = x.chart.at(-1)?.on ?? x.from;
  let achieved = 0;
  return days.map((day) => {
    const point = x.chart.find((p) => p.on === day);
    if (point) achieved = point.achieved;
    // The achieved line stops at the latest report: nothing is known after it.
    return { day, line: day === x.from && !point ? 0 : line(day), achieved: day > lastDay ? null : achieved };
  });
}

function ProgressChart({ x }: { x: TargetDetail }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="target-chart" data-testid="target-chart" data-points={x.chart.length}>
      <Title order={2} size="h4" id="target-chart" mb="sm">
        {t('targets.chart')}
      </Title>
      {x.chart.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('targets.noReports')}
        </Text>
      ) : (
        <LineChart
          h={260}
          data={chartRows(x)}
          dataKey="day"
          connectNulls
          curveType="linear"
          withDots
          withLegend
          series={[
            { name: 'achieved', label: t('targets.achieved'), color: 'blue.6' },
            { name: 'line', label: t('targets.straightLine'), color: 'gray.6', strokeDasharray: '5 5' },
          ]}
        />
      )}
    </Paper>
  );
}

function Reports({ id, unitId, onAll }: { id: number; unitId: number | null; onAll: () => void }) {
  const { t, i18n } = useTranslation();
  const reports = useTargetReports(id, unitId);
  const rows = (reports.data?.pages ?? []).flatMap((p) => p.items);
  return (
    <Card withBorder component="section" aria-labelledby="target-reports" data-testid="target-reports">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="target-reports">
          {t('targets.reports')}
        </Title>
        {unitId !== null && (
          <Button variant="subtle" size="xs" onClick={onAll}>
            {t('targets.allReports')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={reports.error} />
      {rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('targets.noReports')}
        </Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('targets.asOf')}</Table.Th>
              <Table.Th>{t('targets.unit')}</Table.Th>
              <Table.Th ta="right">{t('targets.valueShort')}</Table.Th>
              <Table.Th>{t('targets.note')}</Table.Th>
              <Table.Th>{t('targets.reportedBy')}</Table.Th>
              <Table.Th>{t('targets.evidence')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id} data-testid="report-row">
                <Table.Td>{r.asOf}</Table.Td>
                <Table.Td>{r.unitName}</Table.Td>
                <Table.Td ta="right" fw={r.latest ? 700 : undefined}>
                  {formatFigure(r.value, i18n.language)}
                  {r.latest ? ` (${t('targets.latest')})` : ''}
                </Table.Td>
                <Table.Td>{r.note ?? ''}</Table.Td>
                <Table.Td>{r.reportedBy ?? '—'}</Table.Td>
                <Table.Td>
                  <Evidence r={r} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {reports.hasNextPage && (
        <Button variant="default" mt="sm" onClick={() => reports.fetchNextPage()} loading={reports.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
    </Card>
  );
}

export function TargetPage() {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const target = useTarget(id);
  const [unitId, setUnitId] = useState<number | null>(null);
  const [edited, setEdited] = useState(false);
  const x = target.data;
  usePageTitle(x ? t('targets.pageTitle', { indicator: x.indicator, unit: x.unitName }) : null);
  if (target.isLoading) return <Loader />;
  if (!x) return <ErrorAlert error={target.error} />;
  const fmt = (v: number) => formatFigure(v, i18n.language);
  return (
    <Stack gap="lg" data-testid="target-page">
      <Stack gap={4}>
        <Group gap="sm">
          <Title order={1} size="h2">
            {x.indicator}
          </Title>
          {x.withdrawnAt ? (
            <Badge color="gray" data-testid="target-withdrawn">
              {t('targets.withdrawnOn', { day: x.withdrawnAt.slice(0, 10) })}
            </Badge>
          ) : (
            <TargetStatusBadge status={x.status} />
          )}
        </Group>
        <Text c="dimmed">
          <Anchor component={Link} to={`/units/${x.unitId}?tab=targets`} underline="always">
            {x.unitName}
          </Anchor>
          {' · '}
          {t(`sector.${x.sector}`)} · {x.from} – {x.to}
          {x.parentId !== null && (
            <>
              {' · '}
              <Anchor component={Link} to={`/targets/${x.parentId}`}>
                {t('targets.partOf')}
              </Anchor>
            </>
          )}
        </Text>
      </Stack>
      <Group gap="xl" wrap="wrap">
        <Figure label={t('targets.figure')} value={`${fmt(x.figure)} ${x.measure}`} testId="target-figure-value" />
        <Figure label={t('targets.achieved')} value={fmt(x.achieved)} testId="target-achieved-value" />
        <Figure label={t('targets.expected')} value={fmt(Math.round(x.expected))} testId="target-expected-value" />
        {x.splitSum !== null && <Figure label={t('targets.splitSumLabel')} value={fmt(x.splitSum)} testId="target-split-sum" />}
      </Group>
      <TargetBar figure={x.figure} achieved={x.achieved} expected={x.expected} status={x.status} />
      <ProgressChart x={x} />
      <Card withBorder component="section" aria-labelledby="target-parts">
        <Title order={2} size="h4" id="target-parts" mb="xs">
          {t('targets.parts')}
        </Title>
        {x.parts.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('targets.noReports')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped data-testid="target-parts">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('targets.unit')}</Table.Th>
                  <Table.Th ta="right">{t('targets.figure')}</Table.Th>
                  <Table.Th ta="right">{t('targets.achieved')}</Table.Th>
                  <Table.Th>{t('targets.statusLabel')}</Table.Th>
                  <Table.Th>{t('targets.reports')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {x.parts.map((p) => (
                  <Table.Tr key={p.unitId} data-testid="part-row">
                    <Table.Td>
                      {p.targetId ? (
                        <Anchor component={Link} to={`/targets/${p.targetId}`}>
                          {p.unitName}
                        </Anchor>
                      ) : (
                        p.unitName
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{p.figure === null ? '—' : fmt(p.figure)}</Table.Td>
                    <Table.Td ta="right">{fmt(p.achieved)}</Table.Td>
                    <Table.Td>
                      <TargetStatusBadge status={p.status} />
                    </Table.Td>
                    <Table.Td>
                      <Button variant="subtle" size="xs" onClick={() => setUnitId(p.unitId)} disabled={p.reports === 0}>
                        {t('targets.unitReports', { count: p.reports })}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <Reports id={x.id} unitId={unitId} onAll={() => setUnitId(null)} />
      {x.canEdit && <EditTargetCard key={`${x.figure}:${x.measure}:${x.splitSum}`} x={x} saved={edited} onSaved={setEdited} />}
    </Stack>
  );
}
