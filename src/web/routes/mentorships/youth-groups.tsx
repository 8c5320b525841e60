/** A cell's youth groups: their young people (no account, not on the roll) and the member assigned to each. */
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  CloseButton,
  Group,
  List,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { YouthGroup } from '../../../shared/schemas/mentorships.ts';
import {
  useAddYoungPerson,
  useCreateYouthGroup,
  useRemoveYoungPerson,
  useUpdateYoungPerson,
  useUpdateYouthGroup,
  useYouthGroups,
} from '../../api/mentorships.ts';
import { useMembers } from '../../api/units.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormModal } from '../../components/form-modal.tsx';

function useAssignable(cellId: number, enabled: boolean) {
  const members = useMembers(cellId, enabled);
  return (members.data?.pages ?? [])
    .flatMap((p) => p.items)
    .filter((m) => m.role !== 'candidate')
    .map((m) => ({ value: String(m.personId), label: m.fullName }));
}

function GroupCard({
  group,
  canManage,
  assignable,
}: {
  group: YouthGroup;
  canManage: boolean;
  assignable: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  const update = useUpdateYouthGroup();
  const add = useAddYoungPerson();
  const remove = useRemoveYoungPerson();
  const edit = useUpdateYoungPerson();
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<YouthGroup['youngPeople'][number] | null>(null);
  const [editName, setEditName] = useState('');
  const [editYear, setEditYear] = useState<number | string>('');
  const open = group.closedOn === null;
  return (
    <Card withBorder component="section" aria-label={group.name} data-testid="youth-group">
      <Group justify="space-between" mb="xs">
        <Title order={4} size="h5">
          {group.name}
        </Title>
        {!open && <Badge color="gray">{t('mentorships.closed')}</Badge>}
        {canManage && (
          <Button size="xs" variant="subtle" onClick={() => update.mutate({ id: group.id, closed: open })}>
            {open ? t('mentorships.closeGroup') : t('mentorships.reopenGroup')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={update.error ?? add.error ?? remove.error} />
      {canManage && open ? (
        <Select
          label={t('mentorships.assigned')}
          placeholder={t('mentorships.nobodyAssigned')}
          clearable
          data={assignable}
          value={group.assigned ? String(group.assigned.id) : null}
          onChange={(v) => update.mutate({ id: group.id, assignedPersonId: v ? Number(v) : null })}
          data-testid="group-assigned"
          comboboxProps={{ withinPortal: true }}
        />
      ) : (
        <Text size="sm">
          {t('mentorships.assigned')}: {group.assigned?.fullName ?? t('mentorships.nobodyAssigned')}
        </Text>
      )}
      <Text size="sm" fw={500} mt="sm">
        {t('mentorships.youngPeople', { count: group.youngPeople.length })}
      </Text>
      <List size="sm" data-testid="young-people">
        {group.youngPeople.map((p) => (
          <List.Item key={p.id}>
            <Group gap={4} wrap="nowrap">
              <span>{p.birthYear ? `${p.fullName} (${p.birthYear})` : p.fullName}</span>
              {canManage && open && (
                <ActionIcon
                  variant="subtle"
                  size="sm"
                  aria-label={t('mentorships.editYoung', { name: p.fullName })}
                  data-testid="young-edit"
                  onClick={() => {
                    edit.reset();
                    setEditName(p.fullName);
                    setEditYear(p.birthYear ?? '');
                    setEditing(p);
                  }}
                >
                  ✎
                </ActionIcon>
              )}
              {canManage && open && (
                <CloseButton
                  size="sm"
                  aria-label={t('mentorships.removeYoung', { name: p.fullName })}
                  onClick={() => remove.mutate({ groupId: group.id, personId: p.id })}
                />
              )}
            </Group>
          </List.Item>
        ))}
      </List>
      <FormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={t('mentorships.editYoungTitle')}
        onSubmit={() =>
          editing &&
          edit.mutate(
            {
              groupId: group.id,
              personId: editing.id,
              fullName: editName.trim() || undefined,
              birthYear: typeof editYear === 'number' ? editYear : null,
            },
            { onSuccess: () => setEditing(null) },
          )
        }
        pending={edit.isPending}
        error={edit.error}
      >
        <TextInput
          label={t('mentorships.youngName')}
          required
          value={editName}
          onChange={(e) => setEditName(e.currentTarget.value)}
          maxLength={200}
          data-testid="young-edit-name"
        />
        <NumberInput
          label={t('mentorships.youngBirthYear')}
          value={editYear}
          onChange={setEditYear}
          min={1900}
          max={2100}
          allowDecimal={false}
        />
      </FormModal>
      {canManage && open && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) add.mutate({ groupId: group.id, fullName: name.trim() }, { onSuccess: () => setName('') });
          }}
        >
          <Group align="flex-end" mt="xs" wrap="wrap">
            <TextInput
              label={t('mentorships.youngName')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              maxLength={200}
              data-testid="young-name"
              style={{ flex: 1, minWidth: 160 }}
            />
            <Button type="submit" variant="light" loading={add.isPending}>
              {t('mentorships.addYoung')}
            </Button>
          </Group>
        </form>
      )}
    </Card>
  );
}

export function YouthGroups({ cellId, canManage }: { cellId: number; canManage: boolean }) {
  const { t } = useTranslation();
  const groups = useYouthGroups(cellId);
  const assignable = useAssignable(cellId, canManage);
  const create = useCreateYouthGroup(cellId);
  const [opened, setOpened] = useState(false);
  const [name, setName] = useState('');
  const [assigned, setAssigned] = useState<string | null>(null);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t('mentorships.youthGroups')}
        </Title>
        {canManage && (
          <Button
            variant="light"
            onClick={() => {
              setName('');
              setAssigned(null);
              create.reset();
              setOpened(true);
            }}
            data-testid="new-youth-group"
          >
            {t('mentorships.newGroup')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={groups.error} />
      {groups.data?.length === 0 && <Text c="dimmed">{t('mentorships.noGroups')}</Text>}
      {(groups.data ?? []).map((g) => (
        <GroupCard key={g.id} group={g} canManage={canManage} assignable={assignable} />
      ))}
      <FormModal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('mentorships.newGroup')}
        onSubmit={() =>
          create.mutate({ name, assignedPersonId: assigned ? Number(assigned) : null }, { onSuccess: () => setOpened(false) })
        }
        pending={create.isPending}
        error={create.error}
      >
        <TextInput
          label={t('mentorships.groupName')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          maxLength={200}
          data-testid="group-name"
        />
        <Select
          label={t('mentorships.assigned')}
          clearable
          data={assignable}
          value={assigned}
          onChange={setAssigned}
          comboboxProps={{ withinPortal: true }}
        />
      </FormModal>
    </Stack>
  );
}
