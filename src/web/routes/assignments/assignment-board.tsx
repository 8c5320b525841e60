/**
 * A cell's assignment board for its secretary: every assignment with its assignee, progress, due day
 * and evaluation, filtered by status; give work to several members at once, evaluate done work on the
 * scale, cancel open work, download the board as CSV. Officials who may see the cell's people but not
 * manage the cell get the same board read-only; nobody is offered to evaluate their own work.
 */
import { Anchor, Badge, Button, Group, Select, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSIGNMENT_STATUSES, type AssignmentStatus, type Board } from '../../../shared/schemas/assignments.ts';
import { useBoard, useCancelAssignment } from '../../api/assignments.ts';
import { useMe } from '../../api/session.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { EvaluateModal } from './evaluate-modal.tsx';
import { GiveModal } from './give-modal.tsx';

type Row = Board['items'][number];

function RowActions({ row, onEvaluate, own }: { row: Row; onEvaluate: (r: Row) => void; own: boolean }) {
  const { t } = useTranslation();
  const cancel = useCancelAssignment();
  return (
    <Group gap="xs" wrap="nowrap">
      {row.status === 'done' && own && (
        <Text size="xs" c="dimmed">
          {t('assignments.evaluatedAbove')}
        </Text>
      )}
      {row.status === 'done' && !own && (
        <Button size="compact-xs" variant="light" onClick={() => onEvaluate(row)} data-testid="evaluate">
          {row.evaluation ? t('assignments.reevaluate') : t('assignments.evaluate')}
        </Button>
      )}
      {(row.status === 'open' || row.status === 'in_progress') && (
        <Button size="compact-xs" variant="subtle" color="red" loading={cancel.isPending} onClick={() => cancel.mutate(row.id)}>
          {t('assignments.cancel')}
        </Button>
      )}
    </Group>
  );
}

export function AssignmentBoard({ cellId, canManage }: { cellId: number; canManage: boolean }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const [status, setStatus] = useState<AssignmentStatus | undefined>(undefined);
  const [giving, setGiving] = useState(false);
  const [evaluating, setEvaluating] = useState<Row | null>(null);
  const board = useBoard(cellId, status);
  const csv = `/api/v1/cells/${cellId}/assignments.csv${status ? `?status=${status}` : ''}`;
  return (
    <Stack data-testid="assignment-board">
      <Group justify="space-between" wrap="wrap">
        <Select
          label={t('assignments.filter')}
          value={status ?? 'all'}
          onChange={(v) => setStatus(v && v !== 'all' ? (v as AssignmentStatus) : undefined)}
          data={[
            { value: 'all', label: t('assignments.all') },
            ...ASSIGNMENT_STATUSES.map((s) => ({ value: s, label: t(`assignments.statuses.${s}`) })),
          ]}
          allowDeselect={false}
          w={200}
        />
        <Group>
          <Anchor href={csv} download data-testid="board-csv">
            {t('assignments.csv')}
          </Anchor>
          {canManage && (
            <Button onClick={() => setGiving(true)} data-testid="give-assignment">
              {t('assignments.give')}
            </Button>
          )}
        </Group>
      </Group>
      <ErrorAlert error={board.error} />
      {board.data && board.data.items.length === 0 && <Text c="dimmed">{t('assignments.boardEmpty')}</Text>}
      {board.data && board.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('assignments.assignee')}</Table.Th>
                <Table.Th>{t('assignments.title')}</Table.Th>
                <Table.Th>{t('assignments.dueOn')}</Table.Th>
                <Table.Th>{t('assignments.status')}</Table.Th>
                <Table.Th>{t('assignments.evaluation')}</Table.Th>
                {canManage && (
                  <Table.Th>
                    <VisuallyHidden>{t('assignments.actions')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {board.data.items.map((r) => (
                <Table.Tr key={r.id} data-testid="board-row">
                  <Table.Td>{r.assigneeName}</Table.Td>
                  <Table.Td>{r.title}</Table.Td>
                  <Table.Td>{r.dueOn}</Table.Td>
                  <Table.Td>
                    <Badge variant="light">{t(`assignments.statuses.${r.status}`)}</Badge>{' '}
                    {r.status === 'in_progress' ? `${r.percent} %` : ''}
                  </Table.Td>
                  <Table.Td>
                    {r.evaluation ? `${r.evaluation.score}${r.evaluation.comment ? ` · ${r.evaluation.comment}` : ''}` : '–'}
                  </Table.Td>
                  {canManage && (
                    <Table.Td>
                      <RowActions row={r} onEvaluate={setEvaluating} own={me?.person?.id === r.personId} />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <GiveModal cellId={cellId} opened={giving} onClose={() => setGiving(false)} />
      {board.data && <EvaluateModal row={evaluating} scale={board.data.scale} onClose={() => setEvaluating(null)} />}
    </Stack>
  );
}
