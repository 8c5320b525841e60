/**
 * What a device keeps to record a cell's meetings offline: the roll today (names and ids, never contact
 * details), the kinds of meeting with their quorum rules, the meetings scheduled and not yet recorded, and
 * the directives awaiting an in-person briefing (titles).
 */
import type { Actor } from '../../access/actor.ts';
import { requireCell } from '../../access/lookups.ts';
import type { Db } from '../../db/database.ts';
import type { OfflinePack } from '../../../shared/schemas/sync.ts';
import { addDays, todayIso } from '../compliance/periods.ts';
import { listMeetingKinds } from '../meetings/kinds.ts';
import { selectRoll } from '../meetings/queries.ts';
import { directivesAwaitingBriefing } from './pack-directives.ts';

/** The kind whose quorum rule the rulebook writes for a cell's ordinary meetings. */
const DEFAULT_KIND = 'general';
/** A scheduled meeting this many days past may still be recorded offline (the cell met, the device was away). */
const PAST_DAYS = 31;
const NEXT_MEETINGS = 20;

export async function getOfflinePack(db: Db, actor: Actor, cellId: number): Promise<OfflinePack> {
  // Whoever may record the cell's attendance may take it offline; anyone else gets the same 404 as online.
  const cell = await requireCell(db, actor, cellId, 'manage');
  const today = todayIso();
  const [roll, kinds, next, directives] = await Promise.all([
    selectRoll(db, cell.id, today),
    listMeetingKinds(db),
    db
      .selectFrom('meetings')
      .select(['id', 'kind', 'starts_at', 'title', 'version'])
      .where('cell_id', '=', cell.id)
      .where('status', '=', 'scheduled')
      .where('meets_on', '>=', addDays(today, -PAST_DAYS))
      .orderBy('starts_at')
      .orderBy('id')
      .limit(NEXT_MEETINGS)
      .execute(),
    directivesAwaitingBriefing(db, actor, cell.id),
  ]);
  const active = kinds.items.filter((k) => !k.retired);
  const rule = active.find((k) => k.code === DEFAULT_KIND) ?? active[0];
  return {
    cell: { id: cell.id, name: cell.name },
    roll: roll.map((r) => ({ personId: Number(r.personId), name: r.fullName })),
    meetingKinds: active,
    quorum: rule && rule.quorum !== null ? { kind: rule.code, share: rule.quorum } : null,
    nextMeetings: next.map((m) => ({
      id: Number(m.id),
      kind: m.kind,
      startsAt: new Date(m.starts_at).toISOString(),
      title: m.title,
      version: m.version,
    })),
    directives,
    generatedAt: new Date().toISOString(),
  };
}
