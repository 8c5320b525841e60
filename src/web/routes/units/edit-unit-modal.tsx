import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Sector } from '../../../shared/enums.ts';
import { type Unit, UpdateUnitSchema } from '../../../shared/schemas/units.ts';
import { useUpdateUnit } from '../../api/units.ts';
import { serverFieldErrors } from '../../components/field-errors.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { SectorSelect } from '../../components/sector-select.tsx';
import { validate, type FieldErrors } from '../../lib/validate.ts';

/** Rename: name, code and sector; sends only what changed. */
export function EditUnitModal({ unit, opened, onClose }: { unit: Unit; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const initial = { name: unit.name, code: unit.code, sector: unit.sector as Sector | null };
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const update = useUpdateUnit(unit.id);

  // A code already in use is the code field's problem: it shows there, in the user's language, until the code is changed.
  const server = serverFieldErrors(update.error, { 'db.codeTaken': 'code' }, t);

  const close = () => {
    setValues(initial);
    setErrors({});
    update.reset();
    onClose();
  };
  const submit = () => {
    const changed = {
      ...(values.name !== unit.name ? { name: values.name } : {}),
      ...(values.code !== unit.code ? { code: values.code } : {}),
      ...(values.sector !== unit.sector ? { sector: values.sector } : {}),
    };
    const v = validate(UpdateUnitSchema, changed, t);
    if (!v.ok) return setErrors(v.errors);
    setErrors({});
    if (Object.keys(changed).length === 0) return close();
    update.mutate(v.data, {
      onSuccess: () => {
        update.reset();
        onClose();
      },
    });
  };

  return (
    <FormModal opened={opened} onClose={close} title={t('unit.edit')} onSubmit={submit} pending={update.isPending} error={server.rest}>
      <TextInput
        label={t('unit.name')}
        required
        data-autofocus
        value={values.name}
        error={errors.name}
        onChange={(e) => setValues({ ...values, name: e.currentTarget.value })}
      />
      <TextInput
        label={t('unit.code')}
        required
        data-testid="unit-code"
        value={values.code}
        error={errors.code ?? server.fields.code}
        onChange={(e) => {
          setValues({ ...values, code: e.currentTarget.value });
          if (server.fields.code) update.reset();
        }}
      />
      <SectorSelect value={values.sector} error={errors.sector} onChange={(sector) => setValues({ ...values, sector })} />
    </FormModal>
  );
}
