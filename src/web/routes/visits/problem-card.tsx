/**
 * A problem raised at a visit, tracked to a solution: its status, owner and due day; for its owner, the
 * cell's secretary and the officials above, the moves (in progress, mark solved with the resolution,
 * drop with the reason, reopen).
 */
import { Anchor, Badge, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Problem, ProblemStatus } from '../../../shared/schemas/visits.ts';
import { useUpdateProblem } from '../../api/visits.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

const COLOR: Record<ProblemStatus, string> = { open: 'orange', in_progress: 'blue', solved: 'green', dropped: 'gray' };

export function ProblemCard({ problem: p, showCell = false }: { problem: Problem; showCell?: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateProblem();
  const [resolution, setResolution] = useState('');
  const closed = p.status === 'solved' || p.status === 'dropped';
  const move = (status: ProblemStatus) =>
    update.mutate(
      { id: p.id, status, ...(status === 'solved' || status === 'dropped' ? { resolution } : {}) },
      { onSuccess: () => setResolution('') },
    );
  return (
    <Card withBorder component="article" aria-label={p.title ?? ''} data-testid="visit-problem" data-status={p.status}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Text fw={600}>{p.title ?? t('visits.erased')}</Text>
          <Group gap="xs">
            {p.overdue && (
              <Badge color="red" variant="light">
                {t('visits.overdue')}
              </Badge>
            )}
            <Badge color={COLOR[p.status]} data-testid="problem-status">
              {t(`visits.problemStatus.${p.status}`)}
            </Badge>
          </Group>
        </Group>
        {p.detail && <Text size="sm">{p.detail}</Text>}
        <Text size="xs" c="dimmed">
          {showCell && (
            <>
              <Anchor component={Link} to={`/visits/${p.visitId}`} size="xs" underline="always">
                {p.cellName}
              </Anchor>
              {' · '}
            </>
          )}
          {t('visits.problemMeta', { owner: p.owner?.fullName ?? t('visits.secretaryRole'), due: p.dueOn, raised: p.raisedOn })}
        </Text>
        {p.resolution && (
          <Text size="sm" data-testid="problem-resolution">
            {t('visits.resolutionShown', { text: p.resolution })}
          </Text>
        )}
        {p.canUpdate && (
          <Stack gap="xs">
            <ErrorAlert error={update.error} />
            {!closed && (
              <Textarea
                label={t('visits.resolution')}
                description={t('visits.resolutionHint')}
                value={resolution}
                onChange={(e) => setResolution(e.currentTarget.value)}
                maxLength={4000}
                autosize
                minRows={2}
                data-testid="problem-resolution-input"
              />
            )}
            <Group gap="xs" wrap="wrap">
              {p.status === 'open' && (
                <Button variant="default" size="xs" onClick={() => move('in_progress')} loading={update.isPending}>
                  {t('visits.moves.inProgress')}
                </Button>
              )}
              {!closed && (
                <>
                  <Button size="xs" onClick={() => move('solved')} loading={update.isPending} data-testid="problem-solve">
                    {t('visits.moves.solved')}
                  </Button>
                  <Button variant="subtle" color="gray" size="xs" onClick={() => move('dropped')} loading={update.isPending}>
                    {t('visits.moves.dropped')}
                  </Button>
                </>
              )}
              {closed && (
                <Button variant="default" size="xs" onClick={() => move('open')} loading={update.isPending}>
                  {t('visits.moves.reopen')}
                </Button>
              )}
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
