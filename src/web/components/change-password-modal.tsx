import { Alert, Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../shared/enums.ts';
import { passwordLengthProblem } from '../../shared/password-rules.ts';
import { ChangePasswordSchema } from '../../shared/schemas/accounts.ts';
import { useChangePassword } from '../api/session.ts';
import { validate, type FieldErrors } from '../lib/validate.ts';
import { ErrorAlert } from './error-alert.tsx';
import { PasswordStrength } from './password-strength.tsx';

export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ currentPassword: '', newPassword: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const change = useChangePassword();

  const close = () => {
    setValues({ currentPassword: '', newPassword: '' });
    setErrors({});
    change.reset();
    onClose();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = validate(ChangePasswordSchema, values, t);
    if (!v.ok) return setErrors(v.errors);
    const problem = passwordLengthProblem(v.data.newPassword);
    if (problem) return setErrors({ newPassword: t(`serverErrors.${problem}`, { min: LIMITS.passwordMin, max: LIMITS.passwordMax }) });
    setErrors({});
    change.mutate(v.data, { onSuccess: () => setValues({ currentPassword: '', newPassword: '' }) });
  };

  return (
    <Modal opened={opened} onClose={close} title={t('account.changePassword')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {change.isSuccess && (
            <Alert color="green" role="status">
              {t('account.passwordChanged')}
            </Alert>
          )}
          <ErrorAlert error={change.error} />
          <PasswordInput
            label={t('account.currentPassword')}
            autoComplete="current-password"
            required
            value={values.currentPassword}
            error={errors.currentPassword}
            onChange={(e) => setValues({ ...values, currentPassword: e.currentTarget.value })}
            data-autofocus
          />
          <PasswordInput
            label={t('account.newPassword')}
            autoComplete="new-password"
            required
            value={values.newPassword}
            error={errors.newPassword}
            onChange={(e) => setValues({ ...values, newPassword: e.currentTarget.value })}
            data-testid="new-password"
          />
          <PasswordStrength password={values.newPassword} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={change.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
