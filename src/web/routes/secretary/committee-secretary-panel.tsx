/**
 * The secretary tab of a committee: the averages over its subtree's cells past the threshold with a row
 * per child unit to drill down, and the cells without a trained secretary or deputy, a page at a time.
 */
import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useTrainingGaps, useUnitFeedback } from '../../api/secretary.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { QuarterPicker } from './quarter-picker.tsx';
import { TraitBars } from './trait-bars.tsx';

function Totals({ unitId, quarter, onQuarter }: { unitId: number; quarter: string; onQuarter: (q: string) => void }) {
  const { t } = useTranslation();
  const f = useUnitFeedback(unitId, quarter);
  const d = f.data;
  return (
    <Stack gap="sm" data-testid="unit-secretary-feedback">
      <Group justify="space-between" align="end" wrap="wrap">
        <Title order={3} size="h4">
          {t('secretary.unitTitle')}
        </Title>
        <QuarterPicker value={quarter} onChange={onQuarter} />
      </Group>
      <ErrorAlert error={f.error} />
      {d && (
        <>
          <Text size="sm" data-testid="unit-raters">
            {t('secretary.unitFigures', { raters: d.raters, cells: d.cells })}
          </Text>
          <TraitBars traits={d.traits} />
          <Text size="xs" c="dimmed">
            {t('secretary.unitNote', { count: d.minRaters })}
          </Text>
          {d.children.length > 0 && (
            <Table.ScrollContainer minWidth={320}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('secretary.unit')}</Table.Th>
                    <Table.Th ta="right">{t('secretary.cellsWithFeedback')}</Table.Th>
                    <Table.Th ta="right">{t('secretary.ratersColumn')}</Table.Th>
                    <Table.Th ta="right">{t('secretary.overall')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.children.map((c) => {
                    const shown = c.traits.filter((x) => x.average !== null);
                    const overall = shown.length ? shown.reduce((a, x) => a + x.average!, 0) / shown.length : null;
                    return (
                      <Table.Tr key={c.unitId} data-testid="secretary-child">
                        <Table.Td>
                          <Anchor component={Link} to={`/units/${c.unitId}?tab=secretary&quarter=${quarter}`}>
                            {c.name}
                          </Anchor>
                        </Table.Td>
                        <Table.Td ta="right">{c.cells}</Table.Td>
                        <Table.Td ta="right">{c.raters}</Table.Td>
                        <Table.Td ta="right">{overall === null ? '—' : overall.toFixed(2)}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      )}
    </Stack>
  );
}

function Gaps({ unitId }: { unitId: number }) {
  const { t } = useTranslation();
  const [cursors, setCursors] = useState<string[]>([]);
  const gaps = useTrainingGaps(unitId, cursors.at(-1));
  const g = gaps.data;
  return (
    <Stack gap="sm" data-testid="training-gaps">
      <Title order={3} size="h4">
        {t('secretary.gapsTitle')}
      </Title>
      <Text size="xs" c="dimmed">
        {t('secretary.trainedNote')}
      </Text>
      <ErrorAlert error={gaps.error} />
      {g && g.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('secretary.noGaps')}
        </Text>
      )}
      {g && g.items.length > 0 && (
        <Table.ScrollContainer minWidth={320}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('secretary.cell')}</Table.Th>
                <Table.Th>{t('secretary.roleSecretary')}</Table.Th>
                <Table.Th>{t('secretary.roleSuccessor')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {g.items.map((c) => (
                <Table.Tr key={c.cellId} data-testid="gap-cell">
                  <Table.Td>
                    <Anchor component={Link} to={`/units/${c.cellId}?tab=secretary`}>
                      {c.cellName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{c.secretary ?? t('secretary.none')}</Table.Td>
                  <Table.Td>{c.deputy ?? t('secretary.none')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group gap="xs">
        {cursors.length > 0 && (
          <Button variant="default" size="xs" onClick={() => setCursors((c) => c.slice(0, -1))}>
            {t('secretary.previousPage')}
          </Button>
        )}
        {g?.nextCursor && (
          <Button variant="default" size="xs" onClick={() => setCursors((c) => [...c, g.nextCursor!])} data-testid="gaps-next">
            {t('secretary.nextPage')}
          </Button>
        )}
      </Group>
      {g && g.children.length > 0 && (
        <Group gap="xs" wrap="wrap">
          <Text size="sm">{t('secretary.drillDown')}</Text>
          {g.children.map((c) => (
            <Anchor key={c.unitId} component={Link} to={`/units/${c.unitId}?tab=secretary`} size="sm">
              {c.name}
            </Anchor>
          ))}
        </Group>
      )}
    </Stack>
  );
}

export function CommitteeSecretaryPanel({
  unitId,
  quarter,
  onQuarter,
}: {
  unitId: number;
  quarter: string;
  onQuarter: (q: string) => void;
}) {
  return (
    <Stack gap="xl" data-testid="committee-secretary">
      <Totals unitId={unitId} quarter={quarter} onQuarter={onQuarter} />
      <Gaps key={unitId} unitId={unitId} />
    </Stack>
  );
}
