/**
 * Picks published documents and articles: the latest ones at first, any other by searching (the
 * server's search, so a library of thousands stays reachable). The labels of those picked are kept.
 */
import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLibraryItems, useLibrarySearch } from '../../api/library.ts';

type Option = { value: string; label: string };

export function ItemPicker({
  label,
  value,
  onChange,
  initial,
  error,
  'data-testid': testId,
}: {
  label: string;
  value: string[];
  onChange: (ids: string[]) => void;
  /** Labels of the items already chosen (when editing). */
  initial?: Option[];
  error?: string;
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const latest = useLibraryItems();
  const found = useLibrarySearch(debounced);
  const [known, setKnown] = useState<Map<string, string>>(() => new Map((initial ?? []).map((o) => [o.value, o.label])));
  const offered: Option[] = (
    debounced ? (found.data ?? []) : (latest.data?.items ?? []).filter((i) => i.publishedAt !== null).slice(0, 50)
  ).map((i) => ({ value: String(i.id), label: i.title }));
  const options = [
    ...value.filter((v) => !offered.some((o) => o.value === v)).map((v) => ({ value: v, label: known.get(v) ?? v })),
    ...offered,
  ];
  return (
    <MultiSelect
      label={label}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      data={options}
      value={value}
      onChange={(ids) => {
        setKnown((m) => new Map([...m, ...options.filter((o) => ids.includes(o.value)).map((o) => [o.value, o.label] as const)]));
        onChange(ids);
      }}
      nothingFoundMessage={t('library.noResults', { q: debounced })}
      error={error}
      data-testid={testId}
    />
  );
}
