/**
 * The draft of a plan: its goals as rows (kind, title; a target goal picks one of the unit targets the
 * cell reports on, an assignment goal one of the cell's assignments), saved whole.
 */
import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GOAL_KINDS, WORK_PLAN_LIMITS, type GoalKind, type SavePlan, type WorkPlan } from '../../../shared/schemas/work-plans.ts';
import { useBoard } from '../../api/assignments.ts';
import { useReportableTargets } from '../../api/targets.ts';
import { usePlanWrite } from '../../api/work-plans.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

type Row = { key: number; kind: GoalKind; title: string; targetId: string | null; assignmentId: string | null };

const idOf = (v: number | null | undefined) => (v == null ? null : String(v));

export function GoalEditor({ plan }: { plan: WorkPlan }) {
  const { t } = useTranslation();
  const save = usePlanWrite<SavePlan>(plan.cellId, plan.period, 'draft');
  const [rows, setRows] = useState<Row[]>(() =>
    plan.goals.length
      ? plan.goals.map((g, i) => ({
          key: i,
          kind: g.kind,
          title: g.title,
          targetId: idOf(g.targetId),
          assignmentId: idOf(g.assignment?.id),
        }))
      : [{ key: 0, kind: 'study', title: '', targetId: null, assignmentId: null }],
  );
  const [nextKey, setNextKey] = useState(rows.length);
  const targets = useReportableTargets(plan.cellId, Number(plan.period.slice(0, 4)));
  const board = useBoard(plan.cellId);
  const targetOptions = (targets.data?.items ?? []).map((x) => ({ value: String(x.id), label: `${x.indicator} (${x.unitName})` }));
  const assignmentOptions = (board.data?.items ?? [])
    .filter((a) => a.status !== 'cancelled')
    .map((a) => ({ value: String(a.id), label: `${a.title} · ${a.assigneeName} · ${a.dueOn}` }));
  const setRow = (key: number, change: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...change } : r)));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          goals: rows.map((r) => ({
            title: r.title,
            kind: r.kind,
            ...(r.kind === 'target' && r.targetId ? { targetId: Number(r.targetId) } : {}),
            ...(r.kind === 'assignment' && r.assignmentId ? { assignmentId: Number(r.assignmentId) } : {}),
          })),
        });
      }}
    >
      <Stack gap="sm" data-testid="goal-editor">
        <Text fw={600}>{t('workPlans.goals')}</Text>
        <ErrorAlert error={save.error} />
        {rows.map((r, i) => (
          <Group key={r.key} align="flex-end" wrap="wrap" data-testid="goal-row">
            <Select
              label={t('workPlans.goalKind', { n: i + 1 })}
              data={GOAL_KINDS.map((k) => ({ value: k, label: t(`workPlans.kind.${k}`) }))}
              value={r.kind}
              onChange={(v) => v && setRow(r.key, { kind: v as GoalKind })}
              allowDeselect={false}
              style={{ flex: '0 1 12rem' }}
              data-testid="goal-kind"
            />
            <TextInput
              label={t('workPlans.goalTitle', { n: i + 1 })}
              value={r.title}
              onChange={(e) => setRow(r.key, { title: e.currentTarget.value })}
              maxLength={WORK_PLAN_LIMITS.title}
              required
              style={{ flex: '2 1 16rem' }}
              data-testid="goal-title"
            />
            {r.kind === 'target' && (
              <Select
                label={t('workPlans.targetPick')}
                data={targetOptions}
                value={r.targetId}
                onChange={(v) => setRow(r.key, { targetId: v })}
                searchable
                clearable
                nothingFoundMessage={t('workPlans.noTargets')}
                style={{ flex: '1 1 14rem' }}
                data-testid="goal-target"
              />
            )}
            {r.kind === 'assignment' && (
              <Select
                label={t('workPlans.assignmentPick')}
                data={assignmentOptions}
                value={r.assignmentId}
                onChange={(v) => setRow(r.key, { assignmentId: v })}
                searchable
                clearable
                nothingFoundMessage={t('workPlans.noAssignments')}
                style={{ flex: '1 1 14rem' }}
                data-testid="goal-assignment"
              />
            )}
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={t('workPlans.removeGoal', { n: i + 1 })}
              disabled={rows.length === 1}
              onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group justify="space-between">
          <Button
            variant="default"
            size="xs"
            disabled={rows.length >= WORK_PLAN_LIMITS.goals}
            onClick={() => {
              setRows((rs) => [...rs, { key: nextKey, kind: 'study', title: '', targetId: null, assignmentId: null }]);
              setNextKey((k) => k + 1);
            }}
            data-testid="goal-add"
          >
            {t('workPlans.addGoal')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="plan-save">
            {t('workPlans.saveDraft')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
