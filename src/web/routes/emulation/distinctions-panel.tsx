/**
 * A committee's distinctions tab: for a year, the cells under it the rule gives the model-cell
 * distinction (to confer, one by one or all), and those conferred (to revoke). A cell's page shows
 * its conferred distinctions as badges.
 */
import { Badge, Button, Group, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../shared/schemas/units.ts';
import { useConfer, useDistinctions, type DistinctionPage } from '../../api/emulation.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

const CODE = 'model-cell';

export function DistinctionsPanel({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const eligible = useDistinctions(unit.id, year, 'eligible');
  const conferred = useDistinctions(unit.id, year, 'conferred');
  const confer = useConfer(unit.id, CODE, 'conferrals');
  const revoke = useConfer(unit.id, CODE, 'revocations');
  return (
    <Stack gap="lg" data-testid="distinctions-panel">
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t('emulation.distinctions')}
        </Title>
        <NumberInput
          label={t('emulation.year')}
          value={year}
          min={2000}
          max={2100}
          onChange={(v) => Number(v) && setYear(Number(v))}
          w={120}
        />
      </Group>
      <ErrorAlert error={eligible.error ?? conferred.error ?? confer.error ?? revoke.error} />
      <Group justify="space-between">
        <Title order={4} size="h5">
          {t('emulation.eligible')}
        </Title>
        {unit.canManage && (eligible.data?.items.length ?? 0) > 0 && (
          <Button size="xs" onClick={() => confer.mutate({ year })} loading={confer.isPending} data-testid="confer-all">
            {t('emulation.conferAll')}
          </Button>
        )}
      </Group>
      <CellList
        page={eligible.data}
        empty={t('emulation.noneEligible')}
        action={
          unit.canManage
            ? { label: t('emulation.confer'), run: (cellId) => confer.mutate({ year, cellIds: [cellId] }), testId: 'confer' }
            : undefined
        }
      />
      <Title order={4} size="h5">
        {t('emulation.conferred')}
      </Title>
      <CellList
        page={conferred.data}
        empty={t('emulation.noneConferred')}
        action={
          unit.canManage
            ? { label: t('emulation.revoke'), run: (cellId) => revoke.mutate({ year, cellIds: [cellId] }), testId: 'revoke' }
            : undefined
        }
      />
    </Stack>
  );
}

function CellList({
  page,
  empty,
  action,
}: {
  page: DistinctionPage | undefined;
  empty: string;
  action?: { label: string; run: (cellId: number) => void; testId: string };
}) {
  const { t } = useTranslation();
  if (!page) return null;
  if (page.items.length === 0) return <Text c="dimmed">{empty}</Text>;
  return (
    <Table>
      <Table.Tbody>
        {page.items.map((i) => (
          <Table.Tr key={i.unitId} data-testid={`distinction-${i.status}`}>
            <Table.Td>{i.name}</Table.Td>
            <Table.Td>{t('emulation.monthsMet', { count: i.monthsMet })}</Table.Td>
            <Table.Td>{i.conferredOn ?? ''}</Table.Td>
            <Table.Td ta="right">
              {action && (
                <Button size="compact-xs" variant="light" onClick={() => action.run(i.unitId)} data-testid={`${action.testId}-${i.unitId}`}>
                  {action.label}
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The cell's conferred distinctions of the last and the current year, as badges. */
export function DistinctionBadges({ unit }: { unit: Unit }) {
  const { t, i18n } = useTranslation();
  const now = new Date().getFullYear();
  const last = useDistinctions(unit.id, now - 1, 'conferred', unit.kind === 'cell');
  const current = useDistinctions(unit.id, now, 'conferred', unit.kind === 'cell');
  const items = [
    ...(current.data?.items ?? []).map((i) => ({ ...i, year: now })),
    ...(last.data?.items ?? []).map((i) => ({ ...i, year: now - 1 })),
  ];
  if (items.length === 0) return null;
  return (
    <Group gap="xs">
      {items.map((i) => (
        <Badge key={`${i.distinction}-${i.year}`} color="yellow" size="lg" data-testid="distinction-badge">
          {t('emulation.badge', { title: i18n.language === 'ko' ? i.titleKo : i.titleEn, year: i.year })}
        </Badge>
      ))}
    </Group>
  );
}
