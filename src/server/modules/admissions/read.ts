/**
 * Reading nominations: one with its sponsors, criteria, tasks, vote and timeline; a cell's; and those
 * awaiting the decision of a committee the reader manages. A nomination is personal data of the
 * nominee: it is read by those who read the cell's personal data (its secretary, officials above).
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { canManagePath, canSeePersonalPath } from '../../access/actor.ts';
import { requireCell } from '../../access/lookups.ts';
import type { Db } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import { decodeDayCursor, pageFrom } from '../../http/pagination.ts';
import type { Nomination, Sponsorship } from '../../../shared/schemas/admissions.ts';
import { OPEN_STATUSES } from '../../../shared/schemas/admissions.ts';
import { ERASED_NAME } from '../people/privacy.ts';
import { decidesFor } from './decide.ts';
import { criteriaFor } from './rules.ts';

const summaryQuery = (db: Db) =>
  db
    .selectFrom('nominations as n')
    .innerJoin('units as u', 'u.id', 'n.cell_id')
    .innerJoin('people as p', 'p.id', 'n.person_id')
    .select([
      'n.id',
      'n.cell_id',
      'u.name as cell_name',
      'n.kind',
      'n.person_id',
      'p.full_name',
      'n.status',
      'n.nominated_on',
      'n.voted_on',
      'n.decided_on',
    ]);
type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['execute']>>[number];
const toSummary = (r: SummaryRow) => ({
  id: Number(r.id),
  cellId: Number(r.cell_id),
  cellName: r.cell_name,
  kind: r.kind,
  personId: Number(r.person_id),
  fullName: r.full_name,
  status: r.status,
  nominatedOn: r.nominated_on,
  votedOn: r.voted_on,
  decidedOn: r.decided_on,
});

export async function listCellNominations(db: Db, actor: Actor, cellId: number, page: { limit: number; cursor?: string }) {
  const after = decodeDayCursor(page.cursor);
  const cell = await requireCell(db, actor, cellId, 'personal');
  let q = summaryQuery(db).where('n.cell_id', '=', cell.id);
  if (after) q = q.where(sql<boolean>`(n.nominated_on, n.id) < (${after[0]}::date, ${after[1]})`);
  const rows = await q
    .orderBy('n.nominated_on', 'desc')
    .orderBy('n.id', 'desc')
    .limit(page.limit + 1)
    .execute();
  const result = pageFrom(rows, page.limit, (r) => [r.nominated_on, Number(r.id)]);
  return { items: result.items.map(toSummary), nextCursor: result.nextCursor };
}

/** Nominations voted by their cell and awaiting a decision of a committee the reader manages above the cell, oldest vote first. */
export async function listAwaiting(db: Db, actor: Actor, page: { limit: number; cursor?: string }) {
  const after = decodeDayCursor(page.cursor);
  const roots = actor.all ? null : actor.managePaths;
  if (roots !== null && (roots.length === 0 || !actor.grants.some((g) => g.role === 'official'))) return { items: [], nextCursor: null };
  let q = summaryQuery(db).where('n.status', '=', 'voted');
  // Strictly below a managed path: a cell's own secretary never sees their cell's here.
  if (roots !== null) q = q.where(sql<boolean>`u.path <@ ${roots}::ltree[] and not (u.path = any(${roots}::ltree[]))`);
  if (after) q = q.where(sql<boolean>`(n.voted_on, n.id) > (${after[0]}::date, ${after[1]})`);
  const rows = await q
    .orderBy('n.voted_on')
    .orderBy('n.id')
    .limit(page.limit + 1)
    .execute();
  const result = pageFrom(rows, page.limit, (r) => [r.voted_on ?? '', Number(r.id)]);
  return { items: result.items.map(toSummary), nextCursor: result.nextCursor };
}

