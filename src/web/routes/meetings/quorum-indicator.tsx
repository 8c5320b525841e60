/** Live quorum while attendance is entered: present so far against what the rulebook requires. */
import { Group, Progress, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props { present: number; excused: number; absent: number; required: number | null; rollSize: number }

export function QuorumIndicator({ present, excused, absent, required, rollSize }: Props) {
  const { t } = useTranslation();
  const met = required === null ? null : rollSize > 0 && present >= required;
  const color = met === null ? 'blue' : met ? 'green' : 'red';
  return (
    <div data-testid="quorum" data-present={present} data-required={required ?? ''} data-met={met === null ? '' : String(met)}
      aria-live="polite">
      <Group gap="sm" wrap="wrap" mb={4}>
        <ThemeIcon color={color} size="sm" radius="xl" aria-hidden>{met === false ? '!' : '✓'}</ThemeIcon>
        <Text fw={600} size="sm">
          {required === null ? t('attendance.quorumNone', { present, total: rollSize })
            : met ? t('attendance.quorumMet', { present, required }) : t('attendance.quorumNotMet', { present, required })}
        </Text>
        <Text size="sm" c="dimmed">{t('attendance.counts', { present, excused, absent })}</Text>
      </Group>
      <Progress.Root size="md" aria-hidden>
        <Progress.Section value={rollSize ? (present / rollSize) * 100 : 0} color="green" />
        <Progress.Section value={rollSize ? (excused / rollSize) * 100 : 0} color="yellow" />
        <Progress.Section value={rollSize ? (absent / rollSize) * 100 : 0} color="red" />
      </Progress.Root>
    </div>
  );
}
