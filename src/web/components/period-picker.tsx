/**
 * The month a dashboard shows: the last two years, newest first, named in the current language.
 * Dashboards open on the last complete month; the month in progress is one click away and always
 * marked "so far, day N of M", since its figures cover only the days gone by (decision 0005).
 */
import { Badge, Button, Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentPeriod, formatPeriod, monthProgress, recentPeriods } from '../lib/period.ts';

export function PeriodPicker({ value, onChange }: { value: string; onChange: (period: string) => void }) {
  const { t, i18n } = useTranslation();
  const periods = recentPeriods(24);
  if (!periods.includes(value)) periods.push(value);
  const current = currentPeriod();
  const progress = monthProgress(value);
  const label = (p: string) =>
    p === current ? t('monthView.inProgressOption', { month: formatPeriod(p, i18n.language) }) : formatPeriod(p, i18n.language);
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      {progress && (
        <Badge color="orange" variant="light" size="lg" data-testid="month-so-far" data-day={progress.day} data-days={progress.days}>
          {t('monthView.soFar', { day: progress.day, days: progress.days })}
        </Badge>
      )}
      {value !== current && (
        <Button variant="subtle" size="compact-sm" onClick={() => onChange(current)} data-testid="month-in-progress">
          {t('monthView.showInProgress', { month: formatPeriod(current, i18n.language) })}
        </Button>
      )}
      <Select
        label={t('health.period')}
        value={value}
        allowDeselect={false}
        w={220}
        data-testid="period-picker"
        comboboxProps={{ withinPortal: true }}
        data={periods.map((p) => ({ value: p, label: label(p) }))}
        onChange={(v) => v && onChange(v)}
      />
    </Group>
  );
}
