/** Follow-up actions of decisions: title, owner, due date, and for those who manage the cell Done / Drop. */
import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Action } from '../../shared/schemas/meetings.ts';
import { useSetActionStatus } from '../api/meetings.ts';
import { formatDate, todayLocal } from '../lib/period.ts';
import { ErrorAlert } from './error-alert.tsx';

type ListedAction = Action & { cellId?: number; cellName?: string; meetingId?: number };

const STATUS_COLOR: Record<Action['status'], string> = { open: 'blue', done: 'green', dropped: 'gray' };

interface Props {
  actions: ListedAction[];
  canManage: boolean;
  /** Per action, when the right to close it differs between actions (e.g. on the home page). */
  manageable?: (a: ListedAction) => boolean;
  empty: string;
}

export function ActionList({ actions, canManage, manageable, empty }: Props) {
  const { t, i18n } = useTranslation();
  const setStatus = useSetActionStatus();
  const today = todayLocal();
  if (actions.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {empty}
      </Text>
    );
  return (
    <Stack gap="xs">
      <ErrorAlert error={setStatus.error} />
      {actions.map((a) => {
        const overdue = a.status === 'open' && a.dueOn < today;
        const busy = setStatus.isPending && setStatus.variables?.id === a.id;
        return (
          <Group
            key={a.id}
            justify="space-between"
            wrap="nowrap"
            gap="sm"
            data-testid="action-row"
            data-action-id={a.id}
            data-status={a.status}
          >
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm" fw={500}>
                {a.title}
              </Text>
              <Text size="xs" c={overdue ? 'red' : 'dimmed'}>
                {a.ownerName ?? t('actions.noOwner')} · {t('actions.due', { date: formatDate(a.dueOn, i18n.language) })}
                {overdue && ` · ${t('actions.overdue')}`}
                {a.cellName && (
                  <>
                    {' '}
                    ·{' '}
                    {a.meetingId ? (
                      <Anchor component={Link} to={`/meetings/${a.meetingId}`} inherit>
                        {a.cellName}
                      </Anchor>
                    ) : (
                      a.cellName
                    )}
                  </>
                )}
              </Text>
            </Stack>
            {a.status === 'open' && (manageable ? manageable(a) : canManage) ? (
              <Group gap={4} wrap="nowrap">
                <Button
                  size="compact-xs"
                  color="green"
                  variant="light"
                  loading={busy && setStatus.variables?.status === 'done'}
                  onClick={() => setStatus.mutate({ id: a.id, status: 'done' })}
                  data-testid="action-done"
                >
                  {t('actions.done')}
                </Button>
                <Button
                  size="compact-xs"
                  color="gray"
                  variant="subtle"
                  loading={busy && setStatus.variables?.status === 'dropped'}
                  onClick={() => setStatus.mutate({ id: a.id, status: 'dropped' })}
                  data-testid="action-drop"
                >
                  {t('actions.drop')}
                </Button>
              </Group>
            ) : (
              <Badge size="sm" variant="light" color={STATUS_COLOR[a.status]}>
                {t(`actions.status.${a.status}`)}
              </Badge>
            )}
          </Group>
        );
      })}
    </Stack>
  );
}
