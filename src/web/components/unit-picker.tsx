import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitKind } from '../../shared/enums.ts';
import { useUnitSearch } from '../api/units.ts';

interface Option {
  value: string;
  label: string;
}

interface UnitPickerProps {
  label: string;
  kind?: UnitKind;
  value: number | null;
  /** The chosen unit's id, and the label it was shown with. */
  onChange: (id: number | null, label?: string) => void;
  error?: string;
  placeholder?: string;
  /** The label of the unit already chosen (`value`) when the picker opens, e.g. when editing. */
  selectedLabel?: string;
  maw?: number;
  'data-testid'?: string;
}

/** A searchable select over GET /units/search; the server does the matching, so no client filter. */
export function UnitPicker({ label, kind, value, onChange, error, placeholder, selectedLabel, maw, ...rest }: UnitPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  // The query term only follows typing: when Mantine puts a chosen option's label into the box,
  // searching for that label would drop the option from the list.
  const [term, setTerm] = useState('');
  const [picked, setChosen] = useState<Option | null>(null);
  const chosen = picked ?? (value !== null && selectedLabel ? { value: String(value), label: selectedLabel } : null);
  const [debounced] = useDebouncedValue(term, 250);
  const { data, isFetching } = useUnitSearch(debounced, kind);
  const found: Option[] = (data?.items ?? []).map((u) => ({
    value: String(u.id),
    label: `${u.name} (${u.code}) · ${t(`kind.${u.kind}`)}`,
  }));
  const options = chosen && !found.some((o) => o.value === chosen.value) ? [chosen, ...found] : found;
  return (
    <Select
      label={label}
      maw={maw}
      data-testid={rest['data-testid']}
      placeholder={placeholder ?? t('unitSearch.placeholder')}
      searchable
      clearable
      data={options}
      filter={({ options: all }) => all}
      value={value === null ? null : String(value)}
      onChange={(v, option) => {
        setChosen(v && option ? { value: v, label: option.label } : null);
        onChange(v ? Number(v) : null, option?.label);
      }}
      searchValue={search}
      onSearchChange={(s) => {
        setSearch(s);
        if (!options.some((o) => o.label === s)) setTerm(s);
      }}
      nothingFoundMessage={debounced.trim() ? (isFetching ? t('common.loading') : t('unitSearch.none')) : t('unitSearch.typeToSearch')}
      error={error}
    />
  );
}
