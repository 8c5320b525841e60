/**
 * The centre's competency framework of a secretary (administrators): the traits in order, to add, edit,
 * move and retire (or restore); and which programmes count as secretary training.
 */
import { ActionIcon, Badge, Button, Checkbox, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecretaryTrait } from '../../../shared/schemas/secretary.ts';
import { useEditTrait, useReorderTraits, useSecretaryTraits, useSetSecretaryTraining, useTrainingProgrammes } from '../../api/secretary.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { TraitModal } from './trait-modal.tsx';
import { traitDescription, traitTitle } from './words.ts';

function Programmes() {
  const { t, i18n } = useTranslation();
  const list = useTrainingProgrammes();
  const set = useSetSecretaryTraining();
  return (
    <Stack gap="sm" data-testid="training-programmes">
      <Title order={2} size="h3">
        {t('secretaryTraits.programmesTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('secretary.trainedNote')}
      </Text>
      <ErrorAlert error={list.error ?? set.error} />
      {list.data?.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('secretaryTraits.noProgrammes')}
        </Text>
      )}
      {list.data?.items.map((p) => (
        <Checkbox
          key={p.id}
          label={i18n.language.startsWith('ko') && p.titleKo ? p.titleKo : p.title}
          checked={p.secretaryTraining}
          onChange={(e) => set.mutate({ id: p.id, on: e.currentTarget.checked })}
          data-testid={`programme-${p.id}`}
        />
      ))}
    </Stack>
  );
}

export function SecretaryTraitsPage() {
  const { t, i18n } = useTranslation();
  const traits = useSecretaryTraits(true);
  const edit = useEditTrait();
  const reorder = useReorderTraits();
  const [editing, setEditing] = useState<SecretaryTrait | null>(null);
  const [open, setOpen] = useState(false);
  const items = traits.data?.items ?? [];
  const live = items.filter((x) => !x.retired);
  const move = (i: number, by: -1 | 1) => {
    const ids = live.map((x) => x.id);
    const j = i + by;
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    reorder.mutate(ids);
  };
  const openModal = (trait: SecretaryTrait | null) => {
    setEditing(trait);
    setOpen(true);
  };
  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={1} size="h2">
            {t('secretaryTraits.title')}
          </Title>
          <Button onClick={() => openModal(null)} data-testid="trait-add">
            {t('secretaryTraits.add')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('secretaryTraits.intro')}
        </Text>
        <ErrorAlert error={traits.error ?? edit.error ?? reorder.error} />
        <Table.ScrollContainer minWidth={480}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('secretary.trait')}</Table.Th>
                <Table.Th>{t('secretaryTraits.description')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('secretaryTraits.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((x) => {
                const i = live.indexOf(x);
                const title = traitTitle(x, i18n.language);
                return (
                  <Table.Tr key={x.id} data-testid={`trait-row-${x.code}`}>
                    <Table.Td>
                      <Group gap="xs">
                        <Text size="sm" fw={600}>
                          {title}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {x.code}
                        </Text>
                        {x.retired && <Badge color="gray">{t('secretaryTraits.retired')}</Badge>}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{traitDescription(x, i18n.language)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        {!x.retired && (
                          <>
                            <ActionIcon
                              variant="subtle"
                              disabled={i === 0}
                              onClick={() => move(i, -1)}
                              aria-label={t('secretaryTraits.up', { title })}
                            >
                              ↑
                            </ActionIcon>
                            <ActionIcon
                              variant="subtle"
                              disabled={i === live.length - 1}
                              onClick={() => move(i, 1)}
                              aria-label={t('secretaryTraits.down', { title })}
                            >
                              ↓
                            </ActionIcon>
                          </>
                        )}
                        <Button size="compact-xs" variant="default" onClick={() => openModal(x)}>
                          {t('secretaryTraits.edit')}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="default"
                          onClick={() => edit.mutate({ id: x.id, retired: !x.retired })}
                          data-testid={`trait-retire-${x.code}`}
                        >
                          {x.retired ? t('secretaryTraits.restore') : t('secretaryTraits.retire')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
      <Programmes />
      <TraitModal trait={editing} opened={open} onClose={() => setOpen(false)} />
    </Stack>
  );
}
