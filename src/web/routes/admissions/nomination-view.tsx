/**
 * One nomination: the nominee, sponsors and their recommendations, the criteria checklist, the
 * training tasks, the cell's vote (at a held general meeting) and the committee's decision, then the
 * timeline of every step. What a reader may do follows `canManage` and `canDecide` from the server.
 */
import { Badge, Button, Card, Group, List, NumberInput, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Nomination } from '../../../shared/schemas/admissions.ts';
import {
  useAddTask,
  useCheckCriterion,
  useDecide,
  useNomination,
  useRecommend,
  useTaskDone,
  useVote,
  useWithdraw,
} from '../../api/admissions.ts';
import { useCellMeetings } from '../../api/meetings.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

const today = () => new Date().toISOString().slice(0, 10);
const OPEN: readonly Nomination['status'][] = ['nominated', 'in_training', 'voted'];

/** Withdrawing an open nomination: asks once more, with an optional reason. */
function WithdrawForm({ n }: { n: Nomination }) {
  const { t } = useTranslation();
  const withdraw = useWithdraw();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  if (!asking)
    return (
      <Group>
        <Button variant="subtle" color="red" size="xs" onClick={() => setAsking(true)} data-testid="withdraw-open">
          {t('admissions.withdraw')}
        </Button>
      </Group>
    );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        withdraw.mutate({ id: n.id, reason: reason.trim() || undefined }, { onSuccess: () => setAsking(false) });
      }}
    >
      <Stack gap="xs">
        <ErrorAlert error={withdraw.error} />
        <Textarea
          label={t('admissions.withdrawReason')}
          description={t('admissions.withdrawHint')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={2000}
          autosize
          minRows={2}
          data-testid="withdraw-reason"
        />
        <Group>
          <Button type="submit" color="red" size="xs" loading={withdraw.isPending} data-testid="withdraw-confirm">
            {t('admissions.withdrawConfirm')}
          </Button>
          <Button variant="default" size="xs" onClick={() => setAsking(false)}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Sponsors({ n }: { n: Nomination }) {
  const { t } = useTranslation();
  const recommend = useRecommend();
  const [sponsor, setSponsor] = useState<string | null>(null);
  const [text, setText] = useState('');
  return (
    <Stack gap="xs">
      <Title order={4}>{t('admissions.sponsors')}</Title>
      <List spacing="xs">
        {n.sponsors.map((s) => (
          <List.Item key={s.personId}>
            <Text fw={500}>{s.fullName}</Text>
            <Text size="sm" c={s.recommendation ? undefined : 'dimmed'}>
              {s.recommendation ?? t('admissions.noRecommendation')}
            </Text>
          </List.Item>
        ))}
      </List>
      {n.canManage && OPEN.includes(n.status) && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (sponsor) recommend.mutate({ id: n.id, sponsorId: Number(sponsor), text }, { onSuccess: () => setText('') });
          }}
        >
          <Stack gap="xs">
            <ErrorAlert error={recommend.error} />
            <Select
              label={t('admissions.sponsor')}
              data={n.sponsors.map((s) => ({ value: String(s.personId), label: s.fullName }))}
              value={sponsor}
              onChange={setSponsor}
              comboboxProps={{ withinPortal: true }}
            />
            <Textarea
              label={t('admissions.recommendation')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              maxLength={4000}
              autosize
              minRows={2}
            />
            <Group>
              <Button type="submit" size="xs" loading={recommend.isPending} disabled={!sponsor || !text.trim()}>
                {t('admissions.saveRecommendation')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

function Criteria({ n }: { n: Nomination }) {
  const { t } = useTranslation();
  const check = useCheckCriterion();
  const [notes, setNotes] = useState<Record<number, string>>({});
  const open = n.canManage && ['nominated', 'in_training', 'voted'].includes(n.status);
  return (
    <Stack gap="xs">
      <Title order={4}>{t('admissions.criteria')}</Title>
      <ErrorAlert error={check.error} />
      {n.criteria.map((c) => (
        <Group key={c.id} justify="space-between" wrap="wrap" gap="xs">
          <Stack gap={0} style={{ flex: '1 1 14rem' }}>
            <Text size="sm">{c.title}</Text>
            <Text size="xs" c="dimmed">
              {c.checkedOn ? t('admissions.checkedOn', { date: c.checkedOn }) : t('admissions.notChecked')}
              {c.note ? ` · ${c.note}` : ''}
            </Text>
          </Stack>
          {open && (
            <Group gap="xs" wrap="nowrap">
              <TextInput
                size="xs"
                aria-label={t('admissions.checkNote', { title: c.title })}
                placeholder={t('admissions.note')}
                value={notes[c.id] ?? ''}
                onChange={(e) => setNotes({ ...notes, [c.id]: e.currentTarget.value })}
                maxLength={1000}
              />
              <Button
                size="compact-xs"
                variant="light"
                onClick={() => check.mutate({ id: n.id, criterionId: c.id, note: notes[c.id]?.trim() || undefined })}
              >
                {t('admissions.check')}
              </Button>
            </Group>
          )}
        </Group>
      ))}
    </Stack>
  );
}

function Training({ n }: { n: Nomination }) {
  const { t } = useTranslation();
  const add = useAddTask();
  const done = useTaskDone();
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState(today());
  const open = n.canManage && (n.status === 'nominated' || n.status === 'in_training');
  return (
    <Stack gap="xs">
      <Title order={4}>{t('admissions.training')}</Title>
      <ErrorAlert error={add.error ?? done.error} />
      {n.tasks.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('admissions.noTasks')}
        </Text>
      ) : (
        <List spacing={4}>
          {n.tasks.map((task) => (
            <List.Item key={task.id}>
              <Group gap="xs">
                <Text size="sm">{task.title}</Text>
                <Text size="xs" c="dimmed">
                  {t('admissions.dueOn', { date: task.dueOn })}
                </Text>
                {task.doneOn ? (
                  <Badge color="green" variant="light">
                    {t('admissions.doneOn', { date: task.doneOn })}
                  </Badge>
                ) : (
                  n.canManage && (
                    <Button size="compact-xs" variant="subtle" onClick={() => done.mutate({ id: n.id, taskId: task.id })}>
                      {t('admissions.markDone')}
                    </Button>
                  )
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {open && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate({ id: n.id, title, dueOn }, { onSuccess: () => setTitle('') });
          }}
        >
          <Group align="flex-end" wrap="wrap" gap="xs">
            <TextInput
              label={t('admissions.taskTitle')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              maxLength={200}
              style={{ flex: '1 1 12rem' }}
            />
            <TextInput type="date" label={t('admissions.taskDue')} value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} />
            <Button type="submit" size="sm" loading={add.isPending} disabled={!title.trim()}>
              {t('admissions.addTask')}
            </Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}

function VoteForm({ n }: { n: Nomination }) {
  const { t } = useTranslation();
  const vote = useVote();
  const meetings = useCellMeetings(n.cellId);
  const held = (meetings.data ?? []).filter((m) => m.kind === 'general' && m.status === 'held' && m.meetsOn >= n.nominatedOn);
  const [meetingId, setMeetingId] = useState<string | null>(null);
  const [figures, setFigures] = useState({ for: 0, against: 0, abstain: 0 });
  const field = (key: keyof typeof figures) => (
    <NumberInput
      label={t(`admissions.votes.${key}`)}
      min={0}
      allowDecimal={false}
      value={figures[key]}
      onChange={(v) => setFigures({ ...figures, [key]: typeof v === 'number' ? v : 0 })}
      data-testid={`vote-${key}`}
      w={110}
    />
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (meetingId) vote.mutate({ id: n.id, meetingId: Number(meetingId), ...figures });
      }}
    >
      <Stack gap="xs">
        <Title order={4}>{t('admissions.vote')}</Title>
        <ErrorAlert error={vote.error} />
        <Select
          label={t('admissions.voteMeeting')}
          description={t('admissions.voteMeetingHint')}
          data={held.map((m) => ({ value: String(m.id), label: `${m.meetsOn} · ${t('admissions.presentCount', { count: m.present })}` }))}
          value={meetingId}
          onChange={setMeetingId}
          nothingFoundMessage={t('admissions.noHeldMeetings')}
          data-testid="vote-meeting"
          comboboxProps={{ withinPortal: true }}
        />
        <Group gap="xs" wrap="wrap">
          {field('for')}
          {field('against')}
          {field('abstain')}
        </Group>
        <Group>
          <Button type="submit" loading={vote.isPending} disabled={!meetingId} data-testid="vote-save">
            {t('admissions.recordVote')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DecisionForm({ n }: { n: Nomination }) {
  const { t } = useTranslation();
  const decide = useDecide();
  const [reason, setReason] = useState('');
  return (
    <Stack gap="xs" data-testid="decision-form">
      <Title order={4}>{t('admissions.decision')}</Title>
      <ErrorAlert error={decide.error} />
      <Textarea
        label={t('admissions.decisionReason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        maxLength={2000}
        autosize
        minRows={2}
        data-testid="decision-reason"
      />
      <Group>
        <Button
          color="green"
          loading={decide.isPending}
          onClick={() => decide.mutate({ id: n.id, decision: 'approved', reason: reason.trim() || undefined })}
          data-testid="approve"
        >
          {t('admissions.approve')}
        </Button>
        <Button
          color="red"
          variant="light"
          loading={decide.isPending}
          onClick={() => decide.mutate({ id: n.id, decision: 'rejected', reason: reason.trim() || undefined })}
          data-testid="reject"
        >
          {t('admissions.reject')}
        </Button>
      </Group>
    </Stack>
  );
}

function Timeline({ n }: { n: Nomination }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="xs">
      <Title order={4}>{t('admissions.timeline')}</Title>
      <Table data-testid="timeline">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admissions.when')}</Table.Th>
            <Table.Th>{t('admissions.step')}</Table.Th>
            <Table.Th>{t('admissions.by')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {n.timeline.map((e, i) => (
            <Table.Tr key={`${e.at}-${i}`}>
              <Table.Td>{new Date(e.at).toLocaleString(i18n.language)}</Table.Td>
              <Table.Td>{t(`admissions.steps.${e.step}`, { defaultValue: e.step })}</Table.Td>
              <Table.Td>{e.by ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export function StatusBadge({ status }: { status: Nomination['status'] }) {
  const { t } = useTranslation();
  const color =
    status === 'approved' ? 'green' : status === 'rejected' || status === 'not_passed' ? 'red' : status === 'withdrawn' ? 'gray' : 'blue';
  return (
    <Badge color={color} variant="light" data-testid="nomination-status">
      {t(`admissions.statuses.${status}`)}
    </Badge>
  );
}

export function NominationView({ id }: { id: number }) {
  const { t } = useTranslation();
  const q = useNomination(id);
  if (q.error) return <ErrorAlert error={q.error} />;
  const n = q.data;
  if (!n) return null;
  return (
    <Card withBorder data-testid="nomination">
      <Stack>
        <Group justify="space-between" wrap="wrap">
          <Stack gap={0}>
            <Title order={3}>{n.fullName}</Title>
            <Text size="sm" c="dimmed">
              {t(`admissions.kinds.${n.kind}`)} · {n.cellName} · {t('admissions.nominatedOn', { date: n.nominatedOn })}
              {n.person.birthYear ? ` · ${n.person.birthYear}` : ''}
              {n.person.workplace ? ` · ${n.person.workplace}` : ''}
            </Text>
          </Stack>
          <StatusBadge status={n.status} />
        </Group>
        {n.reason && <Text size="sm">{n.reason}</Text>}
        <Sponsors n={n} />
        <Criteria n={n} />
        <Training n={n} />
        {n.vote ? (
          <Text size="sm" data-testid="vote-result">
            {t('admissions.voteResult', { for: n.vote.for, against: n.vote.against, abstain: n.vote.abstain, present: n.vote.present })} ·{' '}
            {n.vote.passed ? t('admissions.votePassed') : t('admissions.voteFailed')}
          </Text>
        ) : (
          n.canManage && (n.status === 'nominated' || n.status === 'in_training') && <VoteForm n={n} />
        )}
        {n.decidedOn && (
          <Text size="sm">
            {t('admissions.decidedOn', { date: n.decidedOn })}
            {n.decisionReason ? ` · ${n.decisionReason}` : ''}
          </Text>
        )}
        {n.withdrawnOn && (
          <Text size="sm" data-testid="withdrawn-on">
            {t('admissions.withdrawnOn', { date: n.withdrawnOn })}
            {n.withdrawalReason ? ` · ${n.withdrawalReason}` : ''}
          </Text>
        )}
        {n.canDecide && <DecisionForm n={n} />}
        {n.canManage && OPEN.includes(n.status) && <WithdrawForm n={n} />}
        <Timeline n={n} />
      </Stack>
    </Card>
  );
}
