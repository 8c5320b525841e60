/** The fields a standard's rule needs, from its kind's file (kinds/); numbers carry the server's limits. */
import { NumberInput, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMeetingKinds } from '../../api/meetings.ts';
import type { FieldErrors } from '../../lib/validate.ts';
import { kindUi, type RuleParams } from './kinds/index.ts';

interface Props {
  kind: string;
  values: RuleParams;
  errors: FieldErrors;
  onChange: (patch: Partial<RuleParams>) => void;
}

function MeetingKindSelect({ value, error, onChange }: { value: string | null; error?: string; onChange: (v: string | null) => void }) {
  const { t, i18n } = useTranslation();
  const kinds = useMeetingKinds();
  const ko = i18n.resolvedLanguage === 'ko';
  // Retired kinds are not offered (the server refuses them), unless the standard already names one.
  const data = (kinds.data ?? [])
    .filter((k) => !k.retired || k.code === value)
    .map((k) => ({ value: k.code, label: `${ko ? k.nameKo : k.nameEn} (${k.code})` }));
  if (value && !data.some((d) => d.value === value)) data.push({ value, label: value });
  return (
    <Select
      label={t('rulebook.form.meetingKind')}
      required
      allowDeselect={false}
      searchable
      value={value}
      error={error}
      data={data}
      onChange={onChange}
      data-testid="standard-meeting-kind"
      comboboxProps={{ withinPortal: true }}
    />
  );
}

export function StandardParamsFields({ kind, values, errors, onChange }: Props) {
  const { t } = useTranslation();
  const ui = kindUi(kind);
  if (!ui) return null;
  const whole = { allowDecimal: false, allowNegative: false, required: true, clampBehavior: 'none' as const };
  return (
    <>
      {ui.meetingKind !== null && (
        <MeetingKindSelect value={values.meetingKind} error={errors.meetingKind} onChange={(meetingKind) => onChange({ meetingKind })} />
      )}
      {ui.fields.map((f) => (
        <NumberInput
          key={f.name}
          {...whole}
          label={t(f.label)}
          min={f.min}
          max={f.max}
          suffix={f.percent ? ' %' : undefined}
          value={values[f.name] ?? ''}
          error={errors[f.name]}
          data-testid={`standard-${f.testId}`}
          onChange={(v) => onChange({ [f.name]: v })}
        />
      ))}
    </>
  );
}
