/**
 * A campaign: its standards and weights, the standings as a bar chart and a table (equal scores share
 * a rank), the "to overtake" line for the reader's own unit, and each score drilled down to its figures.
 */
import { BarChart } from '@mantine/charts';
import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useCampaign, useStandings, useUnitScore } from '../../api/emulation.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ManageCampaign } from './campaign-manage.tsx';

export function CampaignPage() {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const campaign = useCampaign(id);
  const standings = useStandings(id);
  const [open, setOpen] = useState<number | null>(null);
  const c = campaign.data;
  const s = standings.data;
  const title = (x: { titleEn: string; titleKo: string }) => (i18n.language === 'ko' ? x.titleKo : x.titleEn);
  return (
    <Stack gap="lg">
      <ErrorAlert error={campaign.error ?? standings.error} />
      {c && (
        <>
          <Title order={2}>{c.title}</Title>
          <Text>{t('emulation.runByMonths', { unit: c.unit.name, from: c.from.slice(0, 7), to: c.to.slice(0, 7) })}</Text>
          <Group gap="xs">
            {c.components.map((x) => (
              <Badge key={x.kind === 'standard' ? x.code : `target:${x.indicator}`} variant="light">
                {x.kind === 'standard' ? title(x) : t('emulation.targetOf', { indicator: x.indicator })} × {x.weight}
              </Badge>
            ))}
          </Group>
          {c.cancelledAt && <Alert color="gray">{t('emulation.cancelled', { on: c.cancelledAt.slice(0, 10) })}</Alert>}
          {c.canManage && <ManageCampaign campaign={c} />}
        </>
      )}
      {s &&
        s.items
          .filter((r) => s.mine.includes(r.unitId))
          .map((r) => (
            <Alert key={r.unitId} color={r.toOvertake ? 'blue' : 'teal'} data-testid="to-overtake">
              {r.toOvertake
                ? t('emulation.toOvertake', { unit: r.name, rank: r.rank, other: r.toOvertake.name, gap: r.toOvertake.gap })
                : t('emulation.leading', { unit: r.name })}
            </Alert>
          ))}
      {s && s.items.length > 0 && (
        <>
          <BarChart
            h={Math.max(160, Math.min(s.items.length, 30) * 28)}
            data={s.items.slice(0, 30).map((r) => ({ unit: r.name, score: r.score }))}
            dataKey="unit"
            orientation="vertical"
            xAxisProps={{ domain: [0, 100] }}
            yAxisProps={{ width: 180 }}
            withBarValueLabel
            series={[{ name: 'score', label: t('emulation.score'), color: 'teal.6' }]}
          />
          <Anchor href={`/api/v1/campaigns/${id}/standings.csv`} download data-testid="standings-csv" w="fit-content">
            {t('emulation.standingsCsv')}
          </Anchor>
          <Table data-testid="standings">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('emulation.rank')}</Table.Th>
                <Table.Th>{t('emulation.unit')}</Table.Th>
                <Table.Th ta="right">{t('emulation.score')}</Table.Th>
                <Table.Th>{t('emulation.overtakeColumn')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.items.map((r) => (
                <Table.Tr key={r.unitId} data-testid="standing-row" fw={s.mine.includes(r.unitId) ? 700 : undefined}>
                  <Table.Td>{r.rank}</Table.Td>
                  <Table.Td>{r.name}</Table.Td>
                  <Table.Td ta="right">{r.score.toFixed(2)}</Table.Td>
                  <Table.Td>{r.toOvertake ? t('emulation.behind', { other: r.toOvertake.name, gap: r.toOvertake.gap }) : '—'}</Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => setOpen(open === r.unitId ? null : r.unitId)}
                      aria-expanded={open === r.unitId}
                    >
                      {t('emulation.figures')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      {open !== null && <ScoreFigures campaignId={id} unitId={open} />}
    </Stack>
  );
}

function ScoreFigures({ campaignId, unitId }: { campaignId: number; unitId: number }) {
  const { t, i18n } = useTranslation();
  const score = useUnitScore(campaignId, unitId);
  const d = score.data;
  return (
    <Stack gap="xs" data-testid="score-figures">
      <ErrorAlert error={score.error} />
      {d && (
        <>
          <Title order={3} size="h5">
            {t('emulation.figuresOf', { unit: d.standing.name, score: d.standing.score.toFixed(2) })}
          </Title>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('emulation.standard')}</Table.Th>
                <Table.Th ta="right">{t('emulation.weight')}</Table.Th>
                <Table.Th>{t('emulation.month')}</Table.Th>
                <Table.Th ta="right">{t('emulation.meetingOfJudged')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.components.flatMap((c) => [
                <Table.Tr key={`${c.kind}:${c.code}`}>
                  <Table.Td fw={700}>
                    {c.kind === 'target' ? t('emulation.targetOf', { indicator: c.code }) : i18n.language === 'ko' ? c.titleKo : c.titleEn}
                  </Table.Td>
                  <Table.Td ta="right">{c.weight}</Table.Td>
                  <Table.Td>{t('emulation.allMonths')}</Table.Td>
                  <Table.Td ta="right">
                    {c.meeting} / {c.total} ({Math.round(c.rate * 100)} %)
                  </Table.Td>
                </Table.Tr>,
                ...(c.targets ?? []).map((x) => (
                  <Table.Tr key={`target-${x.id}`} data-testid="score-target">
                    <Table.Td />
                    <Table.Td />
                    <Table.Td>{x.quarter ? `${x.year} ${t('emulation.quarterShort', { quarter: x.quarter })}` : x.year}</Table.Td>
                    <Table.Td ta="right">
                      {x.achieved} / {x.figure} {x.measure}
                    </Table.Td>
                  </Table.Tr>
                )),
                ...(c.kind === 'target' && (c.targets ?? []).length === 0
                  ? [
                      <Table.Tr key={`none-${c.code}`}>
                        <Table.Td colSpan={4}>
                          <Text size="sm" c="dimmed">
                            {t('emulation.noOwnTarget')}
                          </Text>
                        </Table.Td>
                      </Table.Tr>,
                    ]
                  : []),
                ...c.months.map((m) => (
                  <Table.Tr key={`${c.code}-${m.period}`}>
                    <Table.Td />
                    <Table.Td />
                    <Table.Td>{m.period.slice(0, 7)}</Table.Td>
                    <Table.Td ta="right">
                      {m.meeting} / {m.total}
                    </Table.Td>
                  </Table.Tr>
                )),
              ])}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
