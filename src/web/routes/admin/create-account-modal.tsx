import { PasswordInput, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/enums.ts';
import { passwordLengthProblem } from '../../../shared/password-rules.ts';
import { CreateAccountSchema } from '../../../shared/schemas/accounts.ts';
import { useCreateAccount } from '../../api/accounts.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { PasswordStrength } from '../../components/password-strength.tsx';
import { validate, type FieldErrors } from '../../lib/validate.ts';

const EMPTY = { login: '', password: '', personId: '' };

export function CreateAccountModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useCreateAccount();

  const close = () => {
    setValues(EMPTY);
    setErrors({});
    create.reset();
    onClose();
  };
  const submit = () => {
    const personId = values.personId.trim() === '' ? null : values.personId.trim();
    const v = validate(CreateAccountSchema, { login: values.login, password: values.password, personId }, t);
    if (!v.ok) return setErrors(v.errors);
    const problem = passwordLengthProblem(v.data.password);
    if (problem) return setErrors({ password: t(`serverErrors.${problem}`, { min: LIMITS.passwordMin, max: LIMITS.passwordMax }) });
    setErrors({});
    create.mutate(v.data, { onSuccess: close });
  };

  return (
    <FormModal
      opened={opened}
      onClose={close}
      title={t('admin.createAccount')}
      onSubmit={submit}
      submitLabel={t('common.create')}
      pending={create.isPending}
      error={create.error}
    >
      <TextInput
        label={t('admin.login')}
        required
        data-autofocus
        autoComplete="off"
        value={values.login}
        error={errors.login}
        onChange={(e) => setValues({ ...values, login: e.currentTarget.value })}
      />
      <PasswordInput
        label={t('admin.initialPassword')}
        required
        autoComplete="new-password"
        value={values.password}
        error={errors.password}
        onChange={(e) => setValues({ ...values, password: e.currentTarget.value })}
      />
      <PasswordStrength password={values.password} userInputs={[values.login]} />
      <TextInput
        label={t('admin.personId')}
        description={t('admin.personIdHint')}
        inputMode="numeric"
        value={values.personId}
        error={errors.personId}
        onChange={(e) => setValues({ ...values, personId: e.currentTarget.value })}
      />
    </FormModal>
  );
}
