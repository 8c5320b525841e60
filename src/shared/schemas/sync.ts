/**
 * Offline sync (issue 16): a device's outbox of operations, each with a client-made id, applied once
 * each; and the offline pack a device keeps for a cell (names and ids only).
 */
import { z } from 'zod';
import { DateSchema, IdSchema } from './base.ts';
import { AttendanceRecordSchema, CreateDecisionSchema, MeetingKindSchema } from './meetings.ts';

/** A batch holds at most this many operations; more is refused whole (400), nothing applied. */
export const SYNC_MAX_OPERATIONS = 500;
/** A batch's body is at most this many bytes (413 beyond): 500 rolls of 40 members fit with room to spare. */
export const SYNC_MAX_BYTES = 4 * 1024 * 1024;

export const SYNC_TYPES = ['meeting.record', 'meeting.attendance', 'meeting.schedule', 'meeting.minutes', 'directive.briefing'] as const;
export type SyncType = (typeof SYNC_TYPES)[number];

/** The envelope is checked for the whole batch; each payload is checked on its own (a bad one is `rejected`). */
export const SyncOperationSchema = z
  .object({
    opId: z.uuid(),
    type: z.string().min(1).max(60),
    payload: z.unknown(),
  })
  .strict();
export const SyncRequestSchema = z.object({ operations: z.array(SyncOperationSchema) }).strict();
export type SyncOperation = z.infer<typeof SyncOperationSchema>;

const kind = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[a-z][a-z0-9-]*$/, 'a meeting kind code such as general');
const records = z.array(AttendanceRecordSchema).max(2000);
/**
 * A meeting is named by its id, or (made offline and not yet known to the device by id) by the opId of
 * the earlier operation that created it (`meeting.record` or `meeting.schedule`).
 */
const meetingRef = {
  meetingId: IdSchema.optional(),
  meetingOpId: z.uuid().optional(),
};
const oneMeetingRef = (v: { meetingId?: unknown; meetingOpId?: unknown }) => (v.meetingId === undefined) !== (v.meetingOpId === undefined);
const refMessage = { message: 'give meetingId or meetingOpId, one of them' };

export const MeetingRecordOpSchema = z
  .object({
    cellId: IdSchema,
    kind,
    startsAt: z.iso.datetime({ offset: true }),
    title: z.string().trim().max(200).optional(),
    records,
  })
  .strict();
export const MeetingScheduleOpSchema = z
  .object({
    cellId: IdSchema,
    kind,
    startsAt: z.iso.datetime({ offset: true }),
    title: z.string().trim().max(200).optional(),
    agenda: z.array(z.string().trim().min(1).max(500)).max(50).optional(),
  })
  .strict();
export const MeetingAttendanceOpSchema = z
  .object({ ...meetingRef, version: z.number().int().positive().optional(), records })
  .strict()
  .refine(oneMeetingRef, refMessage);
export const MeetingMinutesOpSchema = z
  .object({
    ...meetingRef,
    version: z.number().int().positive().optional(),
    minutes: z.string().max(20_000).nullish(),
    decisions: z.array(CreateDecisionSchema).max(50).optional(),
  })
  .strict()
  .refine(oneMeetingRef, refMessage);
export const DirectiveBriefingOpSchema = z
  .object({
    directiveId: IdSchema,
    briefedOn: DateSchema,
    personIds: z.array(IdSchema).max(2000).optional(),
    ...meetingRef,
    presentMembers: z.boolean().optional(),
  })
  .strict()
  .refine((v) => v.meetingId === undefined || v.meetingOpId === undefined, { message: 'give meetingId or meetingOpId, not both' });

export const SYNC_STATUSES = ['applied', 'duplicate', 'conflict', 'rejected'] as const;
export const SyncErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  messageKey: z.string(),
  params: z.record(z.string(), z.unknown()).optional(),
  details: z.unknown().optional(),
});
/** One operation's outcome; `meetingId` and `version` say where an applied meeting operation left the meeting. */
export const SyncResultSchema = z.object({
  opId: z.string(),
  status: z.enum(SYNC_STATUSES),
  type: z.string().optional(),
  error: SyncErrorSchema.optional(),
  meetingId: z.number().optional(),
  version: z.number().optional(),
  appliedAt: z.string().optional(),
  briefed: z.number().optional(),
});
export type SyncResult = z.infer<typeof SyncResultSchema>;
export const SyncResponseSchema = z.object({ results: z.array(SyncResultSchema) });

export const OfflinePackSchema = z.object({
  cell: z.object({ id: z.number(), name: z.string() }),
  roll: z.array(z.object({ personId: z.number(), name: z.string() })),
  meetingKinds: z.array(MeetingKindSchema),
  /** The quorum rule of the default kind of meeting (share of the roll that must be present), or null; each kind carries its own. */
  quorum: z.object({ kind: z.string(), share: z.number() }).nullable(),
  nextMeetings: z.array(
    z.object({ id: z.number(), kind: z.string(), startsAt: z.string(), title: z.string().nullable(), version: z.number() }),
  ),
  /**
   * Published directives some current member of the cell has neither acknowledged nor been briefed on,
   * titles only, for an in-person briefing recorded offline; empty unless the actor is the cell's
   * secretary or deputy (only they record briefings). Packs kept before this field lack it. `awaiting`:
   * those members (person ids), the ones a briefing may name; packs kept before it lack it.
   */
  directives: z.array(z.object({ id: z.number(), title: z.string(), awaiting: z.array(z.number()).optional() })),
  generatedAt: z.string(),
});
export type OfflinePack = z.infer<typeof OfflinePackSchema>;
