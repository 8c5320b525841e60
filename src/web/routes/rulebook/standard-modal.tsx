/**
 * Adding a standard, or a new version of one from a month on. The fields of the rule follow its kind;
 * new standards take their titles from the rule's wording until the administrator writes their own.
 */
import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Standard } from '../../../shared/schemas/compliance.ts';
import { useSaveStandard } from '../../api/compliance.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { currentPeriod, shiftPeriod, todayLocal } from '../../lib/period.ts';
import { standardTitle } from '../../lib/standards.ts';
import type { FieldErrors } from '../../lib/validate.ts';
import { serverFieldErrors, withoutKeys } from './server-errors.ts';
import { AppliesFromSelect, ValidityNote } from './applies-from.tsx';
import { useRuleWording } from './rule-wording.ts';
import { ScopeFields } from './scope-fields.tsx';
import { checkStandard, emptyStandard, standardField, standardValues, type StandardValues } from './standard-form.ts';
import { StandardParamsFields } from './standard-params-fields.tsx';
import { defaultMeetingKind, STANDARD_KINDS, versionStatus, versionsReplaced } from './standard-rules.ts';

interface Props {
  /** The version to start from; null to add a new standard. */
  editing: Standard | null;
  standards: Standard[];
  onClose: () => void;
}

/** A change defaults to next month; a planned version is changed from its own month. */
function defaultFrom(editing: Standard | null): string {
  const next = shiftPeriod(currentPeriod(), 1);
  const own = editing?.validFrom.slice(0, 7);
  return own && own > next ? own : next;
}

function TitleFields({
  values,
  errors,
  stale,
  onTitle,
  onWording,
}: {
  values: StandardValues;
  errors: FieldErrors;
  stale: boolean;
  onTitle: (patch: Partial<StandardValues>) => void;
  onWording: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <TextInput
        label={t('rulebook.form.titleEn')}
        required
        maxLength={200}
        value={values.titleEn}
        error={errors.titleEn}
        data-testid="standard-title-en"
        onChange={(e) => onTitle({ titleEn: e.currentTarget.value })}
      />
      <TextInput
        label={t('rulebook.form.titleKo')}
        required
        maxLength={200}
        value={values.titleKo}
        error={errors.titleKo}
        data-testid="standard-title-ko"
        onChange={(e) => onTitle({ titleKo: e.currentTarget.value })}
      />
      <Group gap="sm" justify="space-between">
        <Text size="sm" c="orange.8" data-testid="titles-stale">
          {stale ? t('rulebook.form.titlesStale') : ''}
        </Text>
        <Button variant="subtle" size="compact-sm" onClick={onWording} data-testid="use-wording">
          {t('rulebook.form.useWording')}
        </Button>
      </Group>
    </Stack>
  );
}

export function StandardModal({ editing, standards, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const wording = useRuleWording();
  const save = useSaveStandard();
  const [autoTitles, setAutoTitles] = useState(editing === null);
  const [values, setValues] = useState<StandardValues>(() => {
    if (editing) return standardValues(editing, defaultFrom(editing));
    const empty = emptyStandard(defaultFrom(null));
    return { ...empty, ...wording.titlesOf(empty) };
  });
  const [errors, setErrors] = useState<FieldErrors>({});

  const update = (patch: Partial<StandardValues>, auto = autoTitles) => {
    setErrors((e) => withoutKeys(e, patch));
    setValues((v) => {
      const next = { ...v, ...patch };
      return auto ? { ...next, ...wording.titlesOf(next) } : next;
    });
  };
  const editTitle = (patch: Partial<StandardValues>) => {
    setAutoTitles(false);
    update(patch, false);
  };
  const applyWording = () => {
    setAutoTitles(true);
    update({}, true);
  };

  const today = todayLocal();
  const taken = editing === null && standards.some((s) => s.code === values.code && versionStatus(s, today) !== 'past');
  const before = editing ? standardValues(editing, values.validFrom) : null;
  const stale =
    !!before &&
    !autoTitles &&
    wording.sentenceOf(before) !== wording.sentenceOf(values) &&
    values.titleEn === before.titleEn &&
    values.titleKo === before.titleKo;

  const submit = () => {
    const checked = checkStandard(values, t);
    const found = { ...(checked.ok ? {} : checked.errors), ...(taken ? { code: t('rulebook.form.codeTaken') } : {}) };
    setErrors(found);
    if (checked.ok && !taken) save.mutate(checked.data, { onSuccess: onClose });
  };
  const shown = { ...serverFieldErrors(save.error, t, standardField(values.kind)), ...errors };
  const title = editing ? t('rulebook.form.changeTitle', { title: standardTitle(editing, i18n.language) }) : t('rulebook.form.addTitle');

  return (
    <FormModal
      opened
      onClose={onClose}
      title={title}
      onSubmit={submit}
      size="lg"
      pending={save.isPending}
      error={save.error}
      submitLabel={editing ? t('rulebook.form.save') : t('rulebook.add')}
    >
      <TextInput
        label={t('rulebook.form.code')}
        description={t('rulebook.form.codeHint')}
        required
        disabled={editing !== null}
        data-autofocus={editing === null || undefined}
        maxLength={64}
        autoComplete="off"
        value={values.code}
        error={shown.code}
        data-testid="standard-code"
        onChange={(e) => update({ code: e.currentTarget.value.trim().toLowerCase() })}
      />
      <Select
        label={t('rulebook.form.kind')}
        required
        allowDeselect={false}
        disabled={editing !== null}
        value={values.kind}
        description={editing ? t('rulebook.form.kindLocked') : undefined}
        data-testid="standard-kind"
        comboboxProps={{ withinPortal: true }}
        data={STANDARD_KINDS.map((k) => ({ value: k, label: t(`rulebook.form.kinds.${k}`) }))}
        onChange={(k) => k && update({ kind: k, meetingKind: defaultMeetingKind(k) })}
      />
      <StandardParamsFields kind={values.kind} values={values} errors={shown} onChange={update} />
      <Text size="sm" data-testid="rule-preview">
        {t('rulebook.form.ruleSays', { rule: wording.sentenceOf(values) })}
      </Text>
      <TitleFields values={values} errors={shown} stale={stale} onTitle={editTitle} onWording={applyWording} />
      <ScopeFields value={values} errors={shown} onChange={update} />
      <AppliesFromSelect value={values.validFrom} error={shown.validFrom} onChange={(validFrom) => update({ validFrom })} />
      <ValidityNote from={values.validFrom} replaced={versionsReplaced(standards, values.code, values.validFrom)} />
    </FormModal>
  );
}
