/**
 * Taking a filled paper attendance sheet back (issue 16): the roll in the sheet's order, marked by
 * keyboard only (p / e / a, arrows and Enter), saved through the attendance API; or a CSV of the paper
 * roll uploaded to the meeting, with the same checks and messages as the attendance API.
 */
import { Anchor, Button, Center, FileInput, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Meeting } from '../../../shared/schemas/meetings.ts';
import { ApiError, getCsrfToken, isNotFound, toApiError } from '../../api/client.ts';
import { meetingKeys, useMeeting, useSaveAttendance } from '../../api/meetings.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { NotFoundPage } from '../../components/not-found-page.tsx';
import { useKindName } from '../../components/meeting-bits.tsx';
import { formatDateTime } from '../../lib/period.ts';
import { marksToRecords, RollTaker, type RollMarks } from '../../offline/roll-taker.tsx';

/** The sheet lists the roll by name; the screen follows the same order so the eye moves down both at once. */
function sheetOrder(m: Meeting) {
  return m.roll.map((r) => ({ personId: r.personId, name: r.fullName }));
}

function initialMarks(m: Meeting): RollMarks {
  return Object.fromEntries(m.roll.filter((r) => r.status).map((r) => [r.personId, { status: r.status!, reason: r.reason ?? '' }]));
}

type LineError = { line: number; code: string; message: string };
type RollMismatch = { missing?: number[]; lines?: { duplicates?: number[]; notOnRoll?: number[] } };

/**
 * What a refused CSV says by line: the lines that could not be read (`errors`), or, for a roll that does
 * not match the meeting's, the lines naming someone not on it or twice, and who the file left out.
 */
function detailLines(error: unknown, meeting: Meeting, t: TFunction): string[] {
  if (!(error instanceof ApiError) || !error.details || typeof error.details !== 'object') return [];
  const d = error.details as { errors?: LineError[] } & RollMismatch;
  const out = (d.errors ?? []).map((e) =>
    t('paper.lineError', { line: e.line, message: t(`paper.lineCodes.${e.code}`, { defaultValue: e.message }) }),
  );
  if (d.lines?.notOnRoll?.length) out.push(t('paper.linesNotOnRoll', { lines: d.lines.notOnRoll.join(', ') }));
  if (d.lines?.duplicates?.length) out.push(t('paper.linesTwice', { lines: d.lines.duplicates.join(', ') }));
  if (d.missing?.length) {
    const names = d.missing.map((id) => meeting.roll.find((r) => r.personId === id)?.fullName ?? String(id));
    out.push(t('paper.missing', { names: names.join(', ') }));
  }
  return out;
}

/** The CSV goes as it is (text/csv), against the meeting's version as read, like a save of the attendance form. */
async function postRollCsv(meeting: Meeting, file: File): Promise<Meeting> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'text/csv' };
  const csrf = getCsrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch(`/api/v1/meetings/${meeting.id}/attendance.csv?version=${meeting.version}`, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: await file.text(),
    });
  } catch (cause) {
    throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : 'Network error');
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw toApiError(res.status, body);
  return body as Meeting;
}

function CsvUpload({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<{ busy: boolean; error: unknown; done: boolean }>({ busy: false, error: null, done: false });
  const send = async () => {
    if (!file) return;
    setState({ busy: true, error: null, done: false });
    try {
      qc.setQueryData(meetingKeys.meeting(meeting.id), await postRollCsv(meeting, file));
      await qc.invalidateQueries({ queryKey: ['meetings'] });
      setState({ busy: false, error: null, done: true });
    } catch (error) {
      setState({ busy: false, error, done: false });
    }
  };
  const lines = detailLines(state.error, meeting, t);
  return (
    <section aria-labelledby="paper-csv-title">
      <Title order={3} size="h4" id="paper-csv-title" mb="xs">
        {t('paper.csvTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('paper.csvHelp')}
      </Text>
      <Group align="flex-end" gap="sm">
        <FileInput label={t('paper.csvFile')} accept=".csv,text/csv" value={file} onChange={setFile} data-testid="paper-csv" clearable />
        <Button onClick={send} loading={state.busy} disabled={!file} data-testid="paper-csv-send">
          {t('paper.csvSend')}
        </Button>
      </Group>
      {state.done && (
        <Text size="sm" c="green.8" mt="xs" role="status" data-testid="paper-csv-done">
          {t('paper.csvDone')}
        </Text>
      )}
      {state.error !== null && <ErrorAlert error={state.error} />}
      {lines.length > 0 && (
        <List size="sm" data-testid="paper-csv-errors">
          {lines.map((l) => (
            <List.Item key={l}>{l}</List.Item>
          ))}
        </List>
      )}
    </section>
  );
}

function SheetEntry({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const roll = sheetOrder(meeting);
  const [marks, setMarks] = useState<RollMarks>(() => initialMarks(meeting));
  const [problem, setProblem] = useState<string | null>(null);
  const save = useSaveAttendance(meeting.id);
  const saveButton = useRef<HTMLButtonElement>(null);
  const submit = () => {
    const records = marksToRecords(roll, marks);
    if (!records) return setProblem(t('offline.rollIncomplete'));
    setProblem(null);
    save.mutate({ records, version: meeting.version });
  };
  const present = Object.values(marks).filter((m) => m.status === 'present').length;
  return (
    <Stack gap="sm">
      <RollTaker roll={roll} marks={marks} onChange={setMarks} onEnd={() => saveButton.current?.focus()} />
      {problem && (
        <Text c="red.8" role="alert">
          {problem}
        </Text>
      )}
      <ErrorAlert error={save.error} />
      {save.isSuccess && (
        <Text c="green.8" role="status" data-testid="paper-saved">
          {t('attendance.saved', { present, total: roll.length })}
        </Text>
      )}
      <Group>
        <Button ref={saveButton} onClick={submit} loading={save.isPending} data-testid="paper-save">
          {t('attendance.save')}
        </Button>
      </Group>
    </Stack>
  );
}

export function PaperEntryPage() {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const meeting = useMeeting(id);
  const kindName = useKindName();
  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  if (meeting.isPending)
    return (
      <Center p="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (meeting.isError) return isNotFound(meeting.error) ? <NotFoundPage /> : <ErrorAlert error={meeting.error} />;
  const m = meeting.data;
  return (
    <Stack gap="lg" data-testid="paper-entry">
      <Stack gap={2}>
        <Anchor component={Link} to={`/meetings/${m.id}`} size="sm">
          {m.title || kindName(m.kind)} · {formatDateTime(m.startsAt, i18n.language)}
        </Anchor>
        <Title order={2}>{t('paper.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('paper.help')}
        </Text>
      </Stack>
      {m.canManage ? (
        <>
          <SheetEntry key={m.id} meeting={m} />
          <CsvUpload meeting={m} />
        </>
      ) : (
        <Text>{t('paper.cannotManage')}</Text>
      )}
    </Stack>
  );
}
