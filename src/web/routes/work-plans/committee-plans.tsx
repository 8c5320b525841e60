/**
 * A committee's work plans tab: for a quarter, how many of its open cells have a plan adopted (or
 * reviewed), drafted or none, as a bar, and the cells in name order with their plan, filtered by status.
 */
import { Anchor, Button, Card, Group, Progress, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PLAN_STATES } from '../../../shared/schemas/work-plans.ts';
import { useCommitteePlans } from '../../api/work-plans.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PlanStatusBadge, planQuarters } from './cell-work-plan.tsx';

const COLORS = { reviewed: 'green', adopted: 'blue', draft: 'yellow', missing: 'gray' } as const;
const ORDER = ['reviewed', 'adopted', 'draft', 'missing'] as const;

export function CommitteePlans({ unitId, quarter, onQuarter }: { unitId: number; quarter: string; onQuarter: (q: string) => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string>('all');
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const view = useCommitteePlans(unitId, quarter, status, cursor);
  const d = view.data;
  const reset = () => setCursors([undefined]);
  return (
    <Stack gap="md" data-testid="committee-plans">
      <Group justify="space-between" wrap="wrap">
        <Title order={3} size="h4">
          {t('workPlans.committeeTitle')}
        </Title>
        <Select
          aria-label={t('workPlans.quarter')}
          data={planQuarters()}
          value={quarter}
          onChange={(v) => {
            if (v) onQuarter(v);
            reset();
          }}
          allowDeselect={false}
          w={140}
          data-testid="plans-quarter"
        />
      </Group>
      <ErrorAlert error={view.error} />
      {d && (
        <Card withBorder>
          <Stack gap="xs">
            <Text data-testid="plans-counts">
              {t('workPlans.counts', {
                count: d.counts.cells,
                adopted: d.counts.adopted + d.counts.reviewed,
                draft: d.counts.draft,
                missing: d.counts.missing,
              })}
            </Text>
            <Progress.Root size="xl">
              {ORDER.map((s) =>
                d.counts[s] > 0 ? (
                  <Progress.Section
                    key={s}
                    value={(d.counts[s] / Math.max(d.counts.cells, 1)) * 100}
                    color={COLORS[s]}
                    aria-label={`${t('workPlans.chartLabel')}: ${t(`workPlans.status.${s}`)} ${d.counts[s]}`}
                  >
                    <Progress.Label>{d.counts[s]}</Progress.Label>
                  </Progress.Section>
                ) : null,
              )}
            </Progress.Root>
            <Group gap="md">
              {ORDER.map((s) => (
                <Text key={s} size="sm" c={COLORS[s]}>
                  ■ {t(`workPlans.status.${s}`)}: {d.counts[s]}
                </Text>
              ))}
            </Group>
          </Stack>
        </Card>
      )}
      <SegmentedControl
        value={status}
        onChange={(v) => {
          setStatus(v);
          reset();
        }}
        data={['all', ...PLAN_STATES].map((s) => ({ value: s, label: t(s === 'all' ? 'workPlans.allCells' : `workPlans.status.${s}`) }))}
        data-testid="plans-filter"
      />
      {d && d.items.length === 0 && <Text c="dimmed">{t('workPlans.noCells')}</Text>}
      {d && d.items.length > 0 && (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('workPlans.cell')}</Table.Th>
              <Table.Th>{t('workPlans.statusColumn')}</Table.Th>
              <Table.Th>{t('workPlans.goalsColumn')}</Table.Th>
              <Table.Th>{t('workPlans.adoptedOn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.items.map((c) => (
              <Table.Tr key={c.cellId} data-testid="plans-row">
                <Table.Td>
                  <Anchor component={Link} to={`/units/${c.cellId}?tab=workPlan&quarter=${d.period}`}>
                    {c.cellName}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <PlanStatusBadge status={c.status} />
                </Table.Td>
                <Table.Td>{c.status === 'reviewed' ? t('workPlans.metOf', { met: c.met, count: c.goals }) : c.goals}</Table.Td>
                <Table.Td>{c.adoptedOn ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group>
        {cursors.length > 1 && (
          <Button variant="default" size="xs" onClick={() => setCursors((cs) => cs.slice(0, -1))}>
            {t('workPlans.previousPage')}
          </Button>
        )}
        {d?.nextCursor && (
          <Button
            variant="default"
            size="xs"
            onClick={() => setCursors((cs) => [...cs, d.nextCursor ?? undefined])}
            data-testid="plans-next"
          >
            {t('workPlans.nextPage')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
