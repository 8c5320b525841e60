/** A list of visits (an official's own, a unit's): day, cell, status, official, open problems; each links to the visit. */
import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { VisitStatus, VisitSummary } from '../../../shared/schemas/visits.ts';

const COLOR: Record<VisitStatus, string> = { planned: 'blue', held: 'green', cancelled: 'gray' };

export function VisitStatusBadge({ status }: { status: VisitStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[status]} variant="light" data-testid="visit-status">
      {t(`visits.status.${status}`)}
    </Badge>
  );
}

export function VisitList({ items }: { items: VisitSummary[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text c="dimmed">{t('visits.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={340}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('visits.day')}</Table.Th>
            <Table.Th>{t('visits.cell')}</Table.Th>
            <Table.Th>{t('visits.statusLabel')}</Table.Th>
            <Table.Th>{t('visits.official')}</Table.Th>
            <Table.Th ta="right">{t('visits.openProblems')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((v) => (
            <Table.Tr key={v.id} data-testid="visit-row">
              <Table.Td>
                <Anchor component={Link} to={`/visits/${v.id}`}>
                  {v.heldOn ?? v.plannedOn}
                </Anchor>
              </Table.Td>
              <Table.Td>{v.cellName}</Table.Td>
              <Table.Td>
                <VisitStatusBadge status={v.status} />
              </Table.Td>
              <Table.Td>{v.officialName ?? '—'}</Table.Td>
              <Table.Td ta="right">{v.openProblems}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
