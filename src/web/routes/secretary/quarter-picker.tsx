import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { recentQuarters } from './words.ts';

export function QuarterPicker({ value, onChange }: { value: string; onChange: (q: string) => void }) {
  const { t } = useTranslation();
  const options = recentQuarters();
  const data = options.includes(value) ? options : [value, ...options];
  return (
    <Select
      label={t('secretary.quarter')}
      value={value}
      data={data}
      allowDeselect={false}
      onChange={(v) => v && onChange(v)}
      w={140}
      data-testid="quarter-picker"
    />
  );
}
