/**
 * For a secretary: the month in progress of their cell, as what is still to do: the standards not
 * met so far, the members to follow up, and the state of this month's report.
 */
import { Anchor, Badge, Center, Group, List, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCellDashboard } from '../../api/compliance.ts';
import { useMonthlyReport } from '../../api/reports.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { currentPeriod, formatPeriod } from '../../lib/period.ts';
import { describeDetail, standardTitle } from '../../lib/standards.ts';

export function SecretaryMonth({ cellId }: { cellId: number }) {
  const { t, i18n } = useTranslation();
  const period = currentPeriod();
  const dash = useCellDashboard(cellId, period);
  const report = useMonthlyReport(cellId, period);
  if (dash.isPending)
    return (
      <Center p="sm">
        <Loader size="sm" aria-label={t('common.loading')} />
      </Center>
    );
  const missing = (dash.data?.standards ?? []).filter((s) => !s.meets);
  const followUps = dash.data?.followUps.length ?? 0;
  return (
    <Stack gap="sm" data-testid="secretary-month">
      <ErrorAlert error={dash.error ?? report.error} />
      <div>
        <Text size="sm" fw={600} mb={4}>
          {t('roleHome.stillMissing')}
        </Text>
        {(dash.data?.standards.length ?? 0) === 0 ? (
          <Text size="sm" c="dimmed">
            {t('health.noData')}
          </Text>
        ) : missing.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="nothing-missing">
            {t('roleHome.nothingMissing')}
          </Text>
        ) : (
          <List size="sm" spacing={2}>
            {missing.map((s) => (
              <List.Item key={s.code} data-testid="still-missing" data-standard={s.code}>
                <b>{standardTitle(s, i18n.language)}</b>: {describeDetail(t, s.detail, false)}
              </List.Item>
            ))}
          </List>
        )}
      </div>
      <Group gap="md">
        <Anchor
          component={Link}
          to={`/units/${cellId}?tab=dashboard&period=${period}`}
          size="sm"
          data-testid="follow-ups-due"
          data-count={followUps}
        >
          {followUps === 0 ? t('roleHome.noFollowUps') : t('roleHome.followUpsDue', { count: followUps })}
        </Anchor>
        {report.data && (
          <Group gap={6}>
            <Text size="sm">{t('roleHome.report', { month: formatPeriod(period, i18n.language) })}</Text>
            <Badge
              variant="light"
              color={report.data.status === 'submitted' ? 'green' : 'gray'}
              data-testid="home-report"
              data-status={report.data.status}
            >
              {t(`report.status.${report.data.status}`)}
            </Badge>
            <Anchor component={Link} to={`/units/${cellId}?tab=report&period=${period}`} size="sm">
              {t('roleHome.openReport')}
            </Anchor>
          </Group>
        )}
      </Group>
    </Stack>
  );
}
