/**
 * Done work waiting for its evaluation, for the secretary at a meeting or a review session: each with
 * its assignee and an Evaluate button (the same form as the board's). One's own work is evaluated from above.
 */
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board } from '../../../shared/schemas/assignments.ts';
import { useBoard } from '../../api/assignments.ts';
import { useMe } from '../../api/session.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { EvaluateModal } from './evaluate-modal.tsx';

type Row = Board['items'][number];

export function WorkToEvaluate({ cellId }: { cellId: number }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const board = useBoard(cellId, 'done');
  const [evaluating, setEvaluating] = useState<Row | null>(null);
  const waiting = (board.data?.items ?? []).filter((r) => r.evaluation === null);
  return (
    <section aria-labelledby="to-evaluate-title" data-testid="work-to-evaluate">
      <Title order={4} size="h5" id="to-evaluate-title" mb="xs">
        {t('assignments.toEvaluate', { count: waiting.length })}
      </Title>
      <ErrorAlert error={board.error} />
      {board.data && waiting.length === 0 && <Text c="dimmed">{t('assignments.nothingToEvaluate')}</Text>}
      <Stack gap="xs">
        {waiting.map((r) => (
          <Paper key={r.id} withBorder p="sm" data-testid="to-evaluate-item">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <div>
                <Text fw={500}>{r.title}</Text>
                <Text size="sm" c="dimmed">
                  {r.assigneeName} · {t('assignments.dueOn')} {r.dueOn}
                </Text>
              </div>
              {me?.person?.id === r.personId ? (
                <Text size="xs" c="dimmed">
                  {t('assignments.evaluatedAbove')}
                </Text>
              ) : (
                <Button size="compact-sm" variant="light" onClick={() => setEvaluating(r)} data-testid="evaluate">
                  {t('assignments.evaluate')}
                </Button>
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
      {board.data && <EvaluateModal row={evaluating} scale={board.data.scale} onClose={() => setEvaluating(null)} />}
    </section>
  );
}
