/** The SQL of assignments: the row as the API shows it, the board's page, the member's own list, row locks. */
import { sql, type Selectable } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { pathInScope } from '../../access/scope.ts';
import type { Db } from '../../db/database.ts';
import type { AssignmentsTable } from '../../db/types.ts';
import type { Assignment, AssignmentStatus, Scale } from '../../../shared/schemas/assignments.ts';
import { decodeCursor } from '../../http/pagination.ts';

export type AssignmentRow = Selectable<AssignmentsTable>;

/** An assignment row as the API shows it. */
export function toAssignment(r: AssignmentRow): Assignment {
  return {
    id: Number(r.id),
    cellId: Number(r.cell_id),
    personId: Number(r.person_id),
    title: r.title,
    description: r.description,
    doneWhen: r.done_when,
    dueOn: r.due_on,
    meetingDecisionId: r.decision_id === null ? null : Number(r.decision_id),
    status: r.status,
    percent: r.percent,
    givenOn: r.given_on,
    closedOn: r.closed_on,
    evaluation:
      r.score === null ? null : { score: r.score, comment: r.evaluation_comment, evaluatedOn: r.evaluated_on ?? r.closed_on ?? r.given_on },
  };
}

/** The evaluation scale (one settings row; 1 to 5 unless the centre changed it). */
export async function selectScale(db: Db): Promise<Scale> {
  const row = await db.selectFrom('assignment_scale').select(['min_score', 'max_score']).executeTakeFirst();
  return row ? { min: row.min_score, max: row.max_score } : { min: 1, max: 5 };
}

/** A cell's assignments with their assignees' names, soonest due first, one keyset page (limit + 1 rows). */
export function selectBoardPage(db: Db, cellId: number, q: { status?: AssignmentStatus; limit: number; cursor?: string }) {
  const after = decodeCursor(q.cursor);
  let query = db
    .selectFrom('assignments as a')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .selectAll('a')
    .select('p.full_name as assignee_name')
    .where('a.cell_id', '=', cellId);
  if (q.status) query = query.where('a.status', '=', q.status);
  if (after) query = query.where(sql<boolean>`(a.due_on, a.id) > (${after[0]}::date, ${after[1]}::bigint)`);
  return query
    .orderBy('a.due_on')
    .orderBy('a.id')
    .limit(q.limit + 1)
    .execute();
}

/** The person's assignments in every cell, open ones first, soonest due first. */
export function selectAssignmentsOf(db: Db, personId: number, openOnly: boolean, limit = 200) {
  let query = db
    .selectFrom('assignments as a')
    .innerJoin('units as u', 'u.id', 'a.cell_id')
    .selectAll('a')
    .select([
      'u.name as cell_name',
      sql<string | null>`(select r.note from assignment_reports r where r.cell_id = a.cell_id and r.assignment_id = a.id
        and r.note is not null order by r.id desc limit 1)`.as('last_note'),
    ])
    .where('a.person_id', '=', personId);
  if (openOnly) query = query.where('a.status', 'in', ['open', 'in_progress']);
  return query.orderBy(sql`a.status in ('open', 'in_progress')`, 'desc').orderBy('a.due_on').orderBy('a.id').limit(limit).execute();
}

/** The assignment `id` given to the actor, locked; undefined for anyone else's. */
export function lockOwnAssignment(db: Db, actor: Actor, id: number) {
  if (actor.personId === null) return Promise.resolve(undefined);
  return db
    .selectFrom('assignments')
    .selectAll()
    .where('id', '=', id)
    .where('person_id', '=', actor.personId)
    .forUpdate()
    .executeTakeFirst();
}

/** The assignment `id` of a cell the actor manages (its secretary, or an official above it), locked. */
export function lockManagedAssignment(db: Db, actor: Actor, id: number) {
  return db
    .selectFrom('assignments as a')
    .innerJoin('units as u', 'u.id', 'a.cell_id')
    .selectAll('a')
    .where('a.id', '=', id)
    .where(pathInScope(actor, 'u.path', 'manage'))
    .forUpdate('a')
    .executeTakeFirst();
}

/** The progress reports of an assignment, oldest first. */
export function selectReports(db: Db, cellId: number, assignmentId: number) {
  return db
    .selectFrom('assignment_reports')
    .select(['status', 'percent', 'note', 'reported_at'])
    .where('cell_id', '=', cellId)
    .where('assignment_id', '=', assignmentId)
    .orderBy('id')
    .execute();
}
