/**
 * The admissions pipeline of a unit for a month: steps taken, what is open at the month's end, the mean
 * days in each step; below it the same figures for each child unit, each linking to its own view.
 */
import { Anchor, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PipelineFigures } from '../../../shared/schemas/admissions.ts';
import { useAdmissionsSummary } from '../../api/admissions.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PeriodPicker } from '../../components/period-picker.tsx';

const days = (v: number | null) => (v === null ? '—' : String(v));

function Figure({ label, value, testId }: { label: string; value: string | number; testId?: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" data-testid={testId}>
        {value}
      </Text>
    </Card>
  );
}

export function PipelinePanel({ unitId, period, onPeriod }: { unitId: number; period: string; onPeriod: (p: string) => void }) {
  const { t } = useTranslation();
  const q = useAdmissionsSummary(unitId, period);
  const f = q.data?.figures;
  const row = (g: PipelineFigures) => [g.nominated, g.trainingStarted, g.voted, g.approved, g.rejected, g.open.awaitingDecision];
  return (
    <Stack data-testid="admissions-pipeline">
      <Group justify="space-between" wrap="wrap">
        <Title order={3}>{t('admissions.pipeline')}</Title>
        <PeriodPicker value={period} onChange={onPeriod} />
      </Group>
      <ErrorAlert error={q.error} />
      {f && (
        <>
          <SimpleGrid cols={{ base: 2, sm: 4, md: 7 }}>
            <Figure label={t('admissions.figures.nominated')} value={f.nominated} testId="pipeline-nominated" />
            <Figure label={t('admissions.figures.trainingStarted')} value={f.trainingStarted} />
            <Figure label={t('admissions.figures.voted')} value={f.voted} />
            <Figure label={t('admissions.figures.voteFailed')} value={f.voteFailed} />
            <Figure label={t('admissions.figures.approved')} value={f.approved} testId="pipeline-approved" />
            <Figure label={t('admissions.figures.rejected')} value={f.rejected} />
            <Figure label={t('admissions.figures.withdrawn')} value={f.withdrawn} testId="pipeline-withdrawn" />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }}>
            <Figure label={t('admissions.figures.openNominated')} value={f.open.nominated} />
            <Figure label={t('admissions.figures.openTraining')} value={f.open.inTraining} />
            <Figure label={t('admissions.figures.openAwaiting')} value={f.open.awaitingDecision} />
            <Figure label={t('admissions.figures.daysToVote')} value={days(f.meanDays.toVote)} />
            <Figure label={t('admissions.figures.daysInTraining')} value={days(f.meanDays.inTraining)} />
            <Figure label={t('admissions.figures.daysToDecision')} value={days(f.meanDays.toDecision)} />
          </SimpleGrid>
        </>
      )}
      {q.data && q.data.children.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table data-testid="pipeline-children">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admissions.unit')}</Table.Th>
                {['nominated', 'trainingStarted', 'voted', 'approved', 'rejected', 'openAwaiting'].map((k) => (
                  <Table.Th key={k}>{t(`admissions.figures.${k}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.children.map((c) => (
                <Table.Tr key={c.unit.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/units/${c.unit.id}?tab=admissions&period=${period}`}>
                      {c.unit.name}
                    </Anchor>
                  </Table.Td>
                  {row(c.figures).map((v, i) => (
                    <Table.Td key={i}>{v}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
