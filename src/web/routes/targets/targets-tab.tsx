/**
 * A unit's targets for a year (issue 15, task 5): each with its progress bar against the straight line
 * and its status; on a committee, the review of implementation (targets behind schedule and the split
 * parts behind them) and, for its officials, the form to set a target; on a cell, the secretary's form
 * to report progress.
 */
import { Anchor, Card, Group, Loader, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TargetSummary } from '../../../shared/schemas/targets.ts';
import type { Unit } from '../../../shared/schemas/units.ts';
import { useUnitTargets } from '../../api/targets.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { CreateTargetForm } from './create-target-form.tsx';
import { ReportProgressForm } from './report-progress-form.tsx';
import { formatFigure, TargetBar, TargetStatusBadge } from './target-bits.tsx';

export const thisYear = () => new Date().getUTCFullYear();

function periodLabel(t: (k: string, o?: Record<string, unknown>) => string, x: TargetSummary) {
  return x.quarter ? t('targets.quarterOf', { year: x.year, quarter: x.quarter }) : String(x.year);
}

function Review({ items }: { items: TargetSummary[] }) {
  const { t, i18n } = useTranslation();
  const behind = items.filter((x) => x.status === 'behind' || x.status === 'overdue');
  return (
    <Card withBorder component="section" aria-labelledby="targets-review" data-testid="targets-review">
      <Title order={3} size="h4" id="targets-review" mb="xs">
        {t('targets.review')}
      </Title>
      {behind.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('targets.noneBehind')}
        </Text>
      ) : (
        <Stack gap="xs">
          {behind.map((x) => (
            <Stack key={x.id} gap={2}>
              <Group gap="xs">
                <Anchor component={Link} to={`/targets/${x.id}`} underline="always">
                  {x.indicator}
                </Anchor>
                <TargetStatusBadge status={x.status} />
                <Text size="sm" c="dimmed">
                  {t('targets.shortBy', { value: formatFigure(Math.max(0, x.expected - x.achieved), i18n.language), measure: x.measure })}
                </Text>
              </Group>
              {x.behindUnits.length > 0 && (
                <Text size="sm">
                  {t('targets.unitsBehind')}{' '}
                  {x.behindUnits.map((u, i) => (
                    <span key={u.unitId}>
                      {i > 0 && ', '}
                      <Anchor component={Link} to={u.targetId ? `/targets/${u.targetId}` : `/units/${u.unitId}?tab=targets`}>
                        {u.unitName}
                      </Anchor>{' '}
                      ({formatFigure(u.achieved, i18n.language)} / {formatFigure(u.figure ?? 0, i18n.language)})
                    </span>
                  ))}
                </Text>
              )}
            </Stack>
          ))}
        </Stack>
      )}
    </Card>
  );
}

export function TargetTable({ items }: { items: TargetSummary[] }) {
  const { t, i18n } = useTranslation();
  if (items.length === 0)
    return (
      <Text c="dimmed" data-testid="targets-none">
        {t('targets.none')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped data-testid="targets-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('targets.indicator')}</Table.Th>
            <Table.Th>{t('targets.sector')}</Table.Th>
            <Table.Th>{t('targets.period')}</Table.Th>
            <Table.Th ta="right">{t('targets.figure')}</Table.Th>
            <Table.Th ta="right">{t('targets.achieved')}</Table.Th>
            <Table.Th>{t('targets.progress')}</Table.Th>
            <Table.Th>{t('targets.statusLabel')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((x) => (
            <Table.Tr key={x.id} data-testid="target-row">
              <Table.Td>
                <Anchor component={Link} to={`/targets/${x.id}`} underline="always">
                  {x.indicator}
                </Anchor>
              </Table.Td>
              <Table.Td>{t(`sector.${x.sector}`)}</Table.Td>
              <Table.Td>{periodLabel(t, x)}</Table.Td>
              <Table.Td ta="right">
                {formatFigure(x.figure, i18n.language)} {x.measure}
              </Table.Td>
              <Table.Td ta="right" data-testid="target-achieved">
                {formatFigure(x.achieved, i18n.language)}
              </Table.Td>
              <Table.Td>
                <TargetBar figure={x.figure} achieved={x.achieved} expected={x.expected} status={x.status} />
              </Table.Td>
              <Table.Td>
                <TargetStatusBadge status={x.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function TargetsTab({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const [year, setYear] = useState(thisYear());
  const targets = useUnitTargets(unit.id, year);
  const items = targets.data?.items ?? [];
  return (
    <Stack gap="lg" data-testid="targets-tab">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3">
          {t('targets.title')}
        </Title>
        <NumberInput
          label={t('targets.year')}
          value={year}
          min={2000}
          max={2100}
          w={120}
          onChange={(v) => typeof v === 'number' && v >= 2000 && v <= 2100 && setYear(v)}
          data-testid="targets-year"
        />
      </Group>
      <ErrorAlert error={targets.error} />
      {targets.isPending ? <Loader size="sm" aria-label={t('common.loading')} /> : <TargetTable items={items} />}
      {items.length > 0 && (
        <Anchor href={`/api/v1/units/${unit.id}/targets.csv?year=${year}`} download data-testid="targets-csv" w="fit-content">
          {t('targets.csv')}
        </Anchor>
      )}
      {unit.kind === 'committee' && !targets.isPending && <Review items={items} />}
      {unit.kind === 'cell' && <ReportProgressForm unitId={unit.id} year={year} />}
      {unit.kind === 'committee' && unit.canManage && <CreateTargetForm unit={unit} year={year} />}
    </Stack>
  );
}
