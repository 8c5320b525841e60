/**
 * Quorum: present against what the rulebook requires. While the roll is being entered and not yet saved
 * it is a draft, drawn neutral and labelled so, never a green "quorum reached" for a meeting nobody recorded.
 */
import { Group, Progress, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  present: number;
  excused: number;
  absent: number;
  required: number | null;
  rollSize: number;
  draft: boolean;
}

export function QuorumIndicator({ present, excused, absent, required, rollSize, draft }: Props) {
  const { t } = useTranslation();
  const met = required === null ? null : rollSize > 0 && present >= required;
  const color = draft || met === null ? 'gray' : met ? 'green' : 'red';
  return (
    <div
      data-testid="quorum"
      data-present={present}
      data-required={required ?? ''}
      data-met={met === null ? '' : String(met)}
      data-draft={String(draft)}
      aria-live="polite"
    >
      <Group gap="sm" wrap="wrap" mb={4}>
        <ThemeIcon color={color} size="sm" radius="xl" aria-hidden>
          {draft ? '…' : met === false ? '!' : '✓'}
        </ThemeIcon>
        <Text fw={600} size="sm">
          {draft && <>{t('attendanceView.draft')} </>}
          {required === null
            ? t('attendance.quorumNone', { present, total: rollSize })
            : met
              ? t('attendance.quorumMet', { present, required })
              : t('attendance.quorumNotMet', { present, required })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('attendance.counts', { present, excused, absent })}
        </Text>
      </Group>
      <Progress.Root size="md" aria-hidden>
        <Progress.Section value={rollSize ? (present / rollSize) * 100 : 0} color="green" />
        <Progress.Section value={rollSize ? (excused / rollSize) * 100 : 0} color="yellow" />
        <Progress.Section value={rollSize ? (absent / rollSize) * 100 : 0} color="red" />
      </Progress.Root>
    </div>
  );
}
