/** The fields a standard's rule needs, which depend on its kind; numbers carry the server's limits. */
import { NumberInput, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMeetingKinds } from '../../api/health-queries.ts';
import type { FieldErrors } from '../../lib/validate.ts';
import { usesMeetingKind, type RuleParams, type StandardKind } from './standard-rules.ts';
import { STANDARD_LIMITS as L } from '../../../shared/schemas/health.ts';

interface Props {
  kind: StandardKind;
  values: RuleParams;
  errors: FieldErrors;
  onChange: (patch: Partial<RuleParams>) => void;
}

function MeetingKindSelect({ value, error, onChange }: { value: string | null; error?: string; onChange: (v: string | null) => void }) {
  const { t, i18n } = useTranslation();
  const kinds = useMeetingKinds();
  const ko = i18n.resolvedLanguage === 'ko';
  // Retired kinds are not offered (the server refuses them), unless the standard already names one.
  const data = (kinds.data ?? []).filter((k) => !k.retired || k.code === value).map((k) => ({ value: k.code, label: `${ko ? k.nameKo : k.nameEn} (${k.code})` }));
  if (value && !data.some((d) => d.value === value)) data.push({ value, label: value });
  return (
    <Select label={t('rulebook.form.meetingKind')} required allowDeselect={false} searchable value={value} error={error}
      data={data} onChange={onChange} data-testid="standard-meeting-kind" comboboxProps={{ withinPortal: true }} />
  );
}

export function StandardParamsFields({ kind, values, errors, onChange }: Props) {
  const { t } = useTranslation();
  const whole = { allowDecimal: false, allowNegative: false, required: true, clampBehavior: 'none' as const };
  return (
    <>
      {usesMeetingKind(kind) && (
        <MeetingKindSelect value={values.meetingKind} error={errors.meetingKind} onChange={(meetingKind) => onChange({ meetingKind })} />
      )}
      {kind === 'meetings_per_month' && (
        <NumberInput {...whole} label={t('rulebook.form.count')} min={L.meetingsPerMonth[0]} max={L.meetingsPerMonth[1]} value={values.count} error={errors.count}
          data-testid="standard-count" onChange={(count) => onChange({ count })} />
      )}
      {kind === 'review_interval' && (
        <NumberInput {...whole} label={t('rulebook.form.weeks')} min={L.reviewWeeks[0]} max={L.reviewWeeks[1]} value={values.weeks} error={errors.weeks}
          data-testid="standard-weeks" onChange={(weeks) => onChange({ weeks })} />
      )}
      {(kind === 'attendance_rate' || kind === 'actions_on_time') && (
        <NumberInput {...whole} label={t(kind === 'attendance_rate' ? 'rulebook.form.attendancePercent' : 'rulebook.form.actionsPercent')}
          min={0} max={100} suffix=" %" value={values.percent} error={errors.percent}
          data-testid="standard-percent" onChange={(percent) => onChange({ percent })} />
      )}
      {kind === 'absence_follow_up' && (
        <>
          <NumberInput {...whole} label={t('rulebook.form.consecutive')} min={L.consecutiveAbsences[0]} max={L.consecutiveAbsences[1]} value={values.consecutive}
            error={errors.consecutive} data-testid="standard-consecutive" onChange={(consecutive) => onChange({ consecutive })} />
          <NumberInput {...whole} label={t('rulebook.form.graceDays')} min={L.graceDays[0]} max={L.graceDays[1]} value={values.graceDays}
            error={errors.graceDays} data-testid="standard-grace-days" onChange={(graceDays) => onChange({ graceDays })} />
        </>
      )}
    </>
  );
}
