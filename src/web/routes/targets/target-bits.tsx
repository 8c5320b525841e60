/** Small pieces the targets pages share: the status badge and the progress bar against the straight line. */
import { Anchor, Badge, Box, Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TargetStatus } from '../../../shared/schemas/targets.ts';

const COLORS: Record<TargetStatus, string> = {
  not_started: 'gray',
  ahead: 'teal',
  on_track: 'blue',
  behind: 'orange',
  met: 'green',
  overdue: 'red',
};

export function TargetStatusBadge({ status }: { status: TargetStatus | null }) {
  const { t } = useTranslation();
  if (!status) return <Text c="dimmed">—</Text>;
  return (
    <Badge color={COLORS[status]} variant="light" data-testid="target-status" data-status={status}>
      {t(`targets.status.${status}`)}
    </Badge>
  );
}

/** Achieved as a share of the figure, with a tick where the straight line stands today. */
export function TargetBar({
  figure,
  achieved,
  expected,
  status,
}: {
  figure: number;
  achieved: number;
  expected: number;
  status: TargetStatus;
}) {
  const { t, i18n } = useTranslation();
  const pct = (x: number) => Math.max(0, Math.min(100, figure > 0 ? (x / figure) * 100 : 0));
  const fmt = (x: number) => x.toLocaleString(i18n.language);
  return (
    <Box pos="relative" miw={140}>
      <Progress
        value={pct(achieved)}
        color={COLORS[status]}
        size="lg"
        aria-label={t('targets.barLabel', { achieved: fmt(achieved), figure: fmt(figure), expected: fmt(expected) })}
      />
      <Box
        pos="absolute"
        top={-3}
        left={`${pct(expected)}%`}
        w={2}
        h={22}
        bg="dark.5"
        aria-hidden
        title={t('targets.expectedNow', { value: fmt(expected) })}
      />
    </Box>
  );
}

export const formatFigure = (x: number, lang: string) => x.toLocaleString(lang, { maximumFractionDigits: 4 });

/** A report's evidence: its https link and its uploaded file (a download), or a dash. */
export function Evidence({ r }: { r: { id: number; evidenceUrl: string | null; evidenceFile: { fileName: string } | null } }) {
  const { t } = useTranslation();
  if (!r.evidenceUrl && !r.evidenceFile) return <>—</>;
  return (
    <Group gap="xs">
      {r.evidenceUrl && (
        <Anchor href={r.evidenceUrl} target="_blank" rel="noopener noreferrer nofollow" data-testid="evidence-link">
          {t('targets.evidenceLink')}
        </Anchor>
      )}
      {r.evidenceFile && (
        <Anchor href={`/api/v1/target-reports/${r.id}/evidence`} download data-testid="evidence-file">
          {r.evidenceFile.fileName}
        </Anchor>
      )}
    </Group>
  );
}
