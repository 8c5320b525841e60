/** The headline: how many cells, how many meet every standard, and each standard's share, each a link to its cells. */
import { Anchor, Group, Paper, RingProgress, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Compliance } from '../../../shared/schemas/compliance.ts';
import { rowsLink } from '../../lib/links.ts';
import { percent } from '../../lib/period.ts';
import { heatColor, standardTitle } from '../../lib/standards.ts';

function Figure({
  to,
  label,
  meeting,
  total,
  code,
  testId,
}: {
  to: string;
  label: string;
  meeting: number;
  total: number;
  code: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const share = percent(meeting, total);
  const figure = `${meeting.toLocaleString()} / ${total.toLocaleString()}`;
  return (
    <Paper withBorder p="sm">
      <Group wrap="nowrap" gap="sm" align="center">
        <RingProgress
          size={64}
          thickness={7}
          roundCaps
          sections={[{ value: share ?? 0, color: share === null ? 'gray' : heatColor(meeting / total, 45) }]}
          label={
            <Text ta="center" size="xs" fw={700}>
              {share === null ? '—' : `${share}%`}
            </Text>
          }
        />
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Anchor
            component={Link}
            to={to}
            fw={700}
            size="lg"
            data-testid={testId}
            data-standard={code}
            data-meeting={meeting}
            data-total={total}
            aria-label={t('health.figureLabel', { figure, label })}
          >
            {figure}
          </Anchor>
          <Text size="xs" c="dimmed" lineClamp={2} title={label}>
            {label}
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}

/** Attendance across the unit's cells, every kind of meeting: the summed roll-ups of present and expected. */
function attendanceOf(sums: Record<string, number>): { present: number; expected: number } | null {
  const total = (prefix: string) =>
    Object.entries(sums)
      .filter(([k]) => k.startsWith(prefix))
      .reduce((n, [, v]) => n + v, 0);
  const expected = total('attendance_expected:');
  return expected > 0 ? { present: total('attendance_present:'), expected } : null;
}

export function ComplianceHeadline({ data }: { data: Compliance }) {
  const { t, i18n } = useTranslation();
  const attendance = attendanceOf(data.sums ?? {});
  return (
    <Stack gap="xs" data-testid="health-headline" data-period={data.period}>
      <Group gap="lg">
        <Text size="sm">{t('health.cellsCount', { count: data.cells })}</Text>
        {attendance && (
          <Text size="sm" data-testid="headline-attendance" data-present={attendance.present} data-expected={attendance.expected}>
            {t('health.attendanceAcross', {
              rate: percent(attendance.present, attendance.expected),
              present: attendance.present.toLocaleString(),
              expected: attendance.expected.toLocaleString(),
            })}
          </Text>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
        <Figure
          to={rowsLink(data.unitId, '*', data.period, true)}
          label={t('health.allStandards')}
          code="*"
          meeting={data.cellsMeetingAll}
          total={data.cells}
          testId="standard-figure"
        />
        {data.standards.map((s) => (
          <Figure
            key={s.code}
            to={rowsLink(data.unitId, s.code, data.period, true)}
            label={standardTitle(s, i18n.language)}
            code={s.code}
            meeting={s.cellsMeeting}
            total={s.cellsTotal}
            testId="standard-figure"
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
