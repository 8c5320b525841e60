/** The secretary's view of a cell: this month's standards and what is missing, people to follow up, meetings, open actions. */
import { BarChart } from '@mantine/charts';
import { Anchor, Center, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Unit } from '../../../shared/schemas/units.ts';
import { useCellDashboard } from '../../api/compliance.ts';
import { ActionList } from '../../components/action-list.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { MeetingStatusBadge, useKindName } from '../../components/meeting-bits.tsx';
import { PeriodPicker } from '../../components/period-picker.tsx';
import { StaleWhileLoading } from '../../components/stale-while-loading.tsx';
import { formatDate, formatDateTime, pastMonthName } from '../../lib/period.ts';
import { CellStandards } from './cell-standards.tsx';
import { FollowUpList } from './follow-up-list.tsx';

function Card({ id, title, children, testId }: { id: string; title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id} data-testid={testId}>
      <Title order={3} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

export function CellDashboard({ unit, period, onPeriod }: { unit: Unit; period: string; onPeriod: (p: string) => void }) {
  const { t, i18n } = useTranslation();
  const dash = useCellDashboard(unit.id, period);
  const kindName = useKindName();
  const d = dash.data;
  const met = d?.standards.filter((s) => s.meets).length ?? 0;
  const past = pastMonthName(period, i18n.language);
  // Judged from its first full month (decision 0005): a month it opened in has no standards to show.
  const notJudged = unit.openedOn > `${period}-01`;
  const summary = past
    ? t('monthView.cellSummaryIn', { met, total: d?.standards.length ?? 0, month: past })
    : t('cellDash.summary', { met, total: d?.standards.length ?? 0 });
  const attendance = [...(d?.recentMeetings ?? [])]
    .filter((m) => m.status === 'held')
    .reverse()
    .map((m) => ({
      day: formatDate(m.startsAt, i18n.language),
      [t('attendance.present')]: m.present,
      [t('attendance.notPresent')]: Math.max(0, m.expected - m.present),
    }));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Text size="sm" c="dimmed" data-testid="cell-summary">
          {d && !notJudged && !dash.isPlaceholderData ? summary : ''}
        </Text>
        <PeriodPicker value={period} onChange={onPeriod} />
      </Group>
      <ErrorAlert error={dash.error} />
      {dash.isPending && (
        <Center p="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      {d && (
        <StaleWhileLoading stale={dash.isPlaceholderData}>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Card
              id="cd-standards"
              title={past ? t('monthView.standardsIn', { month: past }) : t('cellDash.standards')}
              testId="cell-standards"
            >
              {notJudged ? (
                <Text c="dimmed" size="sm" data-testid="cell-not-judged">
                  {t('monthView.notJudgedNew')}
                </Text>
              ) : (
                <CellStandards items={d.standards} period={period} />
              )}
            </Card>
            <Stack gap="md">
              <Card id="cd-next" title={t('cellDash.nextMeetings')}>
                {d.nextMeetings.length === 0 ? (
                  <Text c="dimmed" size="sm">
                    {t('cellDash.noNextMeetings')}
                  </Text>
                ) : (
                  <Stack gap={6}>
                    {d.nextMeetings.map((m) => (
                      <Group key={m.id} gap="xs" data-testid="next-meeting">
                        <Anchor component={Link} to={`/meetings/${m.id}`} size="sm">
                          {formatDateTime(m.startsAt, i18n.language)}
                        </Anchor>
                        <Text size="sm">
                          {kindName(m.kind)}
                          {m.title ? ` · ${m.title}` : ''}
                        </Text>
                        <MeetingStatusBadge status={m.status} />
                      </Group>
                    ))}
                  </Stack>
                )}
                <Anchor component={Link} to={`/units/${unit.id}?tab=meetings`} size="xs" mt="xs" display="inline-block">
                  {t('cellDash.allMeetings')}
                </Anchor>
              </Card>
              <Card id="cd-follow" title={t('cellDash.followUps')}>
                <FollowUpList items={d.followUps} canManage={d.canManage} />
              </Card>
            </Stack>
            <Card id="cd-attendance" title={t('cellDash.recentAttendance')}>
              {attendance.length === 0 ? (
                <Text c="dimmed" size="sm">
                  {t('cellDash.noRecent')}
                </Text>
              ) : (
                <BarChart
                  h={200}
                  data={attendance}
                  dataKey="day"
                  type="stacked"
                  withLegend
                  maxBarWidth={36}
                  series={[
                    { name: t('attendance.present'), color: 'green.6' },
                    { name: t('attendance.notPresent'), color: 'red.3' },
                  ]}
                />
              )}
            </Card>
            <Card id="cd-actions" title={t('cellDash.openActions')}>
              <ActionList actions={d.openActions} canManage={d.canManage} empty={t('meeting.noOpenActions')} />
            </Card>
          </SimpleGrid>
        </StaleWhileLoading>
      )}
    </Stack>
  );
}
