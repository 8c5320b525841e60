/** The cells behind a dashboard figure: a unit's cells judged on one standard in a month, with why. */
import { Anchor, Badge, Button, Center, Group, Loader, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useCompliance, useComplianceRows } from '../../api/compliance.ts';
import { useUnit } from '../../api/units.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PeriodPicker } from '../../components/period-picker.tsx';
import { standardFromParam } from '../../lib/links.ts';
import { formatPeriod, isPeriod, lastCompletePeriod, pastMonthName } from '../../lib/period.ts';
import { describeDetail, standardTitle } from '../../lib/standards.ts';
import { NotFoundPage } from '../../components/not-found-page.tsx';

type Meets = 'true' | 'false' | '';

function RowsTable({ rowsUrl, meets, period }: { rowsUrl: string; meets: Meets; period: string }) {
  const { t, i18n } = useTranslation();
  const past = pastMonthName(period, i18n.language);
  const rows = useComplianceRows(rowsUrl, meets);
  const items = rows.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <ErrorAlert error={rows.error} />
      <Table.ScrollContainer minWidth={560}>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('unit.name')}</Table.Th>
              <Table.Th>{t('unit.code')}</Table.Th>
              <Table.Th>{t('health.status')}</Table.Th>
              <Table.Th>{t('health.why')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((r) => (
              <Table.Tr key={r.cellId} data-testid="compliance-row" data-cell-id={r.cellId} data-meets={String(r.meets)}>
                <Table.Td>
                  <Anchor component={Link} to={`/units/${r.cellId}`}>
                    {r.cellName}
                  </Anchor>
                </Table.Td>
                <Table.Td ff="monospace" fz="xs">
                  {r.cellCode}
                </Table.Td>
                <Table.Td>
                  <Badge color={r.meets ? 'green' : 'red'} variant="light">
                    {r.meets ? t('health.meets') : t('health.fails')}
                  </Badge>
                </Table.Td>
                <Table.Td fz="sm">{r.standardCode === '*' ? '' : describeDetail(t, r.detail, r.meets, past)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows.isPending && (
        <Center p="md">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      )}
      {!rows.isPending && items.length === 0 && (
        <Text c="dimmed" p="sm">
          {t('health.noRows')}
        </Text>
      )}
      {rows.hasNextPage && (
        <Center>
          <Button variant="default" onClick={() => void rows.fetchNextPage()} loading={rows.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Center>
      )}
    </>
  );
}

export function ComplianceRowsPage() {
  const { t, i18n } = useTranslation();
  const params = useParams();
  const id = Number(params.id);
  const standard = standardFromParam(params.standard);
  const [search, setSearch] = useSearchParams();
  const period = isPeriod(search.get('period')) ? search.get('period')! : lastCompletePeriod();
  const meets = (['true', 'false'].includes(search.get('meets') ?? '') ? search.get('meets') : '') as Meets;
  const unit = useUnit(id);
  const compliance = useCompliance(id, period);
  const set = (key: string, value: string) =>
    setSearch(
      (s) => {
        const n = new URLSearchParams(s);
        if (value) n.set(key, value);
        else n.delete(key);
        return n;
      },
      { replace: true },
    );

  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  const c = compliance.data;
  const s = c?.standards.find((x) => x.code === standard);
  const rowsUrl = standard === '*' ? c?.allRowsUrl : s?.rowsUrl;
  const figure = standard === '*' ? (c ? { m: c.cellsMeetingAll, n: c.cells } : null) : s ? { m: s.cellsMeeting, n: s.cellsTotal } : null;

  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to={`/units/${id}?period=${period}`} size="sm">
          ← {unit.data?.name ?? t('common.loading')}
        </Anchor>
        <Title order={2} mt={4} data-testid="rows-title">
          {standard === '*' ? t('health.allStandards') : s ? standardTitle(s, i18n.language) : standard}
        </Title>
        <Text c="dimmed" size="sm">
          {formatPeriod(period, i18n.language)}
          {figure && ` · ${t('health.figureSentence', { meeting: figure.m, total: figure.n })}`}
        </Text>
      </div>
      <Group justify="space-between" align="flex-end">
        <SegmentedControl
          value={meets}
          onChange={(v) => set('meets', v)}
          data-testid="meets-filter"
          data={[
            { value: '', label: t('health.filterAll') },
            { value: 'true', label: t('health.filterMeets') },
            { value: 'false', label: t('health.filterFails') },
          ]}
        />
        <Group gap="sm" align="flex-end">
          {rowsUrl && (
            // The same rows as the list, every one of them, as a file (the browser downloads it).
            <Button
              component="a"
              variant="default"
              data-testid="download-csv"
              href={`${rowsUrl.replace('/cells?', '/cells.csv?')}${meets ? `&meets=${meets}` : ''}`}
            >
              {t('health.downloadCsv')}
            </Button>
          )}
          <PeriodPicker value={period} onChange={(p) => set('period', p)} />
        </Group>
      </Group>
      <ErrorAlert error={compliance.error ?? unit.error} />
      {compliance.isPending && (
        <Center p="md">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      )}
      {c && !rowsUrl && <Text c="dimmed">{t('health.unknownStandard')}</Text>}
      {rowsUrl && <RowsTable rowsUrl={rowsUrl} meets={meets} period={period} />}
    </Stack>
  );
}
