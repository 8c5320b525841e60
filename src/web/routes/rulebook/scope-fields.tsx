/** Which cells a standard applies to: all, those under one unit, those of one sector, or both at once. */
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SECTORS, type Sector } from '../../../shared/enums.ts';
import { useUnit } from '../../api/units.ts';
import { UnitPicker } from '../../components/unit-picker.tsx';
import type { FieldErrors } from '../../lib/validate.ts';

interface Scope {
  scopeUnitId: number | null;
  scopeSector: Sector | null;
}

export function ScopeFields({ value, errors, onChange }: { value: Scope; errors: FieldErrors; onChange: (patch: Partial<Scope>) => void }) {
  const { t } = useTranslation();
  const unit = useUnit(value.scopeUnitId ?? 0, value.scopeUnitId !== null);
  return (
    <>
      <UnitPicker
        label={t('rulebook.form.unit')}
        placeholder={t('rulebook.form.unitPlaceholder')}
        value={value.scopeUnitId}
        selectedLabel={unit.data ? `${unit.data.name} (${unit.data.code})` : undefined}
        error={errors.scopeUnitId}
        onChange={(scopeUnitId) => onChange({ scopeUnitId })}
        data-testid="standard-scope-unit"
      />
      <Select
        label={t('rulebook.form.sector')}
        placeholder={t('rulebook.form.allSectors')}
        clearable
        searchable
        value={value.scopeSector}
        error={errors.scopeSector}
        data-testid="standard-scope-sector"
        comboboxProps={{ withinPortal: true }}
        data={SECTORS.map((s) => ({ value: s, label: t(`sector.${s}`) }))}
        onChange={(s) => onChange({ scopeSector: (s as Sector | null) ?? null })}
      />
    </>
  );
}

/** The scope as words, e.g. "Cells of the fisheries sector under North Region". */
export function ScopeText({ unitId, sector }: { unitId: number | null; sector: string | null }) {
  const { t } = useTranslation();
  const unit = useUnit(unitId ?? 0, unitId !== null);
  const unitName = unit.data?.name ?? (unitId === null ? '' : `#${unitId}`);
  const sectorName = sector ? t(`sector.${sector}`, sector) : '';
  if (unitId !== null && sector) return <>{t('rulebook.scope.unitSector', { unit: unitName, sector: sectorName })}</>;
  if (unitId !== null) return <>{t('rulebook.scope.unit', { unit: unitName })}</>;
  if (sector) return <>{t('rulebook.scope.sector', { sector: sectorName })}</>;
  return <>{t('rulebook.scope.whole')}</>;
}
