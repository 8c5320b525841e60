import { Anchor, Button, Center, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Person } from '../../../shared/schemas/people.ts';
import { isNotFound } from '../../api/client.ts';
import { usePerson } from '../../api/people.ts';
import { RoleBadge } from '../../components/badges.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { NotFoundPage } from '../../components/not-found-page.tsx';
import { FeedbackAboutSection } from '../reviews/feedback-list.tsx';
import { PersonEducation } from '../education/person-education.tsx';
import { EditPersonModal } from './edit-person-modal.tsx';
import { TransferModal } from './transfer-modal.tsx';

function Field({ label, value }: { label: string; value: string | number | null | undefined }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase">
        {label}
      </Text>
      <Text>{value ?? '—'}</Text>
    </div>
  );
}

/**
 * The server leaves the personal fields out, all together, for a reader without the right to them (a
 * member reading a cell-mate); absent is not "not recorded", so say so instead of showing dashes.
 */
function PersonalDetails({ person: p }: { person: Person }) {
  const { t } = useTranslation();
  if (p.phone === undefined) {
    return (
      <Text c="dimmed" data-testid="personal-hidden">
        {t('privacy.personalHidden')}
      </Text>
    );
  }
  return (
    <Paper withBorder p="md" data-testid="personal-details">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        <Field label={t('person.memberNo')} value={p.memberNo} />
        <Field label={t('person.email')} value={p.email} />
        <Field label={t('person.phone')} value={p.phone} />
        <Field label={t('person.birthYear')} value={p.birthYear} />
        <Field label={t('person.workplace')} value={p.workplace} />
        <Field label={t('person.joinedOn')} value={p.joinedOn} />
      </SimpleGrid>
    </Paper>
  );
}

function Memberships({ person }: { person: Person }) {
  const { t } = useTranslation();
  const rows = [...person.memberships].sort((a, b) => b.fromDate.localeCompare(a.fromDate));
  return (
    <section aria-labelledby="memberships-title">
      <Title order={3} size="h4" id="memberships-title" mb="xs">
        {t('person.memberships')}
      </Title>
      <Table.ScrollContainer minWidth={480}>
        <Table striped aria-labelledby="memberships-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('kind.cell')}</Table.Th>
              <Table.Th scope="col">{t('person.role')}</Table.Th>
              <Table.Th scope="col">{t('person.from')}</Table.Th>
              <Table.Th scope="col">{t('person.to')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((m) => (
              <Table.Tr key={m.id} data-testid="membership-row">
                <Table.Td>
                  <Anchor component={Link} to={`/units/${m.cell.id}`}>
                    {m.cell.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <RoleBadge role={m.role} />
                </Table.Td>
                <Table.Td>{m.fromDate}</Table.Td>
                <Table.Td>{m.toDate ?? t('person.current')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows.length === 0 && <Text c="dimmed">{t('person.noMemberships')}</Text>}
    </section>
  );
}

export function PersonPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const person = usePerson(id);
  const [dialog, setDialog] = useState<'edit' | 'transfer' | null>(null);

  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  if (person.isPending)
    return (
      <Center p="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (person.isError) return isNotFound(person.error) ? <NotFoundPage /> : <ErrorAlert error={person.error} />;
  const p = person.data;
  const current = p.memberships.find((m) => m.toDate === null);

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={2} data-testid="person-title">
          {p.fullName}
        </Title>
        {current && (
          <Group gap="xs">
            <Anchor component={Link} to={`/units/${current.cell.id}`}>
              {current.cell.name}
            </Anchor>
            <RoleBadge role={current.role} />
          </Group>
        )}
      </Stack>
      {p.canManage && (
        <Group gap="xs" role="toolbar" aria-label={t('person.actions')}>
          <Button size="xs" variant="default" onClick={() => setDialog('edit')}>
            {t('person.edit')}
          </Button>
          <Button size="xs" variant="light" onClick={() => setDialog('transfer')}>
            {t('person.transfer')}
          </Button>
        </Group>
      )}
      <PersonalDetails person={p} />
      <Memberships person={p} />
      <FeedbackAboutSection personId={p.id} />
      {p.phone !== undefined && <PersonEducation personId={p.id} canManage={p.canManage} />}
      {dialog === 'edit' && <EditPersonModal person={p} opened onClose={() => setDialog(null)} />}
      {dialog === 'transfer' && <TransferModal person={p} opened onClose={() => setDialog(null)} />}
    </Stack>
  );
}
