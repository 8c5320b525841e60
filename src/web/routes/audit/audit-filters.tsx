import { Button, Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AUDIT_ENTITIES } from '../../../shared/schemas/audit.ts';
import { UnitPicker } from '../../components/unit-picker.tsx';
import type { AuditFilterValues } from './audit-query.ts';
import { AUDIT_ACTIONS, actionLabel, entityLabel } from './audit-words.ts';

type Props = {
  values: AuditFilterValues;
  onChange: (next: Partial<AuditFilterValues>) => void;
  onClear: () => void;
  /** The unit chosen when the page opened from a link, to label the picker. */
  unitLabel?: string;
};

/** The trail's filters; each change reads the first page again. */
export function AuditFilters({ values, onChange, onClear, unitLabel }: Props) {
  const { t } = useTranslation();
  const entities = AUDIT_ENTITIES.map((e) => ({ value: e, label: entityLabel(t, e) }));
  const actions = AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(t, a) }));
  const num = (v: number | null) => (v === null ? '' : String(v));
  const toId = (s: string) => (/^\d{1,15}$/.test(s) && Number(s) > 0 ? Number(s) : null);
  return (
    <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label={t('audit.filters')}>
      <UnitPicker
        label={t('audit.unit')}
        value={values.unitId}
        onChange={(unitId) => onChange({ unitId })}
        selectedLabel={unitLabel}
        maw={280}
        data-testid="audit-unit"
      />
      <Select
        label={t('audit.entityFilter')}
        data={entities}
        value={values.entity}
        clearable
        searchable
        onChange={(entity) => onChange({ entity })}
        w={180}
        data-testid="audit-entity"
      />
      <Select
        label={t('audit.actionFilter')}
        data={actions}
        value={values.action}
        clearable
        searchable
        onChange={(action) => onChange({ action })}
        w={220}
        data-testid="audit-action"
      />
      <TextInput
        label={t('audit.personFilter')}
        inputMode="numeric"
        value={num(values.personId)}
        w={130}
        onChange={(e) => onChange({ personId: toId(e.currentTarget.value) })}
        data-testid="audit-person"
      />
      <TextInput
        label={t('audit.actorFilter')}
        inputMode="numeric"
        value={num(values.actorId)}
        w={130}
        onChange={(e) => onChange({ actorId: toId(e.currentTarget.value) })}
        data-testid="audit-actor"
      />
      <TextInput
        type="date"
        label={t('audit.from')}
        value={values.from}
        max={values.to || undefined}
        onChange={(e) => onChange({ from: e.currentTarget.value })}
        data-testid="audit-from"
      />
      <TextInput
        type="date"
        label={t('audit.to')}
        value={values.to}
        min={values.from || undefined}
        onChange={(e) => onChange({ to: e.currentTarget.value })}
        data-testid="audit-to"
      />
      <Button variant="default" onClick={onClear}>
        {t('audit.clear')}
      </Button>
    </Group>
  );
}
