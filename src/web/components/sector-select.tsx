import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SECTORS, type Sector } from '../../shared/enums.ts';

export function SectorSelect({ value, onChange, error }: { value: Sector | null; onChange: (s: Sector | null) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('unit.sector')}
      placeholder={t('unit.noSector')}
      clearable
      searchable
      data={SECTORS.map((s) => ({ value: s, label: t(`sector.${s}`) }))}
      value={value}
      onChange={(v) => onChange((v as Sector | null) ?? null)}
      error={error}
    />
  );
}
