/** A cell's standards for a month: met or not, and in words what is still missing. */
import { Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StandardVerdict } from '../../../shared/schemas/compliance.ts';
import { pastMonthName } from '../../lib/period.ts';
import { describeDetail, standardTitle } from '../../lib/standards.ts';

/** `period` ('YYYY-MM'), when given, words a past month's wants as "needed in <month>". */
export function CellStandards({ items, period }: { items: StandardVerdict[]; period?: string }) {
  const { t, i18n } = useTranslation();
  const past = period ? pastMonthName(period, i18n.language) : null;
  if (items.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('health.noData')}
      </Text>
    );
  return (
    <Stack gap="xs">
      {items.map((s) => (
        <Group
          key={s.code}
          gap="sm"
          wrap="nowrap"
          align="flex-start"
          data-testid="cell-standard"
          data-standard={s.code}
          data-meets={String(s.meets)}
        >
          <ThemeIcon
            size="sm"
            radius="xl"
            color={s.meets ? 'green' : 'red'}
            mt={2}
            aria-label={s.meets ? t('health.meets') : t('health.fails')}
          >
            {s.meets ? '✓' : '✗'}
          </ThemeIcon>
          <div>
            <Text size="sm" fw={500}>
              {standardTitle(s, i18n.language)}
            </Text>
            <Text size="xs" c={s.meets ? 'dimmed' : 'red.8'}>
              {describeDetail(t, s.detail, s.meets, past)}
            </Text>
          </div>
        </Group>
      ))}
    </Stack>
  );
}
