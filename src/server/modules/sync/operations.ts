/**
 * The operations a device may sync, each a payload schema and the online service calls that apply it,
 * inside the operation's transaction (the services run in their caller's transaction).
 */
import type { z } from 'zod';
import type { Actor } from '../../access/actor.ts';
import type { Db } from '../../db/database.ts';
import { badRequest } from '../../errors.ts';
import {
  DirectiveBriefingOpSchema,
  MeetingAttendanceOpSchema,
  MeetingMinutesOpSchema,
  MeetingRecordOpSchema,
  MeetingScheduleOpSchema,
} from '../../../shared/schemas/sync.ts';
import type { Meeting, SaveAttendance } from '../../../shared/schemas/meetings.ts';
import { saveAttendance } from '../meetings/attendance.ts';
import { addDecision } from '../meetings/decisions.ts';
import { createMeeting, lockMeeting, updateMeeting } from '../meetings/service.ts';
import { recordBriefing } from '../directives/deliveries.ts';
import { todayIso } from '../compliance/periods.ts';

/** What an applied operation reports beside its status (stored, and answered again on a replay). */
export type Applied = { meetingId?: number; version?: number; briefed?: number };

type Operation<S extends z.ZodTypeAny> = {
  schema: S;
  apply: (db: Db, actor: Actor, payload: z.infer<S>, timeZone: string) => Promise<Applied>;
};
/**
 * A meeting recorded on a phone whose clock runs a few minutes fast starts, by the server's clock, in the
 * future; online that is refused (`meeting.notBegun`), but from the outbox it would be lost. Ten minutes
 * covers ordinary drift without letting a meeting planned for later be recorded as held (decision 0034).
 */
export const CLOCK_SKEW_MS = 10 * 60_000;
const skew = { futureLeewayMs: CLOCK_SKEW_MS };
const operation = <S extends z.ZodTypeAny>(o: Operation<S>) => o;
const where = (m: Meeting): Applied => ({ meetingId: m.id, version: m.version });

/** The meeting an operation names: by id, or by the opId of the applied operation of this account that created it. */
async function meetingOf(db: Db, actor: Actor, ref: { meetingId?: number; meetingOpId?: string }): Promise<number | undefined> {
  if (ref.meetingOpId === undefined) return ref.meetingId;
  const row = await db
    .selectFrom('sync_operations')
    .select('result')
    .where('op_id', '=', ref.meetingOpId)
    .where('account_id', '=', actor.accountId)
    .executeTakeFirst();
  const id = (row?.result as Applied | undefined)?.meetingId;
  if (id === undefined) throw badRequest('sync.meetingOpUnknown', { details: { meetingOpId: ref.meetingOpId } });
  return id;
}

export const OPERATIONS = {
  /** A meeting held offline: created and its whole roll saved, as scheduling and then recording it online would. */
  'meeting.record': operation({
    schema: MeetingRecordOpSchema,
    apply: async (db, actor, p, timeZone) => {
      const created = await createMeeting(db, actor, p.cellId, { kind: p.kind, startsAt: p.startsAt, title: p.title }, timeZone);
      return where(await saveAttendance(db, actor, created.id, { records: p.records, version: created.version }, skew));
    },
  }),
  'meeting.attendance': operation({
    schema: MeetingAttendanceOpSchema,
    apply: async (db, actor, p) => {
      const id = (await meetingOf(db, actor, p))!;
      // Without a version the roll is saved over whatever is there, as the device asked.
      return where(await saveAttendance(db, actor, id, { records: p.records, version: p.version } as SaveAttendance, skew));
    },
  }),
  'meeting.schedule': operation({
    schema: MeetingScheduleOpSchema,
    apply: async (db, actor, p, timeZone) =>
      where(await createMeeting(db, actor, p.cellId, { kind: p.kind, startsAt: p.startsAt, title: p.title, agenda: p.agenda }, timeZone)),
  }),
  'meeting.minutes': operation({
    schema: MeetingMinutesOpSchema,
    apply: async (db, actor, p, timeZone) => {
      const id = (await meetingOf(db, actor, p))!;
      let m: Meeting | undefined;
      if (p.minutes !== undefined) m = await updateMeeting(db, actor, id, { minutes: p.minutes, version: p.version }, timeZone);
      else await lockMeeting(db, actor, id, p.version);
      for (const d of p.decisions ?? []) m = await addDecision(db, actor, id, { text: d.text, actions: d.actions });
      return m ? where(m) : { meetingId: id };
    },
  }),
  'directive.briefing': operation({
    schema: DirectiveBriefingOpSchema,
    apply: async (db, actor, p) => {
      const meetingId = p.meetingId !== undefined || p.meetingOpId !== undefined ? await meetingOf(db, actor, p) : undefined;
      const r = await recordBriefing(
        db,
        actor,
        p.directiveId,
        { briefedOn: p.briefedOn, personIds: p.personIds, meetingId, presentMembers: p.presentMembers },
        todayIso(),
      );
      return { briefed: r.briefed };
    },
  }),
} as const;
