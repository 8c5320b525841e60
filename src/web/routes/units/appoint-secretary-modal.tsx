import { Checkbox, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppointSecretarySchema, type Unit } from '../../../shared/schemas/units.ts';
import { useAppointSecretary, useMembers } from '../../api/units.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { blankToUndefined, today, validate, type FieldErrors } from '../../lib/validate.ts';

export function AppointSecretaryModal({ cell, opened, onClose }: { cell: Unit; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const members = useMembers(cell.id, opened);
  const [personId, setPersonId] = useState<string | null>(null);
  const [deputy, setDeputy] = useState(false);
  const [date, setDate] = useState(today());
  const [errors, setErrors] = useState<FieldErrors>({});
  const appoint = useAppointSecretary(cell.id);
  const options = (members.data?.pages.flatMap((p) => p.items) ?? []).map((m) => ({
    value: String(m.personId),
    label: `${m.fullName} · ${t(`membershipRole.${m.role}`)}`,
  }));

  const close = () => {
    setPersonId(null);
    setDeputy(false);
    setErrors({});
    appoint.reset();
    onClose();
  };
  const submit = () => {
    const v = validate(AppointSecretarySchema, blankToUndefined({ personId: personId ?? undefined, deputy, date }), t);
    if (!v.ok) return setErrors(v.errors);
    setErrors({});
    appoint.mutate(v.data, { onSuccess: close });
  };

  return (
    <FormModal
      opened={opened}
      onClose={close}
      title={t('unit.appointSecretary')}
      onSubmit={submit}
      submitLabel={t('unit.appoint')}
      pending={appoint.isPending}
      error={appoint.error ?? members.error}
    >
      <Select
        label={t('unit.chooseMember')}
        required
        searchable
        data-testid="appoint-person"
        data={options}
        value={personId}
        onChange={setPersonId}
        error={errors.personId}
        nothingFoundMessage={t('unit.noMembers')}
      />
      <Checkbox label={t('unit.asDeputy')} checked={deputy} onChange={(e) => setDeputy(e.currentTarget.checked)} />
      <TextInput type="date" label={t('common.date')} value={date} error={errors.date} onChange={(e) => setDate(e.currentTarget.value)} />
    </FormModal>
  );
}
