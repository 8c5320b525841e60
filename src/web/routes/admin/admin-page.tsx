import { Anchor, Badge, Button, Center, CloseButton, Group, Loader, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Account } from '../../../shared/schemas/accounts.ts';
import { useAccounts, useRevokeGrant } from '../../api/accounts.ts';
import { GrantLabel } from '../../components/badges.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AddGrantModal } from './add-grant-modal.tsx';
import { CreateAccountModal } from './create-account-modal.tsx';

function Grants({ account }: { account: Account }) {
  const { t } = useTranslation();
  const revoke = useRevokeGrant();
  return (
    <Stack gap={4}>
      {account.grants.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('admin.noGrants')}
        </Text>
      )}
      {account.grants.map((g) => (
        <Group key={g.id} gap={4} wrap="nowrap">
          <Badge variant="light" color={g.access === 'manage' ? 'red' : 'blue'} tt="none">
            <GrantLabel role={g.role} access={g.access} />
          </Badge>
          <Text size="sm">
            {g.unit ? (
              <Anchor component={Link} to={`/units/${g.unit.id}`}>
                {g.unit.name}
              </Anchor>
            ) : (
              t('admin.wholeTree')
            )}
          </Text>
          <CloseButton
            size="sm"
            aria-label={t('admin.revokeNamed', { login: account.login, unit: g.unit?.name ?? t('admin.wholeTree') })}
            disabled={revoke.isPending}
            onClick={() => revoke.mutate(g.id)}
          />
        </Group>
      ))}
      <ErrorAlert error={revoke.error} />
    </Stack>
  );
}

export function AdminPage() {
  const { t } = useTranslation();
  const accounts = useAccounts();
  const [creating, setCreating] = useState(false);
  const [grantFor, setGrantFor] = useState<Account | null>(null);
  const rows = accounts.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={2} id="accounts-title">
          {t('admin.accounts')}
        </Title>
        <Button onClick={() => setCreating(true)}>{t('admin.createAccount')}</Button>
      </Group>
      <ErrorAlert error={accounts.error} />
      <Table.ScrollContainer minWidth={640}>
        <Table striped aria-labelledby="accounts-title" verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('admin.login')}</Table.Th>
              <Table.Th scope="col">{t('admin.name')}</Table.Th>
              <Table.Th scope="col">{t('admin.grants')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('admin.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((a) => (
              <Table.Tr key={a.id} data-testid="account-row">
                <Table.Td>
                  <Text ff="monospace" size="sm">
                    {a.login}
                  </Text>
                  {a.disabled && (
                    <Badge color="gray" size="xs">
                      {t('admin.disabled')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td data-testid="account-name">
                  {a.personId && a.personName ? (
                    <Anchor component={Link} to={`/people/${a.personId}`}>
                      {a.personName}
                    </Anchor>
                  ) : (
                    <Text size="sm">{a.name}</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Grants account={a} />
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant="light"
                    onClick={() => setGrantFor(a)}
                    aria-label={t('admin.addGrantFor', { login: a.login })}
                  >
                    {t('admin.addGrant')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {accounts.isPending && (
        <Center>
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      )}
      {accounts.hasNextPage && (
        <Center>
          <Button variant="default" onClick={() => void accounts.fetchNextPage()} loading={accounts.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Center>
      )}
      <CreateAccountModal opened={creating} onClose={() => setCreating(false)} />
      {grantFor && <AddGrantModal key={grantFor.id} account={grantFor} opened onClose={() => setGrantFor(null)} />}
    </Stack>
  );
}
