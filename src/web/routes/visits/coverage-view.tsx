/**
 * A committee's visits tab: coverage for a month or the months ending with it (cells, visited, the
 * share), a bar per child unit of its share visited (each drills down to that unit's tab), the cells
 * not visited for longest (never visited first) and the open problems under it.
 */
import { Anchor, Group, Progress, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCoverage } from '../../api/visits.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { Figure } from '../../components/figure.tsx';
import { PeriodPicker } from '../../components/period-picker.tsx';
import { ProblemList } from './cell-visits.tsx';

const pct = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)} %`);

export function CoverageView({
  unitId,
  period,
  months,
  onPeriod,
  onMonths,
}: {
  unitId: number;
  period: string;
  months: string;
  onPeriod: (p: string) => void;
  onMonths: (m: string) => void;
}) {
  const { t } = useTranslation();
  const coverage = useCoverage(unitId, period, months);
  const c = coverage.data;
  return (
    <Stack gap="lg" data-testid="visit-coverage">
      <Group justify="space-between" wrap="wrap">
        <Title order={3} size="h4">
          {t('visits.coverageTitle')}
        </Title>
        <PeriodPicker value={period} onChange={onPeriod} />
      </Group>
      <SegmentedControl
        value={months}
        onChange={onMonths}
        aria-label={t('visits.window')}
        data={['1', '3', '6', '12'].map((m) => ({ value: m, label: t('visits.windowMonths', { count: Number(m) }) }))}
      />
      <ErrorAlert error={coverage.error} />
      {c && (
        <>
          <SimpleGrid cols={{ base: 2, sm: 5 }}>
            <Figure label={t('visits.cells')} value={c.cells} testId="coverage-cells" />
            <Figure label={t('visits.visited')} value={c.visited} testId="coverage-visited" />
            <Figure label={t('visits.share')} value={pct(c.share)} testId="coverage-share" />
            <Figure label={t('visits.heldVisits')} value={c.heldVisits} testId="coverage-held" />
            <Figure label={t('visits.openProblems')} value={c.openProblems} testId="coverage-problems" />
          </SimpleGrid>
          {c.children.length > 0 && (
            <Stack gap="xs" component="section" aria-labelledby="coverage-children">
              <Title order={4} size="h5" id="coverage-children">
                {t('visits.byChild')}
              </Title>
              <Table.ScrollContainer minWidth={320}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('visits.unit')}</Table.Th>
                      <Table.Th w="40%">{t('visits.share')}</Table.Th>
                      <Table.Th ta="right">{t('visits.visitedOfCells')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {c.children.map((ch) => (
                      <Table.Tr key={ch.unitId} data-testid="coverage-child">
                        <Table.Td>
                          <Anchor component={Link} to={`/units/${ch.unitId}?tab=visits&period=${period}`}>
                            {ch.name}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <Progress
                            value={(ch.share ?? 0) * 100}
                            aria-label={t('visits.shareOf', { name: ch.name, share: pct(ch.share) })}
                          />
                        </Table.Td>
                        <Table.Td ta="right">
                          {ch.visited} / {ch.cells} ({pct(ch.share)})
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Stack>
          )}
          <Stack gap="xs" component="section" aria-labelledby="coverage-longest">
            <Title order={4} size="h5" id="coverage-longest">
              {t('visits.longestUnvisited')}
            </Title>
            {c.longestUnvisited.items.length === 0 && <Text c="dimmed">{t('visits.noCells')}</Text>}
            <Stack gap={2}>
              {c.longestUnvisited.items.map((u) => (
                <Group key={u.cellId} justify="space-between" wrap="nowrap" data-testid="unvisited-cell">
                  <Anchor component={Link} to={`/units/${u.cellId}?tab=visits`}>
                    {u.name}
                  </Anchor>
                  <Text size="sm" c={u.lastVisitedOn ? undefined : 'red'}>
                    {u.lastVisitedOn ? t('visits.lastVisited', { day: u.lastVisitedOn }) : t('visits.neverVisited')}
                  </Text>
                </Group>
              ))}
            </Stack>
          </Stack>
        </>
      )}
      <ProblemList unitId={unitId} showCell />
    </Stack>
  );
}