/** The open nominations the signed-in member sponsors, with their own recommendation, to write or rewrite it. */
export async function listMySponsorships(db: Db, actor: Actor): Promise<{ items: Sponsorship[] }> {
  if (actor.personId === null) return { items: [] };
  const rows = await db
    .selectFrom('nomination_sponsors as s')
    .innerJoin('nominations as n', (j) => j.onRef('n.cell_id', '=', 's.cell_id').onRef('n.id', '=', 's.nomination_id'))
    .innerJoin('units as u', 'u.id', 'n.cell_id')
    .innerJoin('people as p', 'p.id', 'n.person_id')
    .select(['n.id', 'n.cell_id', 'u.name', 'n.kind', 'p.full_name', 'n.status', 'n.nominated_on', 's.recommendation', 's.recommended_on'])
    .where('s.person_id', '=', actor.personId)
    .where('n.status', 'in', [...OPEN_STATUSES])
    .orderBy('n.nominated_on', 'desc')
    .orderBy('n.id', 'desc')
    .limit(100)
    .execute();
  return {
    items: rows.map((r) => ({
      nominationId: Number(r.id),
      cellId: Number(r.cell_id),
      cellName: r.name,
      kind: r.kind,
      nomineeName: r.full_name,
      status: r.status,
      nominatedOn: r.nominated_on,
      recommendation: r.recommendation,
      recommendedOn: r.recommended_on,
    })),
  };
}

/**
 * People on no roll whom the reader may nominate to the cell (the rule of `resolveNominee`): someone
 * who was once on a roll the reader manages, a young person of a youth group of such a cell, or someone
 * nominated there before; the centre may name anyone on no roll. By name, at most 20.
 */
export async function searchNominees(db: Db, actor: Actor, cellId: number, query: { q?: string }) {
  await requireCell(db, actor, cellId, 'manage');
  const name = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : '%';
  const eligible = sql`p.full_name ilike ${name} and p.full_name <> ${ERASED_NAME}
      and not exists (select 1 from memberships o where o.person_id = p.id and o.to_date is null)
      and not exists (select 1 from nominations o where o.person_id = p.id and o.status = any(${[...OPEN_STATUSES]}::text[]))`;
  type Row = { person_id: string; full_name: string; birth_year: number | null; from: string; youth: boolean };
  // The centre: anyone on no roll, by name, each with where they were last known. Everyone else: driven
  // from the cells they manage (their past rolls, youth groups, nominations), so a secretary's search
  // reads their own cell's rows, never the whole people table.
  const { rows } = actor.all
    ? await sql<Row>`
    select p.id as person_id, p.full_name, p.birth_year, k.from, k.youth
    from people p
    cross join lateral (
      (select u.name as from, false as youth from memberships ms join units u on u.id = ms.cell_id
        where ms.person_id = p.id order by ms.to_date desc nulls first limit 1)
      union all
      (select g.name as from, true as youth from youth_group_members ym join youth_groups g on g.cell_id = ym.cell_id and g.id = ym.group_id
        where ym.person_id = p.id limit 1)
      union all
      (select u.name as from, false as youth from nominations n join units u on u.id = n.cell_id
        where n.person_id = p.id order by n.nominated_on desc limit 1)
      limit 1) k
    where ${eligible}
    order by p.full_name, p.id
    limit 20`.execute(db)
    : await sql<Row>`
    with cells as (select id, name from units where kind = 'cell' and path <@ ${actor.managePaths}::ltree[]),
    known as (
      select ms.person_id, c.name as from, false as youth, ms.to_date as at
        from cells c join memberships ms on ms.cell_id = c.id where ms.to_date is not null
      union all
      select ym.person_id, g.name, true, ym.added_on
        from cells c join youth_group_members ym on ym.cell_id = c.id join youth_groups g on g.cell_id = ym.cell_id and g.id = ym.group_id
      union all
      select n.person_id, c.name, false, n.nominated_on from cells c join nominations n on n.cell_id = c.id)
    select distinct on (p.full_name, p.id) p.id as person_id, p.full_name, p.birth_year, k.from, k.youth
    from known k join people p on p.id = k.person_id
    where ${eligible}
    order by p.full_name, p.id, k.youth, k.at desc
    limit 20`.execute(db);
  return {
    items: rows.map((r) => ({
      personId: Number(r.person_id),
      fullName: r.full_name,
      birthYear: r.birth_year,
      from: r.from,
      youth: r.youth,
    })),
  };
}

