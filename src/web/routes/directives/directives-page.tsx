/** The officials' directives: every directive issued in or sent to their part of the tree, newest first; drafting a new one. */
import { Anchor, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Me } from '../../../shared/schemas/accounts.ts';
import { useDirectives } from '../../api/directives.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { DirectiveForm } from './directive-form.tsx';
import { issuesDirectives, StatusBadge } from './directive-bits.tsx';

export function DirectivesPage({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const list = useDirectives();
  const [creating, setCreating] = useState(false);
  const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString(i18n.language) : '—');
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('directives.heading')}</Title>
        {issuesDirectives(me) && (
          <Button onClick={() => setCreating(true)} data-testid="directive-new">
            {t('directives.new')}
          </Button>
        )}
      </Group>
      <Text c="dimmed" size="sm">
        {t('directives.intro')}
      </Text>
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : list.data && list.data.length === 0 ? (
        <Text>{t('directives.none')}</Text>
      ) : (
        <Table striped data-testid="directive-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('directives.title')}</Table.Th>
              <Table.Th>{t('directives.issuedBy')}</Table.Th>
              <Table.Th>{t('directives.statusLabel')}</Table.Th>
              <Table.Th>{t('directives.publishedOn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/directives/${d.id}`}>
                    {d.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{d.issuingUnit.name}</Table.Td>
                <Table.Td>
                  <StatusBadge status={d.status} />
                </Table.Td>
                <Table.Td>{day(d.publishedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {creating && <DirectiveForm opened onClose={() => setCreating(false)} />}
    </Stack>
  );
}
