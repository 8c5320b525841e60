/**
 * Study sessions on themes: the themes a `study` meeting covers (meeting_themes, keyed cell first like
 * the meeting) and how it is held (study_sessions: collective or one-to-one; before work, during the
 * review of work or on its own). Set when the meeting is created (`POST /cells/{id}/meetings` with
 * `themeIds`) or later by whoever manages the meeting's cell: its secretary, or a committee above it,
 * which schedules sessions for its cells through the same meetings route. Attending (present) at the
 * held meeting completes its themes (the `education_completions` view), so a corrected roll corrects it.
 */
import type { Actor } from '../../access/actor.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { badRequest, notFound } from '../../errors.ts';
import type { SetMeetingThemes } from '../../../shared/schemas/education.ts';
import { recordAudit } from '../audit/service.ts';
import { refreshFacts } from '../compliance/engine.ts';
import { selectMeetingInScope } from '../meetings/queries.ts';
import { checkThemes } from './queries.ts';

export const STUDY_KIND = 'study';
type MeetingRef = { cell_id: number; id: number; kind: string; meets_on: string; status: string };

/** Refuses unknown or retired themes with a 400 naming them. */
export async function requireLiveThemes(db: Db, ids: number[], path: string): Promise<void> {
  const { unknown, retired } = await checkThemes(db, ids);
  if (unknown.length)
    throw badRequest('education.themesNotFound', { params: { ids: unknown.join(', ') }, details: [{ path, message: 'No such theme' }] });
  if (retired.length)
    throw badRequest('education.themesRetired', { params: { ids: retired.join(', ') }, details: [{ path, message: 'Retired theme' }] });
}

/** Whether a create or an update carries study-session fields at all. */
export const hasStudyFields = (input: Partial<SetMeetingThemes>) =>
  input.themeIds !== undefined || input.format !== undefined || input.timing !== undefined;

/**
 * Writes a study meeting's themes (the whole set) and its format and timing, inside the caller's
 * transaction; a held meeting's education figures are refreshed. Anything but a study meeting is a 400.
 */
export async function saveStudySession(trx: Db, meeting: MeetingRef, input: Partial<SetMeetingThemes>): Promise<void> {
  if (meeting.kind !== STUDY_KIND) throw badRequest('education.notStudyMeeting');
  const key = { cell_id: meeting.cell_id, meeting_id: meeting.id };
  if (input.themeIds !== undefined) {
    const ids = [...new Set(input.themeIds)];
    await requireLiveThemes(trx, ids, 'body.themeIds');
    await trx.deleteFrom('meeting_themes').where('cell_id', '=', key.cell_id).where('meeting_id', '=', key.meeting_id).execute();
    if (ids.length)
      await trx
        .insertInto('meeting_themes')
        .values(ids.map((theme_id) => ({ ...key, theme_id })))
        .execute();
  }
  if (input.format !== undefined || input.timing !== undefined) {
    const set = { ...(input.format ? { format: input.format } : {}), ...(input.timing ? { timing: input.timing } : {}) };
    await trx
      .insertInto('study_sessions')
      .values({ ...key, format: input.format ?? 'collective', timing: input.timing ?? 'standalone' })
      .onConflict((oc) => oc.columns(['cell_id', 'meeting_id']).doUpdateSet(set))
      .execute();
  }
  if (meeting.status === 'held') await refreshFacts(trx, [meeting.cell_id], [{ fact: 'meeting_themes', on: meeting.meets_on }]);
}

export async function getMeetingThemes(db: Db, actor: Actor, meetingId: number) {
  const meeting = await selectMeetingInScope(db, actor, meetingId);
  if (!meeting) throw notFound('meeting.notFound');
  const [themes, session] = await Promise.all([
    db
      .selectFrom('meeting_themes as mt')
      .innerJoin('programme_themes as t', 't.id', 'mt.theme_id')
      .select(['t.id', 't.title', 't.title_ko as titleKo'])
      .where('mt.cell_id', '=', meeting.cell_id)
      .where('mt.meeting_id', '=', meeting.id)
      .orderBy('t.programme_id')
      .orderBy('t.position')
      .execute(),
    db
      .selectFrom('study_sessions')
      .select(['format', 'timing'])
      .where('cell_id', '=', meeting.cell_id)
      .where('meeting_id', '=', meeting.id)
      .executeTakeFirst(),
  ]);
  return { themes, format: session?.format ?? null, timing: session?.timing ?? null };
}

/** Replaces a study meeting's themes (and format, timing) in a cell the actor manages. */
export function setMeetingThemes(db: Db, actor: Actor, meetingId: number, input: SetMeetingThemes) {
  return inTransaction(db, async (trx) => {
    const meeting = await selectMeetingInScope(trx, actor, meetingId, 'manage', true);
    if (!meeting) throw notFound('meeting.notFound');
    await saveStudySession(trx, meeting, input);
    await recordAudit(trx, actor, { action: 'meeting.themes', entity: 'meeting', entityId: meeting.id, after: input });
    return getMeetingThemes(trx, actor, meeting.id);
  });
}
