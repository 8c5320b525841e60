import { Select } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { CreatePersonSchema } from '../../../shared/schemas/people.ts';
import type { Unit } from '../../../shared/schemas/units.ts';
import { useCreatePerson } from '../../api/people.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { EMPTY_PERSON, PersonFields, toPersonInput } from '../../components/person-fields.tsx';
import { validate, type FieldErrors } from '../../lib/validate.ts';

export function AddPersonModal({ cell, opened, onClose }: { cell: Unit; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [values, setValues] = useState(EMPTY_PERSON);
  const [role, setRole] = useState<'member' | 'candidate'>('member');
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useCreatePerson();

  const close = () => {
    setValues(EMPTY_PERSON);
    setErrors({});
    create.reset();
    onClose();
  };
  const submit = () => {
    const v = validate(CreatePersonSchema, { ...toPersonInput(values), cellId: cell.id, role }, t);
    if (!v.ok) return setErrors(v.errors);
    setErrors({});
    create.mutate(v.data, {
      onSuccess: (p) => {
        close();
        navigate(`/people/${p.id}`);
      },
    });
  };

  return (
    <FormModal
      opened={opened}
      onClose={close}
      title={t('unit.addPerson')}
      onSubmit={submit}
      size="lg"
      submitLabel={t('common.create')}
      pending={create.isPending}
      error={create.error}
    >
      <PersonFields values={values} errors={errors} onChange={setValues} />
      <Select
        label={t('person.role')}
        value={role}
        allowDeselect={false}
        error={errors.role}
        onChange={(r) => setRole(r === 'candidate' ? 'candidate' : 'member')}
        data={[
          { value: 'member', label: t('membershipRole.member') },
          { value: 'candidate', label: t('membershipRole.candidate') },
        ]}
      />
    </FormModal>
  );
}
