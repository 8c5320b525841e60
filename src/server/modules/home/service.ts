/**
 * What a home page needs that no other read gives: the next meetings across every cell the signed-in
 * person is on the roll of (a cell's own list is newest first and one cell at a time).
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import type { Db } from '../../db/database.ts';
import type { MyHome, MyMeetings } from '../../../shared/schemas/home.ts';
import { listMyAssignments } from '../assignments/service.ts';
import { listMyDirectives } from '../directives/deliveries.ts';
import { getMyLearningPlan } from '../education/service.ts';
import { getMyActions } from '../meetings/dashboard.ts';
import { listMyMentorships } from '../mentorships/service.ts';
import { listMyYouthGroups } from '../mentorships/youth-groups.ts';

export async function listMyNextMeetings(db: Db, actor: Actor, limit: number): Promise<MyMeetings> {
  // An account without a person is on no roll; its home has no meetings of its own.
  if (actor.personId === null) return { items: [] };
  const rows = await db
    .selectFrom('memberships as ms')
    .innerJoin('units as u', 'u.id', 'ms.cell_id')
    .innerJoin('meetings as m', 'm.cell_id', 'ms.cell_id')
    .select(['m.id', 'm.cell_id as cellId', 'u.name as cellName', 'm.kind', 'm.title', 'm.starts_at'])
    .where('ms.person_id', '=', actor.personId)
    .where('ms.to_date', 'is', null)
    .where('m.status', '=', 'scheduled')
    .where('m.starts_at', '>=', sql<Date>`now()`)
    .orderBy('m.starts_at')
    .orderBy('m.id')
    .limit(limit)
    .execute();
  return { items: rows.map(({ starts_at, ...m }) => ({ ...m, startsAt: new Date(starts_at).toISOString() })) };
}

/** How many next meetings the home page shows. */
const HOME_MEETINGS = 10;

/** The home page's data in one request: the reads run side by side, each the same as its own route's. */
export async function getMyHome(db: Db, actor: Actor): Promise<MyHome> {
  const [assignments, meetings, actions, directives, learningPlan, mentorships, youthGroups] = await Promise.all([
    listMyAssignments(db, actor, true),
    listMyNextMeetings(db, actor, HOME_MEETINGS),
    getMyActions(db, actor),
    listMyDirectives(db, actor),
    getMyLearningPlan(db, actor),
    listMyMentorships(db, actor),
    listMyYouthGroups(db, actor),
  ]);
  return {
    assignments: assignments.items,
    nextMeetings: meetings.items,
    actions: actions.items,
    directivesToAcknowledge: directives.items.filter((d) => d.status === 'published' && d.acknowledgedAt === null && d.briefedOn === null),
    learningPlan,
    mentorships: mentorships.items.filter((m) => m.endedOn === null),
    youthGroups: youthGroups.items,
  };
}
