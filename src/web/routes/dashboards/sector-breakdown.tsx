/** The whole tree by sector: share of cells meeting every standard as bars, and each standard in a table. */
import { BarChart } from '@mantine/charts';
import { Center, Loader, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Compliance } from '../../../shared/schemas/compliance.ts';
import { useSectors } from '../../api/compliance.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { percent } from '../../lib/period.ts';
import { heatColor, standardTitle } from '../../lib/standards.ts';

export function SectorBreakdown({ compliance }: { compliance: Compliance }) {
  const { t, i18n } = useTranslation();
  const sectors = useSectors(compliance.unitId, compliance.period, true);
  const name = (s: string | null) => (s ? t(`sector.${s}`, s) : t('unit.noSector'));
  const rows = [...(sectors.data?.rows ?? [])].sort((a, b) => b.all.cellsTotal - a.all.cellsTotal);
  // Each bar is a share, labelled with the counts behind it: one cell of one is 100 %, and says so.
  const data = rows.map((r) => ({
    sector: t('monthView.sectorBar', { sector: name(r.sector), meeting: r.all.cellsMeeting, total: r.all.cellsTotal }),
    share: percent(r.all.cellsMeeting, r.all.cellsTotal) ?? 0,
  }));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sectors-title" data-testid="sector-breakdown">
      <Title order={3} size="h4" id="sectors-title" mb="sm">
        {t('health.bySector')}
      </Title>
      <ErrorAlert error={sectors.error} />
      {sectors.isPending && (
        <Center p="md">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      )}
      {sectors.data && rows.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('health.noData')}
        </Text>
      )}
      {rows.length > 0 && (
        <>
          <BarChart
            h={Math.max(160, rows.length * 28)}
            data={data}
            dataKey="sector"
            orientation="vertical"
            valueFormatter={(v) => `${v} %`}
            xAxisProps={{ domain: [0, 100] }}
            yAxisProps={{ width: 180 }}
            mb="md"
            withBarValueLabel
            getBarColor={(v) => heatColor(v / 100, 50)}
            series={[{ name: 'share', label: t('health.allStandards'), color: 'teal.6' }]}
          />
          <Table.ScrollContainer minWidth={560}>
            <Table withColumnBorders fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('unit.sector')}</Table.Th>
                  <Table.Th ta="right">{t('unit.cellCount')}</Table.Th>
                  <Table.Th ta="center">{t('health.allStandardsShort')}</Table.Th>
                  {compliance.standards.map((s) => (
                    <Table.Th key={s.code} ta="center">
                      <Text fz="xs" lineClamp={2} title={standardTitle(s, i18n.language)}>
                        {standardTitle(s, i18n.language)}
                      </Text>
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.sector ?? '-'} data-testid="sector-row" data-sector={r.sector ?? ''}>
                    <Table.Td>{name(r.sector)}</Table.Td>
                    <Table.Td ta="right">{r.all.cellsTotal.toLocaleString()}</Table.Td>
                    {[r.all, ...compliance.standards.map((s) => r.figures[s.code])].map((f, i) => (
                      <Table.Td
                        key={i}
                        ta="center"
                        style={{ background: heatColor(f && f.cellsTotal > 0 ? f.cellsMeeting / f.cellsTotal : null) }}
                        data-testid="sector-figure"
                        data-meeting={f?.cellsMeeting ?? 0}
                        data-total={f?.cellsTotal ?? 0}
                      >
                        {f && f.cellsTotal > 0
                          ? t('monthView.shareOf', {
                              share: percent(f.cellsMeeting, f.cellsTotal),
                              meeting: f.cellsMeeting,
                              total: f.cellsTotal,
                            })
                          : '—'}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Paper>
  );
}
