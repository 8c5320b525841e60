/**
 * "Applies from": a month that has not ended, and in words what that means. Past months cannot be
 * chosen: the server refuses to rewrite them, and the figures already reported stay true.
 */
import { Alert, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Standard } from '../../../shared/schemas/compliance.ts';
import { currentPeriod, formatPeriod, shiftPeriod } from '../../lib/period.ts';

const MONTHS_AHEAD = 24;

export function AppliesFromSelect({
  value,
  onChange,
  error,
  label,
}: {
  value: string;
  onChange: (period: string) => void;
  error?: string;
  label?: string;
}) {
  const { t, i18n } = useTranslation();
  const first = currentPeriod();
  const months = Array.from({ length: MONTHS_AHEAD + 1 }, (_, i) => shiftPeriod(first, i));
  if (!months.includes(value)) months.push(value);
  const monthLabel = (p: string) =>
    p === first ? t('rulebook.form.thisMonth', { month: formatPeriod(p, i18n.language) }) : formatPeriod(p, i18n.language);
  return (
    <Select
      label={label ?? t('rulebook.form.appliesFrom')}
      description={t('rulebook.form.appliesFromHint')}
      required
      allowDeselect={false}
      value={value}
      error={error}
      data-testid="applies-from"
      comboboxProps={{ withinPortal: true }}
      data={months.map((p) => ({ value: p, label: monthLabel(p) }))}
      onChange={(v) => v && onChange(v)}
    />
  );
}

interface ValidityNoteProps {
  from: string;
  /** Versions starting in or after `from`: saving replaces them. */
  replaced: Standard[];
  retire?: boolean;
}

/** Says which months the change reaches and that earlier months keep their rules. */
export function ValidityNote({ from, replaced, retire }: ValidityNoteProps) {
  const { t, i18n } = useTranslation();
  const month = (p: string) => formatPeriod(p, i18n.language);
  const vars = { from: month(from), before: month(shiftPeriod(from, -1)) };
  const planned = replaced.map((s) => month(s.validFrom.slice(0, 7)));
  return (
    <Alert variant="light" color="blue" data-testid="validity-note">
      <Stack gap={4}>
        <Text size="sm">{retire ? t('rulebook.retireForm.explain', vars) : t('rulebook.form.validity', vars)}</Text>
        {from === currentPeriod() && <Text size="sm">{t('rulebook.form.recomputed')}</Text>}
        {planned.length > 0 && (
          <Text size="sm" fw={500}>
            {t(retire ? 'rulebook.retireForm.drops' : 'rulebook.form.replaces', { months: planned.join(', ') })}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
