/** The month a dashboard shows: the last two years, newest first, named in the current language. */
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatPeriod, recentPeriods } from '../lib/period.ts';

export function PeriodPicker({ value, onChange }: { value: string; onChange: (period: string) => void }) {
  const { t, i18n } = useTranslation();
  const periods = recentPeriods(24);
  if (!periods.includes(value)) periods.push(value);
  return (
    <Select label={t('health.period')} value={value} allowDeselect={false} w={180} data-testid="period-picker" comboboxProps={{ withinPortal: true }}
      data={periods.map((p) => ({ value: p, label: formatPeriod(p, i18n.language) }))} onChange={(v) => v && onChange(v)} />
  );
}
