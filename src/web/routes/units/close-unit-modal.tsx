import { Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CloseUnitSchema, type Unit } from '../../../shared/schemas/units.ts';
import { useCloseUnit } from '../../api/units.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { blankToUndefined, today, validate, type FieldErrors } from '../../lib/validate.ts';

export function CloseUnitModal({ unit, opened, onClose }: { unit: Unit; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [closedOn, setClosedOn] = useState(today());
  const [errors, setErrors] = useState<FieldErrors>({});
  const closeUnit = useCloseUnit(unit.id);

  const close = () => {
    setErrors({});
    closeUnit.reset();
    onClose();
  };
  const submit = () => {
    const v = validate(CloseUnitSchema, blankToUndefined({ closedOn }), t);
    if (!v.ok) return setErrors(v.errors);
    closeUnit.mutate(v.data, { onSuccess: close });
  };

  return (
    <FormModal
      opened={opened}
      onClose={close}
      title={t('unit.close')}
      onSubmit={submit}
      submitLabel={t('unit.close')}
      pending={closeUnit.isPending}
      error={closeUnit.error}
    >
      <Text size="sm">{t('unit.closeConfirm', { name: unit.name })}</Text>
      <TextInput
        type="date"
        label={t('unit.closedOn')}
        value={closedOn}
        error={errors.closedOn}
        data-autofocus
        onChange={(e) => setClosedOn(e.currentTarget.value)}
      />
    </FormModal>
  );
}
