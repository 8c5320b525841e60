/** Members to follow up (e.g. absent from several general meetings in a row), each closed with a note of what was done. */
import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { OpenFollowUp } from '../../../shared/schemas/meetings.ts';
import { useResolveFollowUp } from '../../api/meetings.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDate } from '../../lib/period.ts';

function FollowUpRow({ item, canManage }: { item: OpenFollowUp; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const resolve = useResolveFollowUp();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  return (
    <Stack gap={4} data-testid="follow-up" data-person-id={item.personId}>
      <Group justify="space-between" wrap="nowrap">
        <div>
          <Anchor component={Link} to={`/people/${item.personId}`} size="sm" fw={500}>
            {item.fullName}
          </Anchor>
          <Text size="xs" c="dimmed">
            {t(`followUp.reason.${item.reason}`, item.reason)} · {t('followUp.since', { date: formatDate(item.createdOn, i18n.language) })}
          </Text>
        </div>
        {canManage && !open && (
          <Button size="compact-xs" variant="light" onClick={() => setOpen(true)} data-testid="resolve-follow-up">
            {t('followUp.resolve')}
          </Button>
        )}
      </Group>
      {open && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (note.trim()) resolve.mutate({ id: item.id, note: note.trim() });
          }}
        >
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              size="xs"
              style={{ flex: 1 }}
              placeholder={t('followUp.notePlaceholder')}
              aria-label={t('followUp.note')}
              data-autofocus
              value={note}
              maxLength={2000}
              onChange={(e) => setNote(e.currentTarget.value)}
              data-testid="follow-up-note"
            />
            <Button size="xs" type="submit" disabled={!note.trim()} loading={resolve.isPending}>
              {t('followUp.close')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
          </Group>
          <ErrorAlert error={resolve.error} />
        </form>
      )}
    </Stack>
  );
}

export function FollowUpList({ items, canManage }: { items: OpenFollowUp[]; canManage: boolean }) {
  const { t } = useTranslation();
  if (items.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('followUp.none')}
      </Text>
    );
  return (
    <Stack gap="sm">
      {items.map((f) => (
        <FollowUpRow key={f.id} item={f} canManage={canManage} />
      ))}
    </Stack>
  );
}
