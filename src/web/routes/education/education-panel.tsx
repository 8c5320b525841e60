/**
 * A committee's education panel for the month on its dashboard: sessions held, technical attendance,
 * the share of members with a current learning plan, themes completed, and members enrolled in study
 * while working by kind and status (a bar per kind, the statuses stacked).
 */
import { BarChart } from '@mantine/charts';
import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ENROLMENT_KINDS, ENROLMENT_STATUSES } from '../../../shared/schemas/education.ts';
import { useEducationCounts } from '../../api/education.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { percent } from '../../lib/period.ts';

function Figure({ label, value, testId }: { label: string; value: string | number; testId: string }) {
  return (
    <Stack gap={0}>
      <Text size="xl" fw={700} data-testid={testId}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}

const STATUS_COLORS = { enrolled: 'blue.6', completed: 'teal.6', withdrawn: 'gray.5' } as const;

export function EducationPanel({ unitId, period }: { unitId: number; period: string }) {
  const { t } = useTranslation();
  const counts = useEducationCounts(unitId, period);
  const c = counts.data;
  const planShare = c ? percent(c.learningPlans.current, c.learningPlans.members) : null;
  const techShare = c ? percent(c.technicalAttendance.present, c.technicalAttendance.expected) : null;
  const bars = ENROLMENT_KINDS.map((kind) => ({
    kind: t(`education.enrolments.kinds.${kind}`),
    ...Object.fromEntries(ENROLMENT_STATUSES.map((s) => [s, c?.enrolments.find((e) => e.kind === kind && e.status === s)?.members ?? 0])),
  }));
  const anyEnrolled = (c?.enrolments.length ?? 0) > 0;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="education-panel-title" data-testid="education-panel">
      <Title order={3} size="h4" id="education-panel-title" mb="sm">
        {t('education.panel.title')}
      </Title>
      <ErrorAlert error={counts.error} />
      {c && (
        <>
          <SimpleGrid cols={{ base: 2, sm: 4 }} mb="md">
            <Figure label={t('education.panel.sessions')} value={c.educationSessions} testId="education-sessions" />
            <Figure label={t('education.panel.themesCompleted')} value={c.themesCompleted} testId="themes-completed" />
            <Figure
              label={t('education.panel.plans', { current: c.learningPlans.current, members: c.learningPlans.members })}
              value={planShare === null ? '—' : `${planShare} %`}
              testId="plan-share"
            />
            <Figure
              label={t('education.panel.technical', { count: c.technicalSessions })}
              value={techShare === null ? '—' : `${techShare} %`}
              testId="technical-attendance"
            />
          </SimpleGrid>
          <Text size="sm" fw={500} mb={4}>
            {t('education.panel.enrolments')}
          </Text>
          {anyEnrolled ? (
            <BarChart
              h={220}
              data={bars}
              dataKey="kind"
              type="stacked"
              withLegend
              aria-label={t('education.panel.enrolments')}
              series={ENROLMENT_STATUSES.map((s) => ({ name: s, label: t(`education.enrolments.statuses.${s}`), color: STATUS_COLORS[s] }))}
            />
          ) : (
            <Text size="sm" c="dimmed">
              {t('education.panel.noEnrolments')}
            </Text>
          )}
        </>
      )}
    </Paper>
  );
}
