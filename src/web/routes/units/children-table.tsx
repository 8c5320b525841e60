import { Anchor, Badge, Button, Center, Group, Loader, Switch, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useChildren } from '../../api/units.ts';
import { KindBadge, SectorText } from '../../components/badges.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';

export function ChildrenTable({ unitId }: { unitId: number }) {
  const { t } = useTranslation();
  const [includeClosed, setIncludeClosed] = useState(false);
  const children = useChildren(unitId, includeClosed, true);
  const rows = children.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section aria-labelledby="children-title">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4" id="children-title">
          {t('unit.children')}
        </Title>
        <Switch
          label={t('unit.includeClosed')}
          checked={includeClosed}
          onChange={(e) => setIncludeClosed(e.currentTarget.checked)}
          data-testid="include-closed"
        />
      </Group>
      <ErrorAlert error={children.error} />
      <Table.ScrollContainer minWidth={640}>
        <Table striped highlightOnHover aria-labelledby="children-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('unit.name')}</Table.Th>
              <Table.Th scope="col">{t('unit.kind')}</Table.Th>
              <Table.Th scope="col">{t('unit.code')}</Table.Th>
              <Table.Th scope="col">{t('unit.sector')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('unit.memberCount')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('unit.childCount')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((u) => (
              <Table.Tr key={u.id} data-testid="unit-row" data-kind={u.kind} data-member-count={u.memberCount}>
                <Table.Td>
                  <Anchor component={Link} to={`/units/${u.id}`}>
                    {u.name}
                  </Anchor>
                  {u.closedOn && (
                    <Badge ml="xs" size="xs" color="gray">
                      {t('unit.closed')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <KindBadge kind={u.kind} />
                </Table.Td>
                <Table.Td ff="monospace">{u.code}</Table.Td>
                <Table.Td>
                  <SectorText sector={u.sector} />
                </Table.Td>
                <Table.Td ta="right">{u.memberCount.toLocaleString()}</Table.Td>
                <Table.Td ta="right">{u.kind === 'committee' ? u.childCount.toLocaleString() : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {children.isPending && (
        <Center p="md">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      )}
      {!children.isPending && rows.length === 0 && (
        <Text c="dimmed" p="sm">
          {t('unit.noChildren')}
        </Text>
      )}
      {children.hasNextPage && (
        <Center mt="sm">
          <Button
            variant="default"
            onClick={() => void children.fetchNextPage()}
            loading={children.isFetchingNextPage}
            data-testid="load-more"
          >
            {t('common.loadMore')}
          </Button>
        </Center>
      )}
    </section>
  );
}
