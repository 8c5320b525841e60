/** The member's self-assessment of their work and participation, with their own record beside it. */
import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REVIEW_LIMITS, type ReviewSession } from '../../../shared/schemas/reviews.ts';
import { useMyAssignments } from '../../api/assignments.ts';
import { useMySelfAssessment, useSaveSelfAssessment } from '../../api/reviews.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useKindName } from '../../components/meeting-bits.tsx';

export function SelfAssessmentForm({ session }: { session: ReviewSession }) {
  const { t } = useTranslation();
  const mine = useMySelfAssessment(session.meetingId, true);
  const save = useSaveSelfAssessment(session.meetingId);
  const [text, setText] = useState('');
  const [empty, setEmpty] = useState(false);
  useEffect(() => setText(mine.data?.text ?? ''), [mine.data?.text]);
  // Never a disabled button (it cannot be focused or explain itself): an empty text is said on saving.
  const submit = () => {
    setEmpty(!text.trim());
    if (text.trim()) save.mutate(text);
  };
  return (
    <Paper withBorder p="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Stack gap="xs">
          <Title order={4} size="h5" id="self-assessment-title">
            {t('review.selfAssessment')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('review.selfAssessmentHint')}
          </Text>
          <Textarea
            aria-labelledby="self-assessment-title"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={empty ? t('review.writeSomething') : undefined}
            maxLength={REVIEW_LIMITS.selfAssessment}
            autosize
            minRows={4}
            data-testid="self-assessment-text"
          />
          <ErrorAlert error={save.error} />
          <Group gap="xs">
            <Button onClick={submit} loading={save.isPending} data-testid="save-self-assessment">
              {mine.data ? t('review.rewrite') : t('common.save')}
            </Button>
            {save.isSuccess && (
              <Text size="sm" c="green" role="status">
                {t('review.saved')}
              </Text>
            )}
          </Group>
        </Stack>
        <SelfAssessmentContext session={session} />
      </SimpleGrid>
    </Paper>
  );
}

/**
 * What the member writes about, beside the form: their own attendance at the cell's meetings over the
 * months before the session, and the assignments the cell gave them, with their evaluations.
 */
export function SelfAssessmentContext({ session }: { session: ReviewSession }) {
  const { t } = useTranslation();
  const kindName = useKindName();
  const rows = session.myAttendance;
  return (
    <Stack gap="xs" data-testid="self-assessment-context">
      <Title order={4} size="h5">
        {t('review.myAttendance', { count: REVIEW_LIMITS.attendanceMonths })}
      </Title>
      {rows.length === 0 && <Text c="dimmed">{t('review.noAttendance')}</Text>}
      <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {rows.map((r) => (
          <Group key={r.meetingId} component="li" gap="xs" justify="space-between">
            <Text size="sm">
              {r.meetsOn} · {kindName(r.kind)}
            </Text>
            <Badge variant="light" color={r.status === 'present' ? 'green' : r.status === 'absent' ? 'red' : 'gray'}>
              {r.status ? t(`attendance.${r.status}`) : t('review.notRecorded')}
            </Badge>
          </Group>
        ))}
      </Stack>
      <MyWorkInCell cellId={session.cellId} />
    </Stack>
  );
}

/** The member's assignments in the session's cell, newest due first: status, due day and evaluation. */
function MyWorkInCell({ cellId }: { cellId: number }) {
  const { t } = useTranslation();
  const mine = useMyAssignments();
  const items = (mine.data?.items ?? []).filter((a) => a.cellId === cellId).sort((a, b) => b.dueOn.localeCompare(a.dueOn));
  return (
    <>
      <Title order={4} size="h5">
        {t('assignments.mine')}
      </Title>
      <ErrorAlert error={mine.error} />
      {mine.data && items.length === 0 && <Text c="dimmed">{t('review.noAssignments')}</Text>}
      <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="self-assessment-assignments">
        {items.map((a) => (
          <Group key={a.id} component="li" gap="xs" justify="space-between" wrap="nowrap">
            <Text size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
              {a.title} · {a.dueOn}
            </Text>
            <Badge variant="light" color={a.evaluation ? 'blue' : a.status === 'done' ? 'green' : 'gray'}>
              {a.evaluation ? t('assignments.evaluated', { score: a.evaluation.score }) : t(`assignments.statuses.${a.status}`)}
            </Badge>
          </Group>
        ))}
      </Stack>
    </>
  );
}
