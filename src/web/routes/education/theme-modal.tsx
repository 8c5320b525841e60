/**
 * The centre's administrator writes a theme's materials and its short session plan: a summary, study
 * library items (found by search) and/or a link, how long a session takes, collective or one-to-one,
 * and what it covers. Saved as one `updateThemes` change of its programme.
 */
import { MultiSelect, NumberInput, Select, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STUDY_FORMATS, type Theme } from '../../../shared/schemas/education.ts';
import { useUpdateProgramme } from '../../api/education.ts';
import { useLibrarySearch } from '../../api/library.ts';
import { FormModal } from '../../components/form-modal.tsx';

export function ThemeModal({ theme, onClose }: { theme: Theme; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateProgramme(theme.programmeId);
  const [title, setTitle] = useState(theme.title);
  const [titleKo, setTitleKo] = useState(theme.titleKo ?? '');
  const [summary, setSummary] = useState(theme.summary ?? '');
  const [materialUrl, setMaterialUrl] = useState(theme.materialUrl ?? '');
  const [items, setItems] = useState(theme.items);
  const [minutes, setMinutes] = useState<number | string>(theme.planMinutes ?? '');
  const [format, setFormat] = useState<string | null>(theme.planFormat);
  const [planText, setPlanText] = useState(theme.planText ?? '');
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 250);
  const found = useLibrarySearch(debounced);
  useEffect(() => update.reset(), [update.reset]);

  // The chosen items stay offered while the search shows other ones.
  const known = new Map(items.map((i) => [i.id, i.title]));
  for (const hit of found.data ?? []) if (!known.has(hit.id)) known.set(hit.id, hit.title);
  const submit = () =>
    update.mutate(
      {
        updateThemes: [
          {
            id: theme.id,
            title: title.trim(),
            titleKo: titleKo.trim() || null,
            summary: summary.trim() || null,
            materialUrl: materialUrl.trim() || null,
            itemIds: items.map((i) => i.id),
            planMinutes: typeof minutes === 'number' ? minutes : null,
            planFormat: (format as (typeof STUDY_FORMATS)[number] | null) ?? null,
            planText: planText.trim() || null,
          },
        ],
      },
      { onSuccess: onClose },
    );
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('education.themes.editTitle', { title: theme.title })}
      onSubmit={submit}
      pending={update.isPending}
      error={update.error}
    >
      <TextInput
        label={t('education.programmes.titleEn')}
        required
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        maxLength={200}
      />
      <TextInput
        label={t('education.programmes.titleKo')}
        value={titleKo}
        onChange={(e) => setTitleKo(e.currentTarget.value)}
        maxLength={200}
      />
      <Textarea
        label={t('education.themes.summary')}
        value={summary}
        onChange={(e) => setSummary(e.currentTarget.value)}
        maxLength={2000}
        autosize
        minRows={2}
        data-testid="theme-summary"
      />
      <MultiSelect
        label={t('education.themes.items')}
        description={t('education.themes.itemsHint')}
        searchable
        searchValue={query}
        onSearchChange={setQuery}
        data={[...known].map(([id, label]) => ({ value: String(id), label }))}
        value={items.map((i) => String(i.id))}
        onChange={(ids) => setItems(ids.map((id) => ({ id: Number(id), title: known.get(Number(id)) ?? id })))}
        filter={({ options }) => options}
        nothingFoundMessage={debounced.trim() ? t('education.themes.noItems') : t('education.themes.typeToSearch')}
        maxValues={20}
        comboboxProps={{ withinPortal: true }}
        data-testid="theme-items"
      />
      <TextInput
        type="url"
        label={t('education.themes.link')}
        placeholder="https://"
        value={materialUrl}
        onChange={(e) => setMaterialUrl(e.currentTarget.value)}
        maxLength={2000}
      />
      <NumberInput
        label={t('education.themes.planMinutes')}
        min={1}
        max={480}
        allowDecimal={false}
        value={minutes}
        onChange={setMinutes}
        data-testid="theme-minutes"
      />
      <Select
        label={t('education.themes.planFormat')}
        clearable
        data={STUDY_FORMATS.map((f) => ({ value: f, label: t(`education.formats.${f}`) }))}
        value={format}
        onChange={setFormat}
        comboboxProps={{ withinPortal: true }}
      />
      <Textarea
        label={t('education.themes.planText')}
        description={t('education.themes.planTextHint')}
        value={planText}
        onChange={(e) => setPlanText(e.currentTarget.value)}
        maxLength={2000}
        autosize
        minRows={3}
        data-testid="theme-plan-text"
      />
    </FormModal>
  );
}
