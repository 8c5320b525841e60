/**
 * A committee's campaigns tab: the campaigns it runs or takes part in, and (for its managing officials)
 * a form to start one among its child units, on rulebook standards with weights.
 */
import { Anchor, Button, Checkbox, Group, MultiSelect, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { Unit } from '../../../shared/schemas/units.ts';
import { useStandards } from '../../api/compliance.ts';
import { useCreateCampaign, useUnitCampaigns } from '../../api/emulation.ts';
import { useIndicators } from '../../api/targets.ts';
import { useChildren } from '../../api/units.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

export function CampaignsPanel({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const campaigns = useUnitCampaigns(unit.id);
  return (
    <Stack gap="lg" data-testid="campaigns-panel">
      <Title order={3} size="h4">
        {t('emulation.campaigns')}
      </Title>
      <ErrorAlert error={campaigns.error} />
      {campaigns.data?.items.length === 0 && <Text c="dimmed">{t('emulation.noCampaigns')}</Text>}
      {(campaigns.data?.items.length ?? 0) > 0 && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('emulation.title')}</Table.Th>
              <Table.Th>{t('emulation.runBy')}</Table.Th>
              <Table.Th>{t('emulation.months')}</Table.Th>
              <Table.Th ta="right">{t('emulation.units')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {campaigns.data!.items.map((c) => (
              <Table.Tr key={c.id} data-testid="campaign-row">
                <Table.Td>
                  <Anchor component={Link} to={`/campaigns/${c.id}`}>
                    {c.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{c.unit.name}</Table.Td>
                <Table.Td>
                  {c.from.slice(0, 7)} – {c.to.slice(0, 7)}
                </Table.Td>
                <Table.Td ta="right">{c.unitCount}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {unit.canManage && <CreateCampaignForm unit={unit} />}
    </Stack>
  );
}

function CreateCampaignForm({ unit }: { unit: Unit }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const children = useChildren(unit.id, false, true);
  const standards = useStandards();
  const create = useCreateCampaign();
  const [title, setTitle] = useState('');
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [codes, setCodes] = useState<string[]>([]);
  const [weights, setWeights] = useState<Record<string, number>>({});
  const indicators = useIndicators();
  const [targetNames, setTargetNames] = useState<string[]>([]);
  const [targetWeights, setTargetWeights] = useState<Record<string, number>>({});
  const year = new Date().getFullYear();
  const [from, setFrom] = useState(`${year}-01`);
  const [to, setTo] = useState(`${year}-12`);
  const kids = children.data?.pages.flatMap((p) => p.items) ?? [];
  const standardOptions = [
    { value: '*', label: t('emulation.allStandards') },
    ...[...new Map((standards.data ?? []).map((s) => [s.code, s])).values()].map((s) => ({
      value: s.code,
      label: i18n.language === 'ko' ? s.titleKo : s.titleEn,
    })),
  ];
  const submit = () =>
    create.mutate(
      {
        title,
        unitIds: unitIds.map(Number),
        from,
        to,
        standardCodes: codes,
        weights: Object.fromEntries(codes.map((c) => [c, weights[c] ?? 1])),
        targets: targetNames.map((indicator) => ({ indicator, weight: targetWeights[indicator] ?? 1 })),
      },
      { onSuccess: (r) => navigate(`/campaigns/${r.id}`) },
    );
  return (
    <Stack
      gap="sm"
      component="form"
      onSubmit={(e) => (e.preventDefault(), submit())}
      aria-labelledby="new-campaign"
      data-testid="campaign-form"
    >
      <Title order={4} size="h5" id="new-campaign">
        {t('emulation.newCampaign')}
      </Title>
      <TextInput label={t('emulation.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required />
      <Group grow>
        <TextInput label={t('emulation.from')} type="month" value={from} onChange={(e) => setFrom(e.currentTarget.value)} required />
        <TextInput label={t('emulation.to')} type="month" value={to} onChange={(e) => setTo(e.currentTarget.value)} required />
      </Group>
      <Checkbox.Group label={t('emulation.participants')} value={unitIds} onChange={setUnitIds}>
        <Stack gap={4} mt="xs">
          {kids.map((k) => (
            <Checkbox key={k.id} value={String(k.id)} label={k.name} data-testid={`campaign-unit-${k.id}`} />
          ))}
        </Stack>
      </Checkbox.Group>
      <MultiSelect
        label={t('emulation.standards')}
        data={standardOptions}
        value={codes}
        onChange={setCodes}
        searchable
        data-testid="campaign-standards"
      />
      {codes.map((c) => (
        <NumberInput
          key={c}
          label={t('emulation.weightOf', { standard: standardOptions.find((o) => o.value === c)?.label ?? c })}
          min={0.1}
          max={100}
          step={1}
          value={weights[c] ?? 1}
          onChange={(v) => setWeights((w) => ({ ...w, [c]: Number(v) || 1 }))}
        />
      ))}
      <MultiSelect
        label={t('emulation.targetsScored')}
        data={[...new Set((indicators.data?.items ?? []).map((i) => i.name))]}
        value={targetNames}
        onChange={setTargetNames}
        searchable
        data-testid="campaign-targets"
      />
      {targetNames.map((n) => (
        <NumberInput
          key={n}
          label={t('emulation.weightOf', { standard: t('emulation.targetOf', { indicator: n }) })}
          min={0.1}
          max={100}
          step={1}
          value={targetWeights[n] ?? 1}
          onChange={(v) => setTargetWeights((w) => ({ ...w, [n]: Number(v) || 1 }))}
        />
      ))}
      <ErrorAlert error={create.error} />
      <Group>
        <Button type="submit" loading={create.isPending} data-testid="campaign-create">
          {t('emulation.create')}
        </Button>
      </Group>
    </Stack>
  );
}
