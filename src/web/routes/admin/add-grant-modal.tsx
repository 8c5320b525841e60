import { Select, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GRANT_ACCESS, GRANT_ROLES, type GrantAccess, type GrantRole } from '../../../shared/enums.ts';
import { type Account, CreateGrantSchema } from '../../../shared/schemas/accounts.ts';
import { useCreateGrant } from '../../api/accounts.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { UnitPicker } from '../../components/unit-picker.tsx';
import { validate, type FieldErrors } from '../../lib/validate.ts';

export function AddGrantModal({ account, opened, onClose }: { account: Account; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [role, setRole] = useState<GrantRole>('official');
  const [access, setAccess] = useState<GrantAccess>('read');
  const [unitId, setUnitId] = useState<number | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useCreateGrant(account.id);

  const submit = () => {
    const v = validate(CreateGrantSchema, { role, access, unitId }, t);
    if (!v.ok) return setErrors(v.errors);
    setErrors({});
    create.mutate(v.data, { onSuccess: onClose });
  };

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('admin.addGrant')}
      onSubmit={submit}
      submitLabel={t('admin.addGrant')}
      pending={create.isPending}
      error={create.error}
    >
      <Text size="sm">{t('admin.grantFor', { login: account.login })}</Text>
      <Select
        label={t('admin.role')}
        required
        allowDeselect={false}
        value={role}
        error={errors.role}
        onChange={(r) => r && setRole(r as GrantRole)}
        data={GRANT_ROLES.map((r) => ({ value: r, label: t(`grantRole.${r}`) }))}
      />
      {role === 'handler' && <Text size="sm">{t('admin.handlerNote')}</Text>}
      <Select
        label={t('admin.access')}
        disabled={role === 'handler'}
        required
        allowDeselect={false}
        value={access}
        error={errors.access}
        onChange={(a) => a && setAccess(a as GrantAccess)}
        data={GRANT_ACCESS.map((a) => ({ value: a, label: t(`access.${a}`) }))}
      />
      <UnitPicker
        label={t('admin.unit')}
        value={unitId}
        onChange={setUnitId}
        error={errors.unitId}
        placeholder={t('admin.unitPlaceholder')}
      />
    </FormModal>
  );
}
