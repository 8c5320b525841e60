/**
 * Recording a meeting offline: a new meeting (kind, date, title) or one of the pack's next meetings, its
 * whole roll, minutes and decisions with actions. Saving puts operations in the outbox; nothing is sent
 * until the device is online. Also used to resolve a conflict or a rejection: the form opens with the
 * operation's roll, and saving replaces it with a new operation (a new opId).
 */
import { Group, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxOperation, RollRecord, StoredPack } from './db.ts';
import { cleanDecisions, DecisionsFields, type DraftDecision } from './decisions-fields.tsx';
import { fromLocalInput, kindName, kindsInUse, quorumRequired, toLocalInput } from './pack-bits.ts';
import { marksToRecords, RollTaker, type RollMarks } from './roll-taker.tsx';
import { OfflineFormFooter } from './form-footer.tsx';
import { enqueue, replaceOperation } from './store.ts';

export type CaptureTarget =
  | { kind: 'new' }
  | { kind: 'meeting'; meeting: StoredPack['pack']['nextMeetings'][number] }
  | { kind: 'redo'; op: OutboxOperation };

function initialMarks(target: CaptureTarget, roll: StoredPack['pack']['roll']): RollMarks {
  if (target.kind !== 'redo') return {};
  const onRoll = new Set(roll.map((m) => m.personId));
  const records = (target.op.payload.records ?? []) as RollRecord[];
  // Who is no longer on the kept roll (a member who left) is not carried over.
  return Object.fromEntries(
    records.filter((r) => onRoll.has(r.personId)).map((r) => [r.personId, { status: r.status, reason: r.reason ?? '' }]),
  );
}

export function MeetingCapture({ stored, target, onDone }: { stored: StoredPack; target: CaptureTarget; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { pack } = stored;
  const redoPayload = target.kind === 'redo' ? target.op.payload : null;
  const isNew = target.kind === 'new' || (target.kind === 'redo' && target.op.type === 'meeting.record');
  const [kind, setKind] = useState<string>((redoPayload?.kind as string) ?? kindsInUse(pack)[0]?.code ?? '');
  const [startsAt, setStartsAt] = useState(
    redoPayload?.startsAt ? toLocalInput(new Date(redoPayload.startsAt as string)) : toLocalInput(new Date()),
  );
  const [title, setTitle] = useState((redoPayload?.title as string) ?? '');
  const [marks, setMarks] = useState<RollMarks>(() => initialMarks(target, pack.roll));
  const [minutes, setMinutes] = useState('');
  const [decisions, setDecisions] = useState<DraftDecision[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const meetingKind = target.kind === 'meeting' ? target.meeting.kind : kind;
  const present = Object.values(marks).filter((m) => m.status === 'present').length;
  const required = quorumRequired(pack, meetingKind, pack.roll.length);

  const save = async () => {
    const records = marksToRecords(pack.roll, marks);
    if (!records) return setProblem(t('offline.rollIncomplete'));
    const when = isNew ? fromLocalInput(startsAt) : null;
    if (isNew && (!when || new Date(when) > new Date())) return setProblem(t('offline.notInFuture'));
    const cellId = pack.cell.id;
    const payload: Record<string, unknown> = isNew
      ? { cellId, kind, startsAt: when, ...(title.trim() ? { title: title.trim() } : {}), records }
      : target.kind === 'meeting'
        ? { meetingId: target.meeting.id, version: target.meeting.version, records }
        : // Re-taking the roll of a meeting that changed meanwhile: against its current version, not the one kept.
          { meetingId: redoPayload?.meetingId, records };
    const recordOpId =
      target.kind === 'redo'
        ? await replaceOperation(target.op, payload)
        : await enqueue(isNew ? 'meeting.record' : 'meeting.attendance', cellId, payload);
    const kept = cleanDecisions(decisions);
    if (minutes.trim() || kept.length > 0) {
      const ref = isNew ? { meetingOpId: recordOpId } : { meetingId: payload.meetingId };
      await enqueue('meeting.minutes', cellId, { ...ref, minutes: minutes.trim() || null, decisions: kept });
    }
    onDone();
  };

  return (
    <Stack gap="md" data-testid="offline-capture">
      {isNew ? (
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={t('meeting.kind')}
            data={kindsInUse(pack).map((k) => ({ value: k.code, label: kindName(pack, k.code, i18n.language) }))}
            value={kind}
            allowDeselect={false}
            onChange={(v) => v && setKind(v)}
            data-testid="offline-kind"
          />
          <TextInput
            type="datetime-local"
            label={t('meeting.startsAt')}
            value={startsAt}
            onChange={(e) => setStartsAt(e.currentTarget.value)}
            data-testid="offline-starts-at"
          />
          <TextInput label={t('meeting.titleLabel')} value={title} maxLength={200} onChange={(e) => setTitle(e.currentTarget.value)} />
        </Group>
      ) : (
        <Text fw={500}>
          {target.kind === 'meeting' ? target.meeting.title || kindName(pack, target.meeting.kind, i18n.language) : t('offline.retakeRoll')}
        </Text>
      )}
      <section aria-labelledby="offline-roll-title">
        <Title order={3} size="h4" id="offline-roll-title">
          {t('attendance.title', { count: pack.roll.length })}
        </Title>
        <Text size="sm" data-testid="offline-quorum">
          {required === null
            ? t('attendance.quorumNone', { present, total: pack.roll.length })
            : present >= required
              ? t('attendance.quorumMet', { present, required })
              : t('attendance.quorumNotMet', { present, required })}
        </Text>
        <RollTaker roll={pack.roll} marks={marks} onChange={setMarks} />
      </section>
      <Textarea
        label={t('meeting.minutes')}
        value={minutes}
        maxLength={20_000}
        autosize
        minRows={3}
        onChange={(e) => setMinutes(e.currentTarget.value)}
        data-testid="offline-minutes"
      />
      <section aria-labelledby="offline-decisions-title">
        <Title order={3} size="h4" id="offline-decisions-title" mb="xs">
          {t('decisions.title')}
        </Title>
        <DecisionsFields roll={pack.roll} value={decisions} onChange={setDecisions} />
      </section>
      <OfflineFormFooter problem={problem} onSave={save} onCancel={onDone} saveTestId="offline-save" />
    </Stack>
  );
}
