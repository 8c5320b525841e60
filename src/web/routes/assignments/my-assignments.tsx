/**
 * The member's assignments on their home: open ones from the home request, each with its due day and
 * progress and the way to report; finished ones (with their evaluations) on request.
 */
import { Badge, Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assignment, MyAssignments as MyList } from '../../../shared/schemas/assignments.ts';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ReportModal } from './report-modal.tsx';

type Item = MyList['items'][number];

export function EvaluationText({ a }: { a: Assignment }) {
  const { t } = useTranslation();
  if (!a.evaluation) return null;
  return (
    <Text size="sm" data-testid="evaluation">
      {t('assignments.evaluated', { score: a.evaluation.score })}
      {a.evaluation.comment ? `: ${a.evaluation.comment}` : ''}
    </Text>
  );
}

function AssignmentRow({ a, onReport }: { a: Item; onReport?: (a: Item) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} data-testid="my-assignment">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={600}>{a.title}</Text>
        <Badge variant="light">{t(`assignments.statuses.${a.status}`)}</Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {t('assignments.dueIn', { cell: a.cellName, due: a.dueOn })}
      </Text>
      {a.status !== 'done' && a.status !== 'cancelled' && <Progress value={a.percent} aria-label={t('assignments.percent')} size="sm" />}
      {a.lastNote && <Text size="sm">{a.lastNote}</Text>}
      <EvaluationText a={a} />
      {onReport && (
        <Group>
          <Button size="xs" variant="light" onClick={() => onReport(a)} data-testid="report-progress">
            {t('assignments.report')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

export function MyAssignments({ open, pending, error }: { open: Item[]; pending: boolean; error: unknown }) {
  const { t } = useTranslation();
  const [reporting, setReporting] = useState<Item | null>(null);
  const [showAll, setShowAll] = useState(false);
  const all = useQuery({
    queryKey: ['assignments', 'mine'],
    queryFn: () => api.get<MyList>('/api/v1/me/assignments'),
    enabled: showAll,
  });
  const finished = (all.data?.items ?? []).filter((a) => a.status === 'done' || a.status === 'cancelled');
  return (
    <Card withBorder component="section" aria-labelledby="home-assignments" data-testid="my-assignments">
      <Title order={3} size="h4" id="home-assignments" mb="xs">
        {t('assignments.mine')}
      </Title>
      <ErrorAlert error={error ?? all.error} />
      <Stack gap="sm">
        {!pending && open.length === 0 && (
          <Text c="dimmed" size="sm">
            {t('assignments.noneOpen')}
          </Text>
        )}
        {open.map((a) => (
          <AssignmentRow key={a.id} a={a} onReport={setReporting} />
        ))}
        {showAll && finished.map((a) => <AssignmentRow key={a.id} a={a} />)}
        <Group>
          <Button size="xs" variant="subtle" onClick={() => setShowAll((v) => !v)} aria-expanded={showAll} data-testid="show-finished">
            {showAll ? t('assignments.hideFinished') : t('assignments.showFinished')}
          </Button>
        </Group>
      </Stack>
      <ReportModal assignment={reporting} onClose={() => setReporting(null)} />
    </Card>
  );
}
