import { Anchor, Button, Center, Loader, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Unit } from '../../../shared/schemas/units.ts';
import { useMembers } from '../../api/units.ts';
import { RoleBadge } from '../../components/badges.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';

export function MembersTable({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const members = useMembers(unit.id, true);
  const rows = members.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section aria-labelledby="members-title">
      <Title order={3} size="h4" id="members-title" mb="xs">
        {t('unit.members')}
      </Title>
      <ErrorAlert error={members.error} />
      {/* Three short columns fit a phone; only narrower screens scroll. */}
      <Table.ScrollContainer minWidth={340}>
        <Table striped highlightOnHover aria-labelledby="members-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('person.fullName')}</Table.Th>
              <Table.Th scope="col">{t('person.role')}</Table.Th>
              <Table.Th scope="col">{t('person.since')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((m) => (
              <Table.Tr key={m.membershipId} data-testid="member-row" data-role={m.role} data-person-id={m.personId}>
                <Table.Td>
                  <Anchor component={Link} to={`/people/${m.personId}`}>
                    {m.fullName}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <RoleBadge role={m.role} />
                </Table.Td>
                <Table.Td>{m.fromDate}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {members.isPending && (
        <Center p="md">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      )}
      {!members.isPending && rows.length === 0 && (
        <Text c="dimmed" p="sm">
          {t('unit.noMembers')}
        </Text>
      )}
      {members.hasNextPage && (
        <Center mt="sm">
          <Button variant="default" onClick={() => void members.fetchNextPage()} loading={members.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Center>
      )}
    </section>
  );
}
