/** The units under a committee against each standard, coloured by the share of cells meeting it. */
import { Anchor, Center, Loader, Paper, Table, Text, Title, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { RollupFigure } from '../../../shared/schemas/compliance.ts';
import { useGrid } from '../../api/compliance.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { rowsLink } from '../../lib/links.ts';
import { percent } from '../../lib/period.ts';
import { heatColor, standardTitle } from '../../lib/standards.ts';

function HeatCell({
  unitId,
  code,
  period,
  figure,
  label,
}: {
  unitId: number;
  code: string;
  period: string;
  figure: RollupFigure | undefined;
  label: string;
}) {
  const total = figure?.cellsTotal ?? 0;
  const meeting = figure?.cellsMeeting ?? 0;
  const share = percent(meeting, total);
  return (
    <Table.Td
      data-testid="heat-cell"
      data-unit-id={unitId}
      data-standard={code}
      data-meeting={meeting}
      data-total={total}
      style={{ background: heatColor(total > 0 ? meeting / total : null), textAlign: 'center', padding: 0 }}
    >
      <Tooltip label={`${label}: ${meeting} / ${total}`} openDelay={300}>
        <Anchor component={Link} to={rowsLink(unitId, code, period)} c="dark" underline="hover" display="block" p={6} fz="sm">
          {share === null ? '—' : `${share}%`}
          <Text span fz={10} c="dark.4" display="block">
            {meeting}/{total}
          </Text>
        </Anchor>
      </Tooltip>
    </Table.Td>
  );
}

export function HeatGrid({ unitId, period }: { unitId: number; period: string }) {
  const { t, i18n } = useTranslation();
  const grid = useGrid(unitId, period);
  const g = grid.data;
  const all = t('health.allStandardsShort');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="grid-title">
      <Title order={3} size="h4" id="grid-title" mb="sm">
        {t('health.grid')}
      </Title>
      <ErrorAlert error={grid.error} />
      {grid.isPending && (
        <Center p="md">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      )}
      {g && g.rows.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('unit.noChildren')}
        </Text>
      )}
      {g && g.rows.length > 0 && (
        <Table.ScrollContainer minWidth={160 + 96 * (g.standards.length + 1)}>
          <Table data-testid="heat-grid" withColumnBorders layout="fixed" aria-labelledby="grid-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={200}>{t('unit.name')}</Table.Th>
                <Table.Th ta="center" fz="xs">
                  {all}
                </Table.Th>
                {g.standards.map((s) => (
                  <Table.Th key={s.code} ta="center" fz="xs" style={{ verticalAlign: 'bottom' }}>
                    <Text fz="xs" fw={600} lineClamp={3} title={standardTitle(s, i18n.language)}>
                      {standardTitle(s, i18n.language)}
                    </Text>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {g.rows.map((r) => (
                <Table.Tr key={r.unit.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/units/${r.unit.id}`} size="sm" lineClamp={2}>
                      {r.unit.name}
                    </Anchor>
                  </Table.Td>
                  <HeatCell unitId={r.unit.id} code="*" period={g.period} figure={r.all} label={all} />
                  {g.standards.map((s) => (
                    <HeatCell
                      key={s.code}
                      unitId={r.unit.id}
                      code={s.code}
                      period={g.period}
                      figure={r.figures[s.code]}
                      label={standardTitle(s, i18n.language)}
                    />
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
