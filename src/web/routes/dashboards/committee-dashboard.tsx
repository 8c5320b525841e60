/** A committee's compliance dashboard for a month: headline figures, the 12-month trend, the heat grid, officials' participation, the worst cells, and at the top by sector. */
import { Center, Group, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../shared/schemas/units.ts';
import { useCompliance } from '../../api/compliance.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PeriodPicker } from '../../components/period-picker.tsx';
import { StaleWhileLoading } from '../../components/stale-while-loading.tsx';
import { formatPeriod } from '../../lib/period.ts';
import { EducationPanel } from '../education/education-panel.tsx';
import { ParticipationCard } from '../assignments/participation-card.tsx';
import { ComplianceHeadline } from './compliance-headline.tsx';
import { HeatGrid } from './heat-grid.tsx';
import { SectorBreakdown } from './sector-breakdown.tsx';
import { TrendChart } from './trend-chart.tsx';
import { WorstCells } from './worst-cells.tsx';

export function CommitteeDashboard({ unit, period, onPeriod }: { unit: Unit; period: string; onPeriod: (p: string) => void }) {
  const { t, i18n } = useTranslation();
  const compliance = useCompliance(unit.id, period);
  const c = compliance.data;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Text size="sm" c="dimmed">
          {t('health.intro', { month: formatPeriod(period, i18n.language) })}
        </Text>
        <PeriodPicker value={period} onChange={onPeriod} />
      </Group>
      <ErrorAlert error={compliance.error} />
      {compliance.isPending && (
        <Center p="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      {c && (
        <StaleWhileLoading stale={compliance.isPlaceholderData}>
          <ComplianceHeadline data={c} />
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <TrendChart compliance={c} />
            <WorstCells compliance={c} />
          </SimpleGrid>
          <HeatGrid unitId={unit.id} period={c.period} />
          <EducationPanel unitId={unit.id} period={c.period} />
          <ParticipationCard unitId={unit.id} period={period} />
          {/* The split by sector is the centre's view: the root, by depth (every reader's top unit has no parent for them). */}
          {unit.depth === 0 && <SectorBreakdown compliance={c} />}
        </StaleWhileLoading>
      )}
    </Stack>
  );
}
