/** Meetings of a cell: scheduling, reading with the roll and decisions, listing, editing. */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { canManagePath } from '../../access/actor.ts';
import { rollFields } from '../../access/fields.ts';
import { requireCell } from '../../access/lookups.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { AppError, badRequest, conflict, notFound } from '../../errors.ts';
import type { CreateMeeting, Meeting } from '../../../shared/schemas/meetings.ts';
import { recordAudit } from '../audit/service.ts';
import { refreshFacts, type FactChange } from '../compliance/engine.ts';
import type { LockedMonth } from '../compliance/refresh.ts';
import * as q from './queries.ts';
import { hasStudyFields, saveStudySession } from '../education/sessions.ts';

async function meetsOn(db: Db, startsAt: string, timeZone: string): Promise<string> {
  const { rows } = await sql<{ d: string }>`select (${startsAt}::timestamptz at time zone ${timeZone})::date::text as d`.execute(db);
  return rows[0]!.d;
}

/** A kind new meetings may use. The share lock makes a retirement running meanwhile wait for this meeting, or this meeting see it. */
async function requireKind(db: Db, kind: string) {
  const row = await db.selectFrom('meeting_kinds').selectAll().where('code', '=', kind).forShare().executeTakeFirst();
  if (!row) throw badRequest('meetingKind.unknown', { params: { kind }, details: { field: 'kind' } });
  if (row.retired_at)
    throw badRequest('meeting.kindRetired', { params: { kind, nameEn: row.name_en, nameKo: row.name_ko }, details: { field: 'kind' } });
  return row;
}

