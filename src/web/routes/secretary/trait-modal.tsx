/** Add a trait, or edit one's wording (English and Korean): administrators. */
import { TextInput, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SECRETARY_LIMITS, type SecretaryTrait } from '../../../shared/schemas/secretary.ts';
import { useCreateTrait, useEditTrait } from '../../api/secretary.ts';
import { FormModal } from '../../components/form-modal.tsx';

const EMPTY = { code: '', titleEn: '', titleKo: '', descriptionEn: '', descriptionKo: '' };
/** The wording fields: key, test id, and whether it is a description (a text area). */
const TEXTS = [
  ['titleEn', 'trait-title-en', false],
  ['titleKo', 'trait-title-ko', false],
  ['descriptionEn', 'trait-description-en', true],
  ['descriptionKo', 'trait-description-ko', true],
] as const;

export function TraitModal({ trait, opened, onClose }: { trait: SecretaryTrait | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateTrait();
  const edit = useEditTrait();
  const [v, setV] = useState(EMPTY);
  useEffect(() => {
    if (!opened) return;
    setV(
      trait
        ? {
            code: trait.code,
            titleEn: trait.titleEn,
            titleKo: trait.titleKo,
            descriptionEn: trait.descriptionEn,
            descriptionKo: trait.descriptionKo,
          }
        : EMPTY,
    );
    create.reset();
    edit.reset();
  }, [opened, trait, create.reset, edit.reset]);
  const field = (k: keyof typeof EMPTY) => ({
    value: v[k],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      // Read now: the updater runs after the event, when currentTarget is gone.
      const value = e.currentTarget.value;
      setV((s) => ({ ...s, [k]: value }));
    },
  });
  const submit = () => {
    const done = { onSuccess: onClose };
    if (trait) {
      const { code: _code, ...rest } = v;
      edit.mutate({ id: trait.id, ...rest }, done);
    } else create.mutate(v, done);
  };
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={trait ? t('secretaryTraits.editTitle') : t('secretaryTraits.addTitle')}
      onSubmit={submit}
      pending={create.isPending || edit.isPending}
      error={create.error ?? edit.error}
    >
      <TextInput
        label={t('secretaryTraits.code')}
        description={t('secretaryTraits.codeHint')}
        disabled={trait !== null}
        required
        {...field('code')}
        data-testid="trait-code"
      />
      {TEXTS.map(([key, testId, long]) => {
        const Input = long ? Textarea : TextInput;
        const extra = long ? { autosize: true, minRows: 2 } : {};
        return (
          <Input
            key={key}
            label={t(`secretaryTraits.${key}`)}
            maxLength={long ? SECRETARY_LIMITS.description : SECRETARY_LIMITS.title}
            required
            {...extra}
            {...field(key)}
            data-testid={testId}
          />
        );
      })}
    </FormModal>
  );
}
