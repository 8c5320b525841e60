import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../shared/schemas/units.ts';
import { AddPersonModal } from './add-person-modal.tsx';
import { AppointSecretaryModal } from './appoint-secretary-modal.tsx';
import { CloseUnitModal } from './close-unit-modal.tsx';
import { CreateUnitModal } from './create-unit-modal.tsx';
import { EditUnitModal } from './edit-unit-modal.tsx';
import { ImportModal } from './import-modal.tsx';

type Dialog = 'add-unit' | 'add-person' | 'import' | 'appoint' | 'edit' | 'close' | null;

/** The manage actions of a unit; rendered only when the API says canManage. */
export function UnitActions({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Dialog>(null);
  const close = () => setOpen(null);
  const isOpen = !unit.closedOn;
  return (
    <>
      <Group gap="xs" role="toolbar" aria-label={t('unit.actions')}>
        {isOpen && unit.kind === 'committee' && (
          <Button size="xs" data-testid="add-unit" onClick={() => setOpen('add-unit')}>
            {t('unit.addUnit')}
          </Button>
        )}
        {isOpen && unit.kind === 'cell' && (
          <Button size="xs" data-testid="add-person" onClick={() => setOpen('add-person')}>
            {t('unit.addPerson')}
          </Button>
        )}
        {isOpen && (
          <Button size="xs" variant="light" data-testid="import-members" onClick={() => setOpen('import')}>
            {t('import.button')}
          </Button>
        )}
        {/* Renaming, closing and appointing officers belong to the committee above the unit. */}
        {isOpen && unit.kind === 'cell' && unit.canRestructure && (
          <Button size="xs" variant="light" data-testid="appoint-secretary" onClick={() => setOpen('appoint')}>
            {t('unit.appointSecretary')}
          </Button>
        )}
        {unit.canRestructure && (
          <Button size="xs" variant="default" onClick={() => setOpen('edit')}>
            {t('unit.edit')}
          </Button>
        )}
        {isOpen && unit.canRestructure && (
          <Button size="xs" variant="default" color="red" onClick={() => setOpen('close')}>
            {t('unit.close')}
          </Button>
        )}
      </Group>
      {/* Mounted only while open, so each opening starts from the unit's current values. */}
      {open === 'add-unit' && <CreateUnitModal parent={unit} opened onClose={close} />}
      {open === 'add-person' && <AddPersonModal cell={unit} opened onClose={close} />}
      {open === 'appoint' && <AppointSecretaryModal cell={unit} opened onClose={close} />}
      {open === 'import' && <ImportModal unit={unit} opened onClose={close} />}
      {open === 'edit' && <EditUnitModal unit={unit} opened onClose={close} />}
      {open === 'close' && <CloseUnitModal unit={unit} opened onClose={close} />}
    </>
  );
}
