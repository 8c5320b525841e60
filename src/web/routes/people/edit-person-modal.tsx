import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Person, UpdatePersonSchema } from '../../../shared/schemas/people.ts';
import { useUpdatePerson } from '../../api/people.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { PersonFields, toPersonInput, type PersonFormValues } from '../../components/person-fields.tsx';
import { validate, type FieldErrors } from '../../lib/validate.ts';

function fromPerson(p: Person): PersonFormValues {
  return {
    fullName: p.fullName,
    memberNo: p.memberNo ?? '',
    email: p.email ?? '',
    phone: p.phone ?? '',
    birthYear: p.birthYear === null ? '' : String(p.birthYear),
    workplace: p.workplace ?? '',
    joinedOn: p.joinedOn ?? '',
  };
}

export function EditPersonModal({ person, opened, onClose }: { person: Person; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(() => fromPerson(person));
  const [errors, setErrors] = useState<FieldErrors>({});
  const update = useUpdatePerson(person.id);

  const close = () => {
    setValues(fromPerson(person));
    setErrors({});
    update.reset();
    onClose();
  };
  const submit = () => {
    const v = validate(UpdatePersonSchema, toPersonInput(values), t);
    if (!v.ok) return setErrors(v.errors);
    setErrors({});
    update.mutate(v.data, {
      onSuccess: () => {
        update.reset();
        onClose();
      },
    });
  };

  return (
    <FormModal
      opened={opened}
      onClose={close}
      title={t('person.edit')}
      onSubmit={submit}
      size="lg"
      pending={update.isPending}
      error={update.error}
    >
      <PersonFields values={values} errors={errors} onChange={setValues} />
    </FormModal>
  );
}
