import { SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Sector, UnitKind } from '../../../shared/enums.ts';
import { CreateUnitSchema, type Unit } from '../../../shared/schemas/units.ts';
import { useCreateUnit } from '../../api/units.ts';
import { serverFieldErrors } from '../../components/field-errors.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { SectorSelect } from '../../components/sector-select.tsx';
import { blankToUndefined, validate, type FieldErrors } from '../../lib/validate.ts';

const EMPTY = { kind: 'cell' as UnitKind, name: '', code: '', sector: null as Sector | null, openedOn: '' };

export function CreateUnitModal({ parent, opened, onClose }: { parent: Unit; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useCreateUnit();

  // A code already in use is the code field's problem: it shows there, in the user's language, until the code is changed.
  const server = serverFieldErrors(create.error, { 'db.codeTaken': 'code' }, t);

  const close = () => {
    setValues(EMPTY);
    setErrors({});
    create.reset();
    onClose();
  };
  const submit = () => {
    const v = validate(CreateUnitSchema, blankToUndefined({ ...values, parentId: parent.id }), t);
    if (!v.ok) return setErrors(v.errors);
    setErrors({});
    create.mutate(v.data, {
      onSuccess: (unit) => {
        close();
        navigate(`/units/${unit.id}`);
      },
    });
  };

  return (
    <FormModal
      opened={opened}
      onClose={close}
      title={t('unit.addUnit')}
      onSubmit={submit}
      submitLabel={t('common.create')}
      pending={create.isPending}
      error={server.rest}
    >
      <Text size="sm" c="dimmed">
        {t('unit.addUnder', { name: parent.name })}
      </Text>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="new-unit-kind">
          {t('unit.kind')}
        </Text>
        <SegmentedControl
          aria-labelledby="new-unit-kind"
          data-testid="unit-kind"
          value={values.kind}
          onChange={(k) => setValues({ ...values, kind: k as UnitKind })}
          data={[
            { value: 'cell', label: t('kind.cell') },
            { value: 'committee', label: t('kind.committee') },
          ]}
        />
      </Stack>
      <TextInput
        label={t('unit.name')}
        required
        data-autofocus
        data-testid="unit-name"
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
        description={t('unit.codeHint')}
        onChange={(e) => {
          setValues({ ...values, code: e.currentTarget.value });
          if (server.fields.code) create.reset();
        }}
      />
      <SectorSelect value={values.sector} error={errors.sector} onChange={(sector) => setValues({ ...values, sector })} />
      <TextInput
        type="date"
        label={t('unit.openedOn')}
        value={values.openedOn}
        error={errors.openedOn}
        onChange={(e) => setValues({ ...values, openedOn: e.currentTarget.value })}
      />
    </FormModal>
  );
}