export async function getNomination(db: Db, actor: Actor, id: number): Promise<Nomination> {
  const n = await summaryQuery(db)
    .select([
      sql<string>`u.path::text`.as('path'),
      'n.reason',
      'p.birth_year',
      'p.workplace',
      'n.training_from',
      'n.meeting_id',
      'n.votes_for',
      'n.votes_against',
      'n.votes_abstain',
      'n.present',
      'n.eligible',
      'n.quorum_met',
      'n.decision_reason',
      'n.withdrawn_on',
      'n.withdrawal_reason',
    ])
    .where('n.id', '=', id)
    .executeTakeFirst();
  if (!n || !canSeePersonalPath(actor, n.path)) throw notFound('nomination.notFound');
  const [sponsors, checks, criteria, tasks, events] = await Promise.all([
    db
      .selectFrom('nomination_sponsors as s')
      .innerJoin('people as p', 'p.id', 's.person_id')
      .select(['s.person_id', 'p.full_name', 's.recommendation', 's.recommended_on'])
      .where('s.cell_id', '=', n.cell_id)
      .where('s.nomination_id', '=', n.id)
      .orderBy('p.full_name')
      .execute(),
    db
      .selectFrom('nomination_checks')
      .select(['criterion_id', 'note', 'checked_on'])
      .where('cell_id', '=', n.cell_id)
      .where('nomination_id', '=', n.id)
      .execute(),
    criteriaFor(db, n.path),
    db
      .selectFrom('nomination_tasks')
      .select(['id', 'title', 'due_on', 'done_on'])
      .where('cell_id', '=', n.cell_id)
      .where('nomination_id', '=', n.id)
      .orderBy('due_on')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('nomination_events as e')
      .leftJoin('accounts as a', 'a.id', 'e.account_id')
      .leftJoin('people as ap', 'ap.id', 'a.person_id')
      .select(['e.at', 'e.step', 'e.detail', sql<string | null>`coalesce(ap.full_name, a.login)`.as('by')])
      .where('e.cell_id', '=', n.cell_id)
      .where('e.nomination_id', '=', n.id)
      .orderBy('e.id')
      .execute(),
  ]);
  const checkOf = new Map(checks.map((c) => [Number(c.criterion_id), c]));
  return {
    id: Number(n.id),
    cellId: Number(n.cell_id),
    cellName: n.cell_name,
    kind: n.kind,
    personId: Number(n.person_id),
    fullName: n.full_name,
    status: n.status,
    nominatedOn: n.nominated_on,
    votedOn: n.voted_on,
    decidedOn: n.decided_on,
    reason: n.reason,
    person: { birthYear: n.birth_year, workplace: n.workplace },
    sponsors: sponsors.map((s) => ({
      personId: Number(s.person_id),
      fullName: s.full_name,
      recommendation: s.recommendation,
      recommendedOn: s.recommended_on,
    })),
    criteria: criteria.map((c) => ({
      id: Number(c.id),
      title: c.title,
      unitId: c.unit_id === null ? null : Number(c.unit_id),
      checkedOn: checkOf.get(Number(c.id))?.checked_on ?? null,
      note: checkOf.get(Number(c.id))?.note ?? null,
    })),
    tasks: tasks.map((t) => ({ id: Number(t.id), title: t.title, dueOn: t.due_on, doneOn: t.done_on })),
    trainingFrom: n.training_from,
    vote:
      n.meeting_id === null
        ? null
        : {
            meetingId: Number(n.meeting_id),
            for: n.votes_for ?? 0,
            against: n.votes_against ?? 0,
            abstain: n.votes_abstain ?? 0,
            present: n.present ?? 0,
            eligible: n.eligible ?? 0,
            quorumMet: n.quorum_met ?? false,
            passed: n.status !== 'not_passed',
          },
    decisionReason: n.decision_reason,
    withdrawnOn: n.withdrawn_on,
    withdrawalReason: n.withdrawal_reason,
    timeline: events.map((e) => ({
      at: new Date(e.at).toISOString(),
      step: e.step,
      by: e.by,
      detail: (e.detail as Record<string, unknown> | null) ?? null,
    })),
    canManage: canManagePath(actor, n.path),
    canDecide: n.status === 'voted' && decidesFor(actor, n.path),
  };
}
