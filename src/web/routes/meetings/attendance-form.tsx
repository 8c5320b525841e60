/**
 * The whole roll on one screen, saved in one request with the meeting's version. New records start as
 * present; "copy last meeting" takes the statuses of the cell's previous held meeting. A 409 means
 * someone else saved meanwhile: nothing is lost silently, the secretary reloads and re-applies.
 */
import { Alert, Button, Group, Kbd, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import type { Meeting } from '../../../shared/schemas/meetings.ts';
import { meetingKeys, useCellMeetings, useSaveAttendance } from '../../api/meetings.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { QuorumIndicator } from './quorum-indicator.tsx';
import { ReadOnlyRollRow, RollRow, type RowState } from './roll-row.tsx';

type Entries = Record<number, RowState>;

const fromMeeting = (m: Meeting): Entries =>
  Object.fromEntries(m.roll.map((r) => [r.personId, { status: r.status ?? 'present', reason: r.reason ?? '' }]));

export function AttendanceForm({ meeting, onReload }: { meeting: Meeting; onReload: () => Promise<Meeting | undefined> }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const save = useSaveAttendance(meeting.id);
  const meetings = useCellMeetings(meeting.cellId);
  const [entries, setEntries] = useState<Entries>(() => fromMeeting(meeting));
  const [dirty, setDirty] = useState(false);
  const [saved, setSaved] = useState(false);
  const [copyNote, setCopyNote] = useState<string | null>(null);
  const body = useRef<HTMLDivElement>(null);
  const future = new Date(meeting.startsAt).getTime() > Date.now();
  const editing = meeting.canManage && !future;
  /** Saving the roll is what marks a meeting held: before that there is no attendance to judge a quorum on. */
  const recorded = meeting.status === 'held';

  const counts = useMemo(() => {
    const c = { present: 0, excused: 0, absent: 0 };
    // Read-only, only what was recorded counts: a member added to the roll after the save is no one present.
    for (const r of meeting.roll) {
      const status = editing ? (entries[r.personId]?.status ?? 'present') : r.status;
      if (status) c[status]++;
    }
    return c;
  }, [entries, meeting.roll, editing]);

  const previous = meetings.data?.find((m) => m.id !== meeting.id && m.status === 'held' && m.startsAt < meeting.startsAt);

  const change = (personId: number, next: RowState) => {
    setEntries((e) => ({ ...e, [personId]: next }));
    setDirty(true);
    setSaved(false);
  };
  const move = (index: number, delta: number) => {
    const rows = body.current?.querySelectorAll<HTMLElement>('[data-testid="roll-row"]');
    rows?.[Math.max(0, Math.min(rows.length - 1, index + delta))]?.focus();
  };
  const setAll = (status: 'present') => {
    setEntries(Object.fromEntries(meeting.roll.map((r) => [r.personId, { status, reason: '' }])));
    setDirty(true);
    setSaved(false);
  };
  const copyLast = async () => {
    if (!previous) return;
    const last = await qc.fetchQuery({
      queryKey: meetingKeys.meeting(previous.id),
      queryFn: () => api.get<Meeting>(`/api/v1/meetings/${previous.id}`),
    });
    const byPerson = new Map(last.roll.map((r) => [r.personId, r]));
    setEntries(
      Object.fromEntries(
        meeting.roll.map((r) => {
          const p = byPerson.get(r.personId);
          return [r.personId, { status: p?.status ?? 'present', reason: p?.reason ?? '' }];
        }),
      ),
    );
    setCopyNote(t('attendance.copied', { date: last.meetsOn }));
    setDirty(true);
    setSaved(false);
  };
  const submit = () => {
    if (!editing || save.isPending) return;
    const records = meeting.roll.map((r) => {
      const e = entries[r.personId] ?? { status: 'present' as const, reason: '' };
      return { personId: r.personId, status: e.status, reason: e.status === 'present' ? null : e.reason.trim() || null };
    });
    save.mutate(
      { records, version: meeting.version },
      {
        onSuccess: (m) => {
          setEntries(fromMeeting(m));
          setDirty(false);
          setSaved(true);
        },
      },
    );
  };
  const reload = async () => {
    const fresh = await onReload();
    if (fresh) setEntries(fromMeeting(fresh));
    save.reset();
    setDirty(false);
  };
  const conflict = save.error instanceof ApiError && save.error.code === 'version_conflict';

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="attendance-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h4" id="attendance-title">
            {t('attendance.title', { count: meeting.roll.length })}
          </Title>
          {editing && (
            <Group gap="xs">
              <Button size="xs" variant="default" onClick={() => setAll('present')} data-testid="all-present">
                {t('attendance.allPresent')}
              </Button>
              <Button size="xs" variant="default" onClick={() => void copyLast()} disabled={!previous} data-testid="copy-last">
                {t('attendance.copyLast')}
              </Button>
            </Group>
          )}
        </Group>
        {future && (
          <Alert color="blue" variant="light">
            {t('attendance.future')}
          </Alert>
        )}
        {!editing && !future && !recorded && meeting.roll.length > 0 && (
          <Text c="dimmed" data-testid="attendance-not-recorded">
            {t('attendanceView.notRecordedYet')}
          </Text>
        )}
        {meeting.roll.length > 0 && (editing || recorded) && (
          // Quorum and Save stay in sight while a long roll scrolls under them.
          <Paper withBorder={false} py="xs" style={{ position: 'sticky', top: 60, zIndex: 2, background: 'var(--mantine-color-body)' }}>
            <Group justify="space-between" align="center" wrap="nowrap" gap="md">
              <div style={{ flex: 1 }}>
                <QuorumIndicator
                  {...counts}
                  required={meeting.quorum?.required ?? null}
                  rollSize={meeting.roll.length}
                  draft={!recorded || dirty}
                />
              </div>
              {editing && (
                <Group gap="xs" wrap="nowrap">
                  {dirty && (
                    <Text size="sm" c="dimmed" visibleFrom="sm">
                      {t('attendance.unsaved')}
                    </Text>
                  )}
                  <Button onClick={submit} loading={save.isPending} data-testid="save-attendance" h={44}>
                    {meeting.status === 'held' ? t('attendance.saveCorrection') : t('attendance.save')}
                  </Button>
                </Group>
              )}
            </Group>
          </Paper>
        )}
        {conflict ? (
          <Alert color="orange" role="alert" title={t('attendance.conflictTitle')} data-testid="version-conflict">
            <Group justify="space-between">
              <Text size="sm">{t('attendance.conflict')}</Text>
              <Button size="xs" onClick={() => void reload()}>
                {t('attendance.reload')}
              </Button>
            </Group>
          </Alert>
        ) : (
          <ErrorAlert error={save.error} />
        )}
        {saved && !dirty && (
          <Alert color="green" variant="light" data-testid="attendance-saved">
            {t('attendance.saved', { present: counts.present, total: meeting.roll.length })}
          </Alert>
        )}
        {editing && (
          <Text size="xs" c="dimmed" data-testid="keyboard-help" visibleFrom="sm">
            <Kbd>Tab</Kbd>/<Kbd>↑</Kbd>
            <Kbd>↓</Kbd> {t('attendance.keysMove')} · <Kbd>P</Kbd> {t('attendance.present')} · <Kbd>E</Kbd> {t('attendance.excused')} ·{' '}
            <Kbd>A</Kbd> {t('attendance.absent')} · <Kbd>←</Kbd>
            <Kbd>→</Kbd> {t('attendance.keysCycle')} · <Kbd>Ctrl</Kbd>+<Kbd>Enter</Kbd> {t('attendance.keysSave')}
          </Text>
        )}
        {copyNote && (
          <Text size="sm" c="dimmed">
            {copyNote}
          </Text>
        )}
        {meeting.roll.length === 0 ? (
          <Text c="dimmed">{t('attendance.emptyRoll')}</Text>
        ) : (
          <div ref={body} role="list" aria-labelledby="attendance-title" data-testid="roll">
            {meeting.roll.map((r, i) => (
              <div role="listitem" key={r.personId}>
                {editing ? (
                  <RollRow
                    index={i}
                    entry={r}
                    value={entries[r.personId] ?? { status: 'present', reason: '' }}
                    onChange={(next) => change(r.personId, next)}
                    onMove={(d) => move(i, d)}
                    onSave={submit}
                  />
                ) : (
                  <ReadOnlyRollRow index={i} entry={r} />
                )}
              </div>
            ))}
          </div>
        )}
      </Stack>
    </Paper>
  );
}
