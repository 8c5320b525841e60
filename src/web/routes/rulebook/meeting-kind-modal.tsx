/** Adding a kind of meeting, or renaming one and changing its quorum (the API saves by code). */
import { NumberInput, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { MeetingKind } from '../../../shared/schemas/meetings.ts';
import { useSaveMeetingKind } from '../../api/meetings.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { validate, type FieldErrors } from '../../lib/validate.ts';
import { serverFieldErrors, withoutKeys } from './server-errors.ts';

/** The limits of the server's SaveMeetingKindSchema, with the quorum in per cent to one decimal (empty: no rule). */
const MeetingKindFormSchema = z.object({
  code: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[a-z][a-z0-9-]*$/),
  nameEn: z.string().trim().min(1).max(100),
  nameKo: z.string().trim().min(1).max(100),
  quorum: z.number().min(1).max(100).nullable(),
});

interface Values {
  code: string;
  nameEn: string;
  nameKo: string;
  quorum: number | string;
}

/** A quorum (a share of the roll) as the per cent the form shows: 0.667 is 66.7. */
export const quorumPercent = (quorum: number) => Math.round(quorum * 1000) / 10;

const valuesOf = (k: MeetingKind | null): Values =>
  k
    ? { code: k.code, nameEn: k.nameEn, nameKo: k.nameKo, quorum: k.quorum === null ? '' : quorumPercent(k.quorum) }
    : { code: '', nameEn: '', nameKo: '', quorum: '' };

export function MeetingKindModal({ editing, kinds, onClose }: { editing: MeetingKind | null; kinds: MeetingKind[]; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const save = useSaveMeetingKind();
  const [values, setValues] = useState(() => valuesOf(editing));
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (patch: Partial<Values>) => {
    setErrors((e) => withoutKeys(e, patch));
    setValues((v) => ({ ...v, ...patch }));
  };

  const submit = () => {
    const quorum = values.quorum === '' ? null : Number(values.quorum);
    const checked = validate(MeetingKindFormSchema, { ...values, quorum }, t);
    const taken = editing === null && kinds.some((k) => k.code === values.code);
    setErrors({ ...(checked.ok ? {} : checked.errors), ...(taken ? { code: t('meetingKinds.form.codeTaken') } : {}) });
    if (!checked.ok || taken) return;
    const { data } = checked;
    // A quorum left as shown keeps its stored value (2/3 stays 0.6666…, not 0.667).
    const kept = editing?.quorum != null && data.quorum === quorumPercent(editing.quorum);
    save.mutate({ ...data, quorum: kept ? editing!.quorum : data.quorum === null ? null : data.quorum / 100 }, { onSuccess: onClose });
  };
  const shown = { ...serverFieldErrors(save.error, t), ...errors };
  const name = editing ? (i18n.resolvedLanguage === 'ko' ? editing.nameKo : editing.nameEn) : '';

  return (
    <FormModal
      opened
      onClose={onClose}
      pending={save.isPending}
      error={save.error}
      onSubmit={submit}
      title={editing ? t('meetingKinds.form.changeTitle', { name }) : t('meetingKinds.form.addTitle')}
      submitLabel={editing ? t('common.save') : t('meetingKinds.add')}
    >
      <TextInput
        label={t('meetingKinds.form.code')}
        description={t('meetingKinds.form.codeHint')}
        required
        disabled={editing !== null}
        data-autofocus={editing === null || undefined}
        maxLength={40}
        autoComplete="off"
        value={values.code}
        error={shown.code}
        data-testid="kind-code"
        onChange={(e) => set({ code: e.currentTarget.value.trim().toLowerCase() })}
      />
      <TextInput
        label={t('meetingKinds.form.nameEn')}
        required
        maxLength={100}
        value={values.nameEn}
        error={shown.nameEn}
        data-autofocus={editing !== null || undefined}
        data-testid="kind-name-en"
        onChange={(e) => set({ nameEn: e.currentTarget.value })}
      />
      <TextInput
        label={t('meetingKinds.form.nameKo')}
        required
        maxLength={100}
        value={values.nameKo}
        error={shown.nameKo}
        data-testid="kind-name-ko"
        onChange={(e) => set({ nameKo: e.currentTarget.value })}
      />
      <NumberInput
        label={t('meetingKinds.form.quorum')}
        description={t('meetingKinds.form.quorumHint')}
        min={1}
        max={100}
        suffix=" %"
        decimalScale={1}
        allowNegative={false}
        clampBehavior="none"
        value={values.quorum}
        error={shown.quorum}
        data-testid="kind-quorum"
        onChange={(quorum) => set({ quorum })}
      />
    </FormModal>
  );
}
