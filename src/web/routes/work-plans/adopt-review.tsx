/**
 * Adopting a drafted plan at a held general meeting of the cell (picked from its held meetings before
 * the quarter's end), and reviewing an adopted plan goal by goal from the quarter's last month on.
 */
import { Button, Checkbox, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdoptPlan, ReviewPlan, WorkPlan } from '../../../shared/schemas/work-plans.ts';
import { useCellMeetings } from '../../api/meetings.ts';
import { usePlanWrite } from '../../api/work-plans.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

export function AdoptForm({ plan }: { plan: WorkPlan }) {
  const { t } = useTranslation();
  const meetings = useCellMeetings(plan.cellId);
  const adopt = usePlanWrite<AdoptPlan>(plan.cellId, plan.period, 'adopt');
  const held = (meetings.data ?? []).filter((m) => m.status === 'held' && m.kind === 'general' && m.meetsOn < plan.endsOn);
  const [meetingId, setMeetingId] = useState<string | null>(null);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (meetingId) adopt.mutate({ meetingId: Number(meetingId) });
      }}
    >
      <Stack gap="xs" data-testid="adopt-form">
        <Text fw={600}>{t('workPlans.adoptTitle')}</Text>
        <ErrorAlert error={adopt.error ?? meetings.error} />
        {meetings.data && held.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('workPlans.noHeldMeeting')}
          </Text>
        ) : (
          <Group align="flex-end" wrap="wrap">
            <Select
              label={t('workPlans.meeting')}
              placeholder={t('workPlans.pickMeeting')}
              data={held.map((m) => ({ value: String(m.id), label: `${m.meetsOn}${m.title ? ` · ${m.title}` : ''}` }))}
              value={meetingId}
              onChange={setMeetingId}
              style={{ flex: '1 1 16rem' }}
              data-testid="adopt-meeting"
            />
            <Button type="submit" disabled={!meetingId} loading={adopt.isPending} data-testid="plan-adopt">
              {t('workPlans.adopt')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

type Mark = { met: boolean; note: string };

export function ReviewForm({ plan }: { plan: WorkPlan }) {
  const { t } = useTranslation();
  const review = usePlanWrite<ReviewPlan>(plan.cellId, plan.period, 'review');
  const [marks, setMarks] = useState<Record<number, Mark>>(() =>
    Object.fromEntries(plan.goals.map((g) => [g.id, { met: g.met ?? false, note: g.note ?? '' }])),
  );
  const set = (id: number, change: Partial<Mark>) => setMarks((m) => ({ ...m, [id]: { ...m[id]!, ...change } }));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        review.mutate({
          goals: plan.goals.map((g) => ({
            id: g.id,
            met: marks[g.id]!.met,
            ...(marks[g.id]!.note.trim() ? { note: marks[g.id]!.note } : {}),
          })),
        });
      }}
    >
      <Stack gap="xs" data-testid="review-form">
        <Text fw={600}>{t('workPlans.reviewTitle')}</Text>
        <ErrorAlert error={review.error} />
        {plan.goals.map((g) => (
          <Group key={g.id} align="flex-end" wrap="wrap" data-testid="review-row">
            <Checkbox
              label={g.title}
              checked={marks[g.id]!.met}
              onChange={(e) => set(g.id, { met: e.currentTarget.checked })}
              style={{ flex: '1 1 14rem' }}
              data-testid="review-met"
            />
            <TextInput
              label={t('workPlans.note')}
              value={marks[g.id]!.note}
              onChange={(e) => set(g.id, { note: e.currentTarget.value })}
              maxLength={2000}
              style={{ flex: '2 1 16rem' }}
              data-testid="review-note"
            />
          </Group>
        ))}
        <Group justify="flex-end">
          <Button type="submit" loading={review.isPending} data-testid="plan-review">
            {t(plan.status === 'reviewed' ? 'workPlans.correctReview' : 'workPlans.saveReview')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
