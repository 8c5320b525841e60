/** The SQL of visits: a visit with its cell's path, the rows as the API shows them, the lists' pages. */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { pathInScope } from '../../access/scope.ts';
import type { Db } from '../../db/database.ts';
import { decodeDayCursor } from '../../http/pagination.ts';
import type { Problem, VisitSummary } from '../../../shared/schemas/visits.ts';
import { todayIso } from '../compliance/periods.ts';
import { mayReassignProblem, mayUpdateProblem } from './access.ts';

/** A visit with what its access rules need: its cell's path and name, the path of the committee it was planned from. */
export function visitQuery(db: Db) {
  return db
    .selectFrom('visits as v')
    .innerJoin('units as u', 'u.id', 'v.cell_id')
    .leftJoin('units as ou', 'ou.id', 'v.official_unit_id')
    .selectAll('v')
    .select([
      sql<string>`u.path::text`.as('path'),
      'u.name as cell_name',
      'u.member_count',
      'u.opened_on',
      sql<string | null>`ou.path::text`.as('official_path'),
    ]);
}
export type VisitRow = NonNullable<Awaited<ReturnType<ReturnType<typeof visitQuery>['executeTakeFirst']>>>;

/** The visit `id`, locked for a change when `lock`. */
export function findVisit(db: Db, id: number, lock = false) {
  const q = visitQuery(db).where('v.id', '=', id);
  return (lock ? q.forUpdate('v') : q).executeTakeFirst();
}

/** The list's columns: the visit, its cell, its official's name, its problems still open. */
export function summaryQuery(db: Db) {
  return db
    .selectFrom('visits as v')
    .innerJoin('units as u', 'u.id', 'v.cell_id')
    .leftJoin('accounts as a', 'a.id', 'v.planned_by')
    .leftJoin('people as op', 'op.id', 'v.planned_by_person')
    .select([
      'v.id',
      'v.cell_id',
      'u.name as cell_name',
      'v.status',
      'v.planned_on',
      'v.held_on',
      'v.purpose',
      sql<string | null>`coalesce(op.full_name, a.login)`.as('official_name'),
      sql<number>`(select count(*)::int from visit_problems p where p.cell_id = v.cell_id and p.visit_id = v.id
        and p.status in ('open', 'in_progress'))`.as('open_problems'),
      sql<string>`coalesce(v.held_on, v.planned_on)::text`.as('day'),
    ]);
}

export function toSummary(r: Awaited<ReturnType<ReturnType<typeof summaryQuery>['execute']>>[number]): VisitSummary {
  return {
    id: Number(r.id),
    cellId: Number(r.cell_id),
    cellName: r.cell_name,
    status: r.status,
    plannedOn: r.planned_on,
    heldOn: r.held_on,
    purpose: r.purpose,
    officialName: r.official_name,
    openProblems: Number(r.open_problems),
  };
}

/** One keyset page of visits newest first by their day (held, else planned), under the filter. */
export function selectVisitPage(
  db: Db,
  actor: Actor,
  filter: { path?: string; plannedBy?: number; status?: string; period?: string },
  limit: number,
  cursor?: string,
) {
  const after = decodeDayCursor(cursor);
  // Only cells whose personal data the reader sees: an official's own visits leave the list with their grant.
  let q = summaryQuery(db).where(pathInScope(actor, 'u.path', 'personal'));
  if (filter.path !== undefined) q = q.where(sql<boolean>`u.path <@ ${filter.path}::ltree`);
  if (filter.plannedBy !== undefined) q = q.where('v.planned_by', '=', filter.plannedBy);
  if (filter.status) q = q.where('v.status', '=', filter.status as 'planned');
  if (filter.period) {
    const from = `${filter.period}-01`;
    q = q.where(sql<boolean>`coalesce(v.held_on, v.planned_on) >= ${from}::date
      and coalesce(v.held_on, v.planned_on) < (${from}::date + interval '1 month')::date`);
  }
  if (after) q = q.where(sql<boolean>`(coalesce(v.held_on, v.planned_on), v.id) < (${after[0]}::date, ${after[1]}::bigint)`);
  return q
    .orderBy(sql`coalesce(v.held_on, v.planned_on)`, 'desc')
    .orderBy('v.id', 'desc')
    .limit(limit + 1)
    .execute();
}

/** Problems with their cell's path and name and their owner's name. */
export function problemQuery(db: Db) {
  return db
    .selectFrom('visit_problems as p')
    .innerJoin('units as u', 'u.id', 'p.cell_id')
    .leftJoin('people as o', 'o.id', 'p.owner_person_id')
    .selectAll('p')
    .select([sql<string>`u.path::text`.as('path'), 'u.name as cell_name', 'o.full_name as owner_name']);
}
export type ProblemRow = Awaited<ReturnType<ReturnType<typeof problemQuery>['execute']>>[number];

export function toProblem(actor: Actor, r: ProblemRow, today = todayIso()): Problem {
  const open = r.status === 'open' || r.status === 'in_progress';
  return {
    id: Number(r.id),
    visitId: Number(r.visit_id),
    cellId: Number(r.cell_id),
    cellName: r.cell_name,
    title: r.title,
    detail: r.detail,
    owner: r.owner_person_id === null ? null : { id: Number(r.owner_person_id), fullName: r.owner_name ?? '' },
    dueOn: r.due_on,
    overdue: open && r.due_on < today,
    status: r.status,
    resolution: r.resolution,
    raisedOn: r.raised_on,
    closedOn: r.closed_on,
    canUpdate: mayUpdateProblem(actor, r),
    canReassign: mayReassignProblem(actor, r),
  };
}

/** The cell's current secretary (a person), the default owner of a problem raised at a visit. */
export async function cellSecretary(db: Db, cellId: number): Promise<number | null> {
  const row = await db
    .selectFrom('memberships')
    .select('person_id')
    .where('cell_id', '=', cellId)
    .where('role', '=', 'secretary')
    .where('to_date', 'is', null)
    .orderBy('from_date', 'desc')
    .executeTakeFirst();
  return row ? Number(row.person_id) : null;
}

/** Whether the person is on the cell's roll today. */
export async function onRoll(db: Db, cellId: number, personId: number): Promise<boolean> {
  const row = await db
    .selectFrom('memberships')
    .select('person_id')
    .where('cell_id', '=', cellId)
    .where('person_id', '=', personId)
    .where('to_date', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** How many were on the cell's roll on a day (from_date <= day < to_date): the most an official can have met then. */
export async function rollSizeOn(db: Db, cellId: number, day: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from memberships ms
    where ms.cell_id = ${cellId} and ms.from_date <= ${day}::date and (ms.to_date is null or ms.to_date > ${day}::date)`.execute(db);
  return rows[0]?.n ?? 0;
}

/** The cell's last held visit, after a report changed its day. */
export async function resetLastVisited(db: Db, cellId: number): Promise<void> {
  await sql`update units set last_visited_on = (select max(held_on) from visits where cell_id = ${cellId} and status = 'held')
    where id = ${cellId}`.execute(db);
}
