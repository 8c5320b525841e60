/**
 * A committee's campaigns tab: the campaigns it runs or takes part in, and (for its managing officials)
 * a form to start one among its child units, on rulebook standards with weights.
 */
import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { Unit } from '../../../shared/schemas/units.ts';
import { useCreateCampaign, useUnitCampaigns } from '../../api/emulation.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { CampaignForm } from './campaign-form.tsx';

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
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateCampaign();
  return (
    <CampaignForm
      unitId={unit.id}
      heading={t('emulation.newCampaign')}
      submitLabel={t('emulation.create')}
      testId="campaign-form"
      submitTestId="campaign-create"
      pending={create.isPending}
      error={create.error}
      onSubmit={(input) => create.mutate(input, { onSuccess: (r) => navigate(`/campaigns/${r.id}`) })}
    />
  );
}
