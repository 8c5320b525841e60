/** A committee's view of its cells' monthly reports: which were submitted, which are draft or missing. */
import { Anchor, Badge, Button, Center, Group, Loader, RingProgress, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useReportList } from '../../api/reports.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PeriodPicker } from '../../components/period-picker.tsx';
import { formatDateTime, monthProgress } from '../../lib/period.ts';

const COLORS: Record<string, string> = { submitted: 'green', draft: 'yellow', missing: 'red', notDue: 'gray' };

export function ReportList({ unitId, period, onPeriod }: { unitId: number; period: string; onPeriod: (p: string) => void }) {
  const { t, i18n } = useTranslation();
  const list = useReportList(unitId, period);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const submitted = items.filter((i) => i.status === 'submitted').length;
  // A report of the month in progress cannot be late yet: without one it is "not due yet", not "missing".
  const inProgress = monthProgress(period) !== null;
  const shown = (status: string) => (inProgress && status === 'missing' ? 'notDue' : status);
  const label = (status: string) => (status === 'notDue' ? t('monthView.notDueYet') : t(`report.status.${status}`));
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Group gap="sm">
          {items.length > 0 && (
            <RingProgress
              size={56}
              thickness={6}
              sections={[{ value: (submitted / items.length) * 100, color: 'green' }]}
              label={
                <Text ta="center" size="xs" fw={700}>
                  {Math.round((submitted / items.length) * 100)}%
                </Text>
              }
            />
          )}
          <Text size="sm">
            {t('report.listSummary', { submitted, total: items.length })}
            {list.hasNextPage ? '+' : ''}
          </Text>
          {inProgress && (
            <Text size="sm" c="dimmed" data-testid="reports-not-due">
              {t('monthView.reportsNotDue')}
            </Text>
          )}
        </Group>
        <PeriodPicker value={period} onChange={onPeriod} />
      </Group>
      <ErrorAlert error={list.error} />
      <Table.ScrollContainer minWidth={480}>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('unit.name')}</Table.Th>
              <Table.Th>{t('report.statusLabel')}</Table.Th>
              <Table.Th>{t('report.submittedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((i) => (
              <Table.Tr key={i.cell.id} data-testid="report-row" data-cell-id={i.cell.id} data-status={shown(i.status)}>
                <Table.Td>
                  <Anchor component={Link} to={`/units/${i.cell.id}?tab=report&period=${period}`}>
                    {i.cell.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Badge color={COLORS[shown(i.status)] ?? 'gray'} variant="light">
                    {label(shown(i.status))}
                  </Badge>
                </Table.Td>
                <Table.Td>{i.submittedAt ? formatDateTime(i.submittedAt, i18n.language) : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.isPending && (
        <Center p="md">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      )}
      {!list.isPending && items.length === 0 && <Text c="dimmed">{t('report.noCells')}</Text>}
      {list.hasNextPage && (
        <Center>
          <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Center>
      )}
    </Stack>
  );
}
