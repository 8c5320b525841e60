import { Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Person, TransferPersonSchema } from '../../../shared/schemas/people.ts';
import { useTransferPerson } from '../../api/people.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { UnitPicker } from '../../components/unit-picker.tsx';
import { blankToUndefined, today, validate, type FieldErrors } from '../../lib/validate.ts';

export function TransferModal({ person, opened, onClose }: { person: Person; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [toCellId, setToCellId] = useState<number | null>(null);
  const [date, setDate] = useState(today());
  const [errors, setErrors] = useState<FieldErrors>({});
  const transfer = useTransferPerson(person.id);

  const close = () => {
    setToCellId(null);
    setErrors({});
    transfer.reset();
    onClose();
  };
  const submit = () => {
    const v = validate(TransferPersonSchema, blankToUndefined({ toCellId: toCellId ?? undefined, date }), t);
    if (!v.ok) return setErrors(v.errors);
    setErrors({});
    transfer.mutate(v.data, { onSuccess: close });
  };

  return (
    <FormModal
      opened={opened}
      onClose={close}
      title={t('person.transfer')}
      onSubmit={submit}
      submitLabel={t('person.transfer')}
      pending={transfer.isPending}
      error={transfer.error}
    >
      <Text size="sm">{t('person.transferIntro', { name: person.fullName })}</Text>
      <UnitPicker label={t('person.toCell')} kind="cell" value={toCellId} onChange={setToCellId} error={errors.toCellId} />
      <TextInput type="date" label={t('common.date')} value={date} error={errors.date} onChange={(e) => setDate(e.currentTarget.value)} />
    </FormModal>
  );
}
