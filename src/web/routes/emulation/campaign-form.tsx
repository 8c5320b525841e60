/**
 * A campaign's fields, for starting one (the committee's campaigns tab) and changing it (its page):
 * title, months, participants among the committee's child units or found by search further down,
 * rulebook standards and target indicators, each with its weight.
 */
import { Button, Checkbox, Group, MultiSelect, NumberInput, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateCampaign } from '../../../shared/schemas/emulation.ts';
import { useStandards } from '../../api/compliance.ts';
import { useIndicators } from '../../api/targets.ts';
import { useChildren } from '../../api/units.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { UnitPicker } from '../../components/unit-picker.tsx';

type Props = {
  /** The campaign's committee: participants are picked among its child units. */
  unitId: number;
  /** The campaign as it stands, when changing one; its participants not among the children stay listed. */
  initial?: CreateCampaign & { units: { id: number; name: string }[] };
  heading: string;
  submitLabel: string;
  testId: string;
  submitTestId: string;
  pending: boolean;
  error: unknown;
  onSubmit(input: CreateCampaign): void;
};

export function CampaignForm({ unitId, initial, heading, submitLabel, testId, submitTestId, pending, error, onSubmit }: Props) {
  const { t, i18n } = useTranslation();
  const children = useChildren(unitId, false, true);
  const standards = useStandards();
  const indicators = useIndicators();
  const year = new Date().getFullYear();
  const [title, setTitle] = useState(initial?.title ?? '');
  const [from, setFrom] = useState(initial?.from ?? `${year}-01`);
  const [to, setTo] = useState(initial?.to ?? `${year}-12`);
  const [unitIds, setUnitIds] = useState<string[]>(() => (initial?.unitIds ?? []).map(String));
  const [codes, setCodes] = useState<string[]>(initial?.standardCodes ?? []);
  const [weights, setWeights] = useState<Record<string, number>>(initial?.weights ?? {});
  const [targetNames, setTargetNames] = useState<string[]>(() => (initial?.targets ?? []).map((x) => x.indicator));
  const [targetWeights, setTargetWeights] = useState<Record<string, number>>(() =>
    Object.fromEntries((initial?.targets ?? []).map((x) => [x.indicator, x.weight ?? 1])),
  );
  // Units further down, taking part already or added by search (the server checks they lie under the committee).
  const [added, setAdded] = useState<{ id: number; name: string }[]>(initial?.units ?? []);
  const kids = children.data?.pages.flatMap((p) => p.items) ?? [];
  const deeper = added.filter((u) => !kids.some((k) => k.id === u.id));
  const addUnit = (id: number | null, label?: string) => {
    if (id === null) return;
    if (!added.some((u) => u.id === id)) setAdded((a) => [...a, { id, name: label ?? String(id) }]);
    setUnitIds((ids) => (ids.includes(String(id)) ? ids : [...ids, String(id)]));
  };
  const standardOptions = [
    { value: '*', label: t('emulation.allStandards') },
    ...[...new Map((standards.data ?? []).map((s) => [s.code, s])).values()].map((s) => ({
      value: s.code,
      label: i18n.language === 'ko' ? s.titleKo : s.titleEn,
    })),
  ];
  const labelOf = (code: string) => standardOptions.find((o) => o.value === code)?.label ?? code;
  const submit = () =>
    onSubmit({
      title,
      unitIds: unitIds.map(Number),
      from,
      to,
      standardCodes: codes,
      weights: Object.fromEntries(codes.map((c) => [c, weights[c] ?? 1])),
      targets: targetNames.map((indicator) => ({ indicator, weight: targetWeights[indicator] ?? 1 })),
    });
  const weightInput = (key: string, label: string, value: number, set: (v: number) => void) => (
    <NumberInput
      key={key}
      label={t('emulation.weightOf', { standard: label })}
      min={0.1}
      max={100}
      step={1}
      value={value}
      onChange={(v) => set(Number(v) || 1)}
    />
  );
  return (
    <Stack
      gap="sm"
      component="form"
      onSubmit={(e) => (e.preventDefault(), submit())}
      aria-labelledby={`${testId}-heading`}
      data-testid={testId}
    >
      <Title order={4} size="h5" id={`${testId}-heading`}>
        {heading}
      </Title>
      <TextInput label={t('emulation.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required />
      <Group grow>
        <TextInput label={t('emulation.from')} type="month" value={from} onChange={(e) => setFrom(e.currentTarget.value)} required />
        <TextInput label={t('emulation.to')} type="month" value={to} onChange={(e) => setTo(e.currentTarget.value)} required />
      </Group>
      <Checkbox.Group label={t('emulation.participants')} value={unitIds} onChange={setUnitIds}>
        <Stack gap={4} mt="xs">
          {[...kids, ...deeper].map((k) => (
            <Checkbox key={k.id} value={String(k.id)} label={k.name} data-testid={`campaign-unit-${k.id}`} />
          ))}
        </Stack>
      </Checkbox.Group>
      <UnitPicker label={t('emulation.addFurtherDown')} value={null} onChange={addUnit} data-testid="campaign-unit-search" />
      <MultiSelect
        label={t('emulation.standards')}
        data={standardOptions}
        value={codes}
        onChange={setCodes}
        searchable
        data-testid="campaign-standards"
      />
      {codes.map((c) => weightInput(c, labelOf(c), weights[c] ?? 1, (v) => setWeights((w) => ({ ...w, [c]: v }))))}
      <MultiSelect
        label={t('emulation.targetsScored')}
        data={[...new Set([...(indicators.data?.items ?? []).map((i) => i.name), ...targetNames])]}
        value={targetNames}
        onChange={setTargetNames}
        searchable
        data-testid="campaign-targets"
      />
      {targetNames.map((n) =>
        weightInput(`target:${n}`, t('emulation.targetOf', { indicator: n }), targetWeights[n] ?? 1, (v) =>
          setTargetWeights((w) => ({ ...w, [n]: v })),
        ),
      )}
      <ErrorAlert error={error} />
      <Group>
        <Button type="submit" loading={pending} data-testid={submitTestId}>
          {submitLabel}
        </Button>
      </Group>
    </Stack>
  );
}
