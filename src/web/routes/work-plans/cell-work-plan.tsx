/**
 * A cell's work plan tab: the quarter's plan with its goals, its adoption and its review. The secretary
 * (and officials managing the cell) drafts the goals, adopts the plan at a held general meeting, and
 * from the quarter's last month on marks each goal met or not; everyone who sees the cell reads it.
 */
import { Anchor, Badge, Card, Group, List, Select, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { WorkPlan } from '../../../shared/schemas/work-plans.ts';
import { useWorkPlan } from '../../api/work-plans.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { recentQuarters } from '../secretary/words.ts';
import { AdoptForm, ReviewForm } from './adopt-review.tsx';
import { GoalEditor } from './goal-editor.tsx';

const STATUS_COLOR = { missing: 'gray', draft: 'yellow', adopted: 'blue', reviewed: 'green' } as const;
const today = () => new Date().toISOString().slice(0, 10);
/** The day before an exclusive end: the quarter's last day. */
const lastDay = (end: string) => new Date(Date.parse(`${end}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** The next quarter (drafted ahead), this one and the seven before. */
export function planQuarters(): string[] {
  const [latest] = recentQuarters();
  const y = Number(latest!.slice(0, 4));
  const q = Number(latest!.slice(6));
  return [q === 4 ? `${y + 1}-Q1` : `${y}-Q${q + 1}`, ...recentQuarters()];
}

export function PlanStatusBadge({ status }: { status: WorkPlan['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" data-testid="plan-status">
      {t(`workPlans.status.${status}`)}
    </Badge>
  );
}

function GoalList({ plan }: { plan: WorkPlan }) {
  const { t } = useTranslation();
  return (
    <List spacing="xs" listStyleType="none" data-testid="plan-goals">
      {plan.goals.map((g) => (
        <List.Item key={g.id}>
          <Group gap="xs" wrap="wrap">
            <Badge variant="outline">{t(`workPlans.kind.${g.kind}`)}</Badge>
            <Text>{g.title}</Text>
            {g.targetId !== null && (
              <Anchor component={Link} to={`/targets/${g.targetId}`} size="sm">
                {t('workPlans.targetRef', { id: g.targetId })}
              </Anchor>
            )}
            {g.assignment && (
              <Text size="sm" c="dimmed" data-testid="goal-assignment-ref">
                {t('workPlans.assignmentRef', {
                  title: g.assignment.title,
                  status: t(`assignments.statuses.${g.assignment.status}`),
                  due: g.assignment.dueOn,
                })}
              </Text>
            )}
            {g.met !== null && (
              <Badge color={g.met ? 'green' : 'red'} data-testid="goal-met">
                {t(g.met ? 'workPlans.met' : 'workPlans.notMet')}
              </Badge>
            )}
          </Group>
          {g.note && (
            <Text size="sm" c="dimmed" ml="md">
              {g.note}
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}

export function CellWorkPlan({ cellId, quarter, onQuarter }: { cellId: number; quarter: string; onQuarter: (q: string) => void }) {
  const { t } = useTranslation();
  const plan = useWorkPlan(cellId, quarter);
  const p = plan.data;
  return (
    <Stack gap="md" data-testid="cell-work-plan">
      <Group justify="space-between" wrap="wrap">
        <Title order={3} size="h4">
          {t('workPlans.title')}
        </Title>
        <Select
          aria-label={t('workPlans.quarter')}
          data={planQuarters()}
          value={quarter}
          onChange={(v) => v && onQuarter(v)}
          allowDeselect={false}
          w={140}
          data-testid="plan-quarter"
        />
      </Group>
      <ErrorAlert error={plan.error} />
      {p && p.period === quarter && (
        <Card withBorder>
          <Stack gap="md">
            <Group gap="sm" wrap="wrap">
              <PlanStatusBadge status={p.status} />
              <Text size="sm" c="dimmed">
                {t('workPlans.span', { from: p.startsOn, to: lastDay(p.endsOn) })}
              </Text>
              {p.adoptedAt && (
                <Text size="sm" data-testid="plan-adopted-at">
                  {p.adoptedAt.title
                    ? t('workPlans.adoptedAt', { day: p.adoptedAt.on, title: p.adoptedAt.title })
                    : t('workPlans.adoptedAtGeneral', { day: p.adoptedAt.on })}
                </Text>
              )}
              {p.reviewedOn && <Text size="sm">{t('workPlans.reviewedOn', { day: p.reviewedOn })}</Text>}
            </Group>
            {p.status === 'missing' && !p.canEdit && <Text c="dimmed">{t('workPlans.none')}</Text>}
            {p.canEdit && (p.status === 'missing' || p.status === 'draft') ? (
              <GoalEditor key={`${p.period}-${p.goals.map((g) => g.id).join('.')}`} plan={p} />
            ) : (
              <GoalList plan={p} />
            )}
            {p.canEdit && p.status === 'draft' && <AdoptForm plan={p} />}
            {p.canEdit && p.status !== 'draft' && p.status !== 'missing' && today() >= p.reviewFrom && (
              <ReviewForm key={p.period} plan={p} />
            )}
            {p.canEdit && p.status === 'adopted' && today() < p.reviewFrom && (
              <Text size="sm" c="dimmed">
                {t('workPlans.reviewFrom', { day: p.reviewFrom })}
              </Text>
            )}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
