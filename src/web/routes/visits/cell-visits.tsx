/**
 * A cell's visits tab, for its secretary and the officials above: the visits to the cell and the
 * problems raised at them, open ones first, each with its moves ("mark solved" with the resolution).
 */
import { SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblems, useUnitVisits } from '../../api/visits.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ProblemCard } from './problem-card.tsx';
import { VisitList } from './visit-list.tsx';

export function ProblemList({ unitId, showCell = false }: { unitId: number; showCell?: boolean }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<'open' | 'overdue' | 'all'>('open');
  const problems = useProblems(unitId, filter);
  return (
    <Stack component="section" aria-labelledby={`problems-${unitId}`} data-testid="problem-list">
      <Title order={3} size="h4" id={`problems-${unitId}`}>
        {t('visits.problems')}
      </Title>
      <SegmentedControl
        value={filter}
        onChange={(v) => setFilter(v as typeof filter)}
        data={(['open', 'overdue', 'all'] as const).map((f) => ({ value: f, label: t(`visits.problemFilter.${f}`) }))}
        data-testid="problem-filter"
      />
      <ErrorAlert error={problems.error} />
      {problems.data?.items.length === 0 && <Text c="dimmed">{t('visits.noProblems')}</Text>}
      {problems.data?.items.map((p) => (
        <ProblemCard key={p.id} problem={p} showCell={showCell} />
      ))}
    </Stack>
  );
}

export function CellVisits({ cellId }: { cellId: number }) {
  const { t } = useTranslation();
  const visits = useUnitVisits(cellId);
  return (
    <Stack gap="xl" data-testid="cell-visits">
      <ProblemList unitId={cellId} />
      <Stack component="section" aria-labelledby="cell-visit-list">
        <Title order={3} size="h4" id="cell-visit-list">
          {t('visits.cellVisits')}
        </Title>
        <ErrorAlert error={visits.error} />
        {visits.data && <VisitList items={visits.data.items} />}
      </Stack>
    </Stack>
  );
}
