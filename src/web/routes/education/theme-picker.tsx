/** Picks programme themes (live ones, grouped by programme), for a learning plan or a study meeting. */
import { MultiSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { titleIn, useProgrammes } from '../../api/education.ts';

type Props = {
  label: string;
  value: number[];
  onChange: (ids: number[]) => void;
  /** Themes already chosen stay selectable though retired since. */
  keep?: number[];
  testId?: string;
  error?: string;
};

export function ThemePicker({ label, value, onChange, keep = [], testId = 'theme-picker', error }: Props) {
  const { t, i18n } = useTranslation();
  const programmes = useProgrammes();
  const data = (programmes.data ?? [])
    .map((p) => ({
      group: titleIn(i18n.language, p),
      items: p.themes
        .filter((th) => !th.retired || keep.includes(th.id))
        .map((th) => ({ value: String(th.id), label: titleIn(i18n.language, th) })),
    }))
    .filter((g) => g.items.length > 0);
  return (
    <MultiSelect
      label={label}
      data={data}
      value={value.map(String)}
      onChange={(ids) => onChange(ids.map(Number))}
      searchable
      clearable
      nothingFoundMessage={t('education.themes.none')}
      placeholder={programmes.isPending ? t('common.loading') : undefined}
      data-testid={testId}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