export function createMeeting(db: Db, actor: Actor, cellId: number, input: CreateMeeting, timeZone: string): Promise<Meeting> {
  return inTransaction(db, async (trx) => {
    const cell = await requireCell(trx, actor, cellId, 'manage');
    if (cell.closed_on) throw conflict('cell.closed');
    await requireKind(trx, input.kind);
    const day = await meetsOn(trx, input.startsAt, timeZone);
    if (day < cell.opened_on) throw badRequest('meeting.cellNotOpen');
    let first: number | undefined;
    for (const startsAt of occurrences(input.startsAt, input.repeat)) {
      const row = await trx
        .insertInto('meetings')
        .values({
          cell_id: cell.id,
          kind: input.kind,
          title: input.title || null,
          starts_at: startsAt,
          meets_on: await meetsOn(trx, startsAt, timeZone),
          created_by: actor.accountId,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await replaceAgenda(trx, cell.id, row.id, input.agenda ?? []);
      if (hasStudyFields(input)) await saveStudySession(trx, row, input);
      await recordAudit(trx, actor, {
        action: 'meeting.create',
        entity: 'meeting',
        entityId: row.id,
        after: { ...row, agenda: input.agenda ?? [] },
      });
      first ??= row.id;
    }
    return getMeeting(trx, actor, first!);
  });
}

/** The start times of a one-off or recurring schedule (same wall time; months clamp to their last day). */
function occurrences(startsAt: string, repeat: CreateMeeting['repeat']): string[] {
  if (!repeat) return [startsAt];
  const base = new Date(startsAt);
  return Array.from({ length: repeat.count }, (_, i) => {
    const d = new Date(base);
    if (repeat.frequency === 'weekly') d.setUTCDate(d.getUTCDate() + 7 * i);
    else {
      const target = d.getUTCMonth() + i;
      d.setUTCDate(1);
      d.setUTCMonth(target);
      const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
      d.setUTCDate(Math.min(base.getUTCDate(), last));
    }
    return d.toISOString();
  });
}

async function replaceAgenda(db: Db, cellId: number, meetingId: number, items: string[]): Promise<void> {
  await db.deleteFrom('agenda_items').where('cell_id', '=', cellId).where('meeting_id', '=', meetingId).execute();
  if (items.length) {
    await db
      .insertInto('agenda_items')
      .values(items.map((title, position) => ({ cell_id: cellId, meeting_id: meetingId, position, title })))
      .execute();
  }
}

/** Reads a meeting for the response; a caller that has just written it may pass what it already holds. */
export async function getMeeting(db: Db, actor: Actor, id: number, known?: q.Known): Promise<Meeting> {
  const m = known?.meeting ?? (await q.selectMeetingInScope(db, actor, id));
  if (!m) throw notFound('meeting.notFound');
  const kind = { quorum: m.quorum };
  const { roll, saved } = known ?? (await q.selectRollAndAttendance(db, m.cell_id, m.id, m.meets_on));
  const { agenda, decisions, actions, openActions } = known?.details ?? (await q.selectMeetingDetails(db, m.cell_id, m.id, m.meets_on));
  const byPerson = new Map(saved.map((a) => [a.person_id, a]));
  // The roll as it stood that day, plus anyone recorded then who has since been removed from it.
  const entries = roll.map((r) => ({
    ...r,
    status: byPerson.get(r.personId)?.status ?? null,
    reason: byPerson.get(r.personId)?.reason ?? null,
  }));
  const present = saved.filter((a) => a.status === 'present').length;
  // Quorum: more than the rulebook's share of the roll (0.5 -> a majority), never more than the roll.
  const required = kind.quorum === null ? null : Math.min(roll.length, Math.floor(roll.length * kind.quorum) + 1);
  const strip = ({ decisionId: _d, ...a }: (typeof actions)[number]) => a;
  return {
    id: m.id,
    cellId: m.cell_id,
    kind: m.kind,
    title: m.title,
    startsAt: new Date(m.starts_at).toISOString(),
    meetsOn: m.meets_on,
    status: m.status,
    version: m.version,
    notHeldReason: m.not_held_reason,
    minutes: m.minutes,
    agenda,
    present,
    expected: saved.length,
    roll: rollFields(actor, m.path, entries),
    quorum: required === null ? null : { required, present, met: roll.length > 0 && present >= required },
    decisions: decisions.map((d) => ({ ...d, actions: actions.filter((a) => a.decisionId === d.id).map(strip) })),
    openActions: openActions.map(strip),
    canManage: canManagePath(actor, m.path),
  };
}

export async function listCellMeetings(db: Db, actor: Actor, cellId: number, query: { from?: string; to?: string; limit: number }) {
  const cell = await requireCell(db, actor, cellId, 'read');
  let qb = db.selectFrom('meetings').selectAll().where('cell_id', '=', cell.id);
  if (query.from) qb = qb.where('meets_on', '>=', query.from);
  if (query.to) qb = qb.where('meets_on', '<=', query.to);
  const rows = await qb.orderBy('starts_at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
  const counts = new Map(
    (
      await q.selectMeetingCounts(
        db,
        cell.id,
        rows.map((r) => r.id),
      )
    ).map((c) => [c.meeting_id, c]),
  );
  return {
    items: rows.map((m) => ({
      id: m.id,
      cellId: m.cell_id,
      kind: m.kind,
      title: m.title,
      startsAt: new Date(m.starts_at).toISOString(),
      meetsOn: m.meets_on,
      status: m.status,
      version: m.version,
      present: counts.get(m.id)?.present ?? 0,
      expected: counts.get(m.id)?.expected ?? 0,
    })),
  };
}

export function updateMeeting(
  db: Db,
  actor: Actor,
  id: number,
  input: { title?: string | null; startsAt?: string; minutes?: string | null; agenda?: string[]; version?: number },
  timeZone: string,
): Promise<Meeting> {
  return inTransaction(db, async (trx) => {
    const m = await lockMeeting(trx, actor, id, input.version);
    const set: Record<string, unknown> = {};
    if (input.title !== undefined) set.title = input.title || null;
    if (input.minutes !== undefined) set.minutes = input.minutes || null;
    if (input.startsAt !== undefined) {
      if (m.status !== 'scheduled') throw conflict('meeting.alreadyRecorded');
      set.starts_at = input.startsAt;
      set.meets_on = await meetsOn(trx, input.startsAt, timeZone);
    }
    if (input.agenda !== undefined) await replaceAgenda(trx, m.cell_id, id, input.agenda);
    if (Object.keys(set).length === 0 && input.agenda === undefined) return getMeeting(trx, actor, id);
    const after = await trx
      .updateTable('meetings')
      .set({ ...set, version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
      .where('cell_id', '=', m.cell_id)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'meeting.update',
      entity: 'meeting',
      entityId: id,
      before: m,
      after: { ...after, ...(input.agenda ? { agenda: input.agenda } : {}) },
    });
    return getMeeting(trx, actor, id);
  });
}

/** Locks a manageable meeting for a change, checking the client's version when it sent one. */
export async function lockMeeting(db: Db, actor: Actor, id: number, version: number | undefined) {
  const m = await q.selectMeetingInScope(db, actor, id, 'manage', true);
  if (!m) throw notFound('meeting.notFound');
  assertVersion(m, version);
  return m;
}

export function assertVersion(meeting: { version: number }, version: number | undefined): void {
  if (version !== undefined && version !== meeting.version) {
    throw new AppError('version_conflict', 'meeting.savedMeanwhile', { details: { currentVersion: meeting.version } });
  }
}

/** A meeting held on `day` was recorded (or not held): its facts, and any `more` the write changed, refresh the cell. */
export async function refreshMeetingPeriod(
  db: Db,
  cellId: number,
  day: string,
  more: FactChange[] = [],
  locked?: readonly LockedMonth[],
): Promise<void> {
  await refreshFacts(db, [cellId], [{ fact: 'meetings', on: day }, { fact: 'attendance', on: day }, ...more], undefined, locked);
}
