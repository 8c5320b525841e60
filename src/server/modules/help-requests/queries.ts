/** The SQL of requests for help: reading them with their answers, and the status history. */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import type { Db } from '../../db/database.ts';
import type { HelpRequestStatus, HelpRequestsTable } from '../../db/types.ts';
import type { HelpRequest } from '../../../shared/schemas/help-requests.ts';

export type RequestRow = Omit<HelpRequestsTable, 'id' | 'status' | 'asked_at' | 'updated_at'> & {
  id: number;
  status: HelpRequestStatus;
};

type ListedRow = RequestRow & {
  cell_name: string;
  asker_name: string;
  answers: Array<{ id: number; text: string | null; answeredAt: string; bySecretary: boolean; byName: string | null }>;
};

/** The cell's secretary: a secretary grant on the cell itself. Officials above never read the texts. */
export const isCellSecretary = (actor: Actor, cellId: number): boolean =>
  actor.grants.some((g) => g.role === 'secretary' && g.unitId !== null && Number(g.unitId) === Number(cellId));

/** The person is on the cell's roll today. */
export async function isOnRoll(db: Db, personId: number | null, cellId: number): Promise<boolean> {
  if (personId === null) return false;
  const row = await db
    .selectFrom('memberships')
    .select('person_id')
    .where('cell_id', '=', cellId)
    .where('person_id', '=', personId)
    .where('to_date', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** The request `id`, locked for a change when `lock`. */
export function findRequest(db: Db, id: number, lock = false) {
  let q = db
    .selectFrom('help_requests')
    .select(['cell_id', 'id', 'person_id', 'subject', 'text', 'visibility', 'status', 'asked_on', 'first_answered_on'])
    .where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst() as Promise<RequestRow | undefined>;
}

/** Requests with their cell, their asker and their answers (oldest first), newest request first. */
export async function selectRequests(db: Db, where: (r: string) => Expression<SqlBool>): Promise<ListedRow[]> {
  const rows = await db
    .selectFrom('help_requests as r')
    .innerJoin('units as u', 'u.id', 'r.cell_id')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .select([
      'r.cell_id',
      'r.id',
      'r.person_id',
      'r.subject',
      'r.text',
      'r.visibility',
      'r.status',
      sql<string>`to_char(r.asked_on, 'YYYY-MM-DD')`.as('asked_on'),
      sql<string | null>`to_char(r.first_answered_on, 'YYYY-MM-DD')`.as('first_answered_on'),
      'u.name as cell_name',
      'p.full_name as asker_name',
      sql<ListedRow['answers']>`coalesce((select json_agg(json_build_object('id', a.id, 'text', a.text, 'answeredAt', a.answered_at,
          'bySecretary', a.by_secretary, 'byName', ap.full_name) order by a.id)
        from help_answers a left join people ap on ap.id = a.person_id
        where a.cell_id = r.cell_id and a.request_id = r.id), '[]'::json)`.as('answers'),
    ])
    .where(where('r'))
    .orderBy('r.id', 'desc')
    .limit(500)
    .execute();
  return rows as unknown as ListedRow[];
}

export function toHelpRequest(r: ListedRow, actor: Actor): HelpRequest {
  const last = r.answers.at(-1);
  return {
    id: Number(r.id),
    cellId: Number(r.cell_id),
    cellName: r.cell_name,
    subject: r.subject,
    text: r.text,
    visibility: r.visibility,
    status: r.status,
    askedOn: r.asked_on,
    firstAnsweredOn: r.first_answered_on,
    askedBy: { id: Number(r.person_id), name: r.asker_name },
    mine: actor.personId !== null && Number(r.person_id) === actor.personId,
    answer: last ? last.text : null,
    answers: r.answers.map((a) => ({ ...a, id: Number(a.id), answeredAt: new Date(a.answeredAt).toISOString() })),
  };
}

/** Records a status in the request's history (what the month's counts read). */
export function addStep(db: Db, r: { cell_id: number; id: number }, status: HelpRequestStatus, onDay: string) {
  return db.insertInto('help_request_steps').values({ cell_id: r.cell_id, request_id: r.id, status, on_day: onDay }).execute();
}
