/**
 * A campaign's committee changes it (title, months, participants, standards and targets with their
 * weights: the same form that starts one) or cancels it.
 */
import { Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Campaign, CreateCampaign } from '../../../shared/schemas/emulation.ts';
import { useCancelCampaign, useUpdateCampaign } from '../../api/emulation.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { CampaignForm } from './campaign-form.tsx';

/** The campaign as the form's starting values. */
function asInput(c: Campaign): CreateCampaign & { units: Campaign['units'] } {
  const standards = c.components.flatMap((x) => (x.kind === 'standard' ? [x] : []));
  return {
    title: c.title,
    from: c.from.slice(0, 7),
    to: c.to.slice(0, 7),
    unitIds: c.units.map((u) => u.id),
    units: c.units,
    standardCodes: standards.map((x) => x.code),
    weights: Object.fromEntries(standards.map((x) => [x.code, x.weight])),
    targets: c.components.flatMap((x) => (x.kind === 'target' ? [{ indicator: x.indicator, weight: x.weight }] : [])),
  };
}

export function ManageCampaign({ campaign: c }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const update = useUpdateCampaign(c.id);
  const cancel = useCancelCampaign(c.id);
  const [open, setOpen] = useState(false);
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
    <Stack gap="xs">
      <CampaignForm
        unitId={c.unit.id}
        initial={asInput(c)}
        heading={t('emulation.edit')}
        submitLabel={t('emulation.save')}
        testId="campaign-edit-form"
        submitTestId="campaign-save"
        pending={update.isPending}
        error={update.error}
        onSubmit={(input) => update.mutate(input, { onSuccess: () => setOpen(false) })}
      />
      <Group>
        <Button variant="subtle" size="xs" onClick={() => setOpen(false)}>
          {t('common.close')}
        </Button>
      </Group>
    </Stack>
  );
}
