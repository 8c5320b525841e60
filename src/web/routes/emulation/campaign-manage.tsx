/**
 * A campaign's committee changes it (title, months, weights of its components) or cancels it. The
 * units and components themselves are changed through the API (`PATCH /api/v1/campaigns/{id}`).
 */
import { Button, Group, NumberInput, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../../shared/schemas/emulation.ts';
import { useCancelCampaign, useUpdateCampaign } from '../../api/emulation.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

export function ManageCampaign({ campaign: c }: { campaign: Campaign }) {
  const { t, i18n } = useTranslation();
  const update = useUpdateCampaign(c.id);
  const cancel = useCancelCampaign(c.id);
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(c.title);
  const [from, setFrom] = useState(c.from.slice(0, 7));
  const [to, setTo] = useState(c.to.slice(0, 7));
  const [weights, setWeights] = useState(() => c.components.map((x) => x.weight));
  const label = (x: Campaign['components'][number]) =>
    x.kind === 'standard' ? (i18n.language === 'ko' ? x.titleKo : x.titleEn) : t('emulation.targetOf', { indicator: x.indicator });
  const submit = () => {
    const standards = c.components.flatMap((x, i) => (x.kind === 'standard' ? [[x.code, weights[i] ?? 1] as const] : []));
    const targets = c.components.flatMap((x, i) => (x.kind === 'target' ? [{ indicator: x.indicator, weight: weights[i] ?? 1 }] : []));
    update.mutate({ title, from, to, weights: Object.fromEntries(standards), targets }, { onSuccess: () => setOpen(false) });
  };
  const onCancel = () => {
    if (window.confirm(t('emulation.cancelConfirm'))) cancel.mutate();
  };
  if (!open)
    return (
      <Group>
        <Button variant="light" size="xs" onClick={() => setOpen(true)} data-testid="campaign-edit">
          {t('emulation.edit')}
        </Button>
        <Button variant="subtle" color="red" size="xs" onClick={onCancel} loading={cancel.isPending} data-testid="campaign-cancel">
          {t('emulation.cancelCampaign')}
        </Button>
        <ErrorAlert error={cancel.error} />
      </Group>
    );
  return (
    <Stack gap="sm" component="form" onSubmit={(e) => (e.preventDefault(), submit())} aria-labelledby="edit-campaign">
      <Title order={3} size="h5" id="edit-campaign">
        {t('emulation.edit')}
      </Title>
      <TextInput label={t('emulation.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required />
      <Group grow>
        <TextInput label={t('emulation.from')} type="month" value={from} onChange={(e) => setFrom(e.currentTarget.value)} required />
        <TextInput label={t('emulation.to')} type="month" value={to} onChange={(e) => setTo(e.currentTarget.value)} required />
      </Group>
      {c.components.map((x, i) => (
        <NumberInput
          key={x.kind === 'standard' ? x.code : `target:${x.indicator}`}
          label={t('emulation.weightOf', { standard: label(x) })}
          min={0.1}
          max={100}
          value={weights[i] ?? 1}
          onChange={(v) => setWeights((w) => w.map((y, j) => (j === i ? Number(v) || 1 : y)))}
        />
      ))}
      <ErrorAlert error={update.error} />
      <Group>
        <Button type="submit" loading={update.isPending} data-testid="campaign-save">
          {t('emulation.save')}
        </Button>
      </Group>
    </Stack>
  );
}
