/**
 * An in-person briefing recorded offline: the secretary picks a directive the pack carries (titles only),
 * the day, and the members briefed, or a meeting recorded on this device (its day and those present are
 * taken over, and the briefing is tied to it by the operation that will create it); one
 * `directive.briefing` operation goes into the outbox, after the meeting's. Only the members the pack
 * names as awaiting that directive are offered; the server checks again, when it syncs, that each
 * person is on the roll and received it.
 */
import { Checkbox, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { offlineDb, type OutboxOperation, type RollRecord, type StoredPack } from './db.ts';
import { useLive } from './live.ts';
import { kindName } from './pack-bits.ts';
import { formatDateTime } from '../lib/period.ts';
import { OfflineFormFooter } from './form-footer.tsx';
import { enqueue } from './store.ts';

/** A day on the device's calendar as YYYY-MM-DD (a briefing is dated by the day it was given where it was given). */
function localDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
const localToday = () => localDay(new Date());

export function BriefingOffline({ stored, directiveId, onDone }: { stored: StoredPack; directiveId: number; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { pack } = stored;
  const directives = pack.directives ?? [];
  const [chosen, setChosen] = useState(String(directiveId));
  const [briefedOn, setBriefedOn] = useState(localToday());
  const [people, setPeople] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const recorded = useLive(
    async () => (await offlineDb.outbox.where('cellId').equals(pack.cell.id).sortBy('seq')).filter((o) => o.type === 'meeting.record'),
    [pack.cell.id],
    [] as OutboxOperation[],
  );
  const [meetingOp, setMeetingOp] = useState<string | null>(null);
  const pickMeeting = (opId: string | null) => {
    setMeetingOp(opId);
    const op = recorded.find((o) => o.opId === opId);
    if (!op) return;
    setBriefedOn(localDay(new Date(String(op.payload.startsAt))));
    const present = new Set(((op.payload.records ?? []) as RollRecord[]).filter((r) => r.status === 'present').map((r) => r.personId));
    setPeople(briefable.filter((m) => present.has(m.personId)).map((m) => String(m.personId)));
  };
  // Those to brief: the members who received it and have neither acknowledged it nor been briefed (the
  // whole roll for a pack kept before the pack carried them).
  const awaiting = directives.find((d) => String(d.id) === chosen)?.awaiting;
  const briefable = awaiting ? pack.roll.filter((m) => awaiting.includes(m.personId)) : pack.roll;
  const meetingLabel = (o: OutboxOperation) =>
    `${kindName(pack, String(o.payload.kind), i18n.language)} · ${formatDateTime(String(o.payload.startsAt), i18n.language)}`;
  const save = async () => {
    if (people.length === 0) return setProblem(t('offline.briefingNobody'));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(briefedOn) || briefedOn > localToday()) return setProblem(t('serverErrors.directive.briefingInFuture'));
    await enqueue('directive.briefing', pack.cell.id, {
      directiveId: Number(chosen),
      briefedOn,
      personIds: people.map(Number),
      ...(meetingOp ? { meetingOpId: meetingOp } : {}),
    });
    onDone();
  };
  return (
    <Stack gap="sm" data-testid="offline-briefing">
      <Select
        label={t('offline.briefingDirective')}
        data={directives.map((d) => ({ value: String(d.id), label: d.title }))}
        value={chosen}
        allowDeselect={false}
        onChange={(v) => {
          if (!v) return;
          setChosen(v);
          const next = directives.find((d) => String(d.id) === v)?.awaiting;
          if (next) setPeople((ps) => ps.filter((p) => next.includes(Number(p))));
        }}
      />
      {recorded.length > 0 && (
        <Select
          label={t('offline.briefingAtMeeting')}
          placeholder={t('offline.briefingNoMeeting')}
          data={recorded.map((o) => ({ value: o.opId, label: meetingLabel(o) }))}
          value={meetingOp}
          onChange={pickMeeting}
          clearable
          data-testid="offline-briefing-meeting"
        />
      )}
      <TextInput
        type="date"
        label={t('directives.briefing.date')}
        value={briefedOn}
        max={localToday()}
        onChange={(e) => setBriefedOn(e.currentTarget.value)}
        data-testid="offline-briefed-on"
      />
      <Checkbox.Group label={t('directives.briefing.members')} value={people} onChange={setPeople}>
        <Stack gap={4} mt={4}>
          {briefable.map((m) => (
            <Checkbox key={m.personId} value={String(m.personId)} label={m.name} data-testid="offline-briefing-person" />
          ))}
        </Stack>
      </Checkbox.Group>
      <OfflineFormFooter problem={problem} onSave={save} onCancel={onDone} saveTestId="offline-briefing-save" />
    </Stack>
  );
}
