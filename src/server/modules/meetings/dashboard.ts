/** The secretary's view of a cell: this month's standards and what is missing, people to follow up, meetings, actions. */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { followUpsVisible } from '../../access/fields.ts';
import { mayManage } from '../../access/policies.ts';
import type { Db } from '../../db/database.ts';
import type { CellDashboard } from '../../../shared/schemas/meetings.ts';
import { ensurePeriod } from '../compliance/engine.ts';
import type { Period } from '../compliance/periods.ts';
import { verdictDetail, verdictFigures } from '../compliance/evaluate.ts';
import { inForce, standardsInForce } from '../compliance/standards.ts';
import { selectActions, selectMeetingCounts } from './queries.ts';
import { requireCell, type ScopedCell } from '../../access/lookups.ts';

/** How a cell found in scope stands against each standard in force in the month. */
export async function cellStandards(db: Db, cell: ScopedCell, period: Period) {
  await ensurePeriod(db, period);
  const [standards, rows] = await Promise.all([
    standardsInForce(db, period),
    db
      .selectFrom('cell_compliance as c')
      .innerJoin('standards as s', (j) => j.onRef('s.code', '=', 'c.standard_code').on(inForce('s', period)))
      .select(['c.standard_code', 'c.meets', ...verdictFigures('c', 's')])
      .where('c.cell_id', '=', cell.id)
      .where('c.period', '=', period)
      .execute(),
  ]);
  return standards.flatMap((s) => {
    const r = rows.find((x) => x.standard_code === s.code);
    return r ? [{ code: s.code, title: s.title, titleKo: s.titleKo, meets: r.meets, detail: verdictDetail(r) }] : [];
  });
}

export async function getCellDashboard(db: Db, actor: Actor, cellId: number, period: Period): Promise<CellDashboard> {
  const cell = await requireCell(db, actor, cellId, 'read');
  const [standards, followUps, next, recent, openActions] = await Promise.all([
    cellStandards(db, cell, period),
    db
      .selectFrom('follow_ups as f')
      .innerJoin('people as p', 'p.id', 'f.person_id')
      .select(['f.id', 'f.person_id as personId', 'p.full_name as fullName', 'f.reason', 'f.created_on as createdOn'])
      .where('f.cell_id', '=', cell.id)
      .where('f.resolved_on', 'is', null)
      .where(followUpsVisible(actor, cell.path, 'f.person_id'))
      .orderBy('f.created_on')
      .execute(),
    db
      .selectFrom('meetings')
      .select(['id', 'kind', 'title', 'starts_at', 'status'])
      .where('cell_id', '=', cell.id)
      .where('starts_at', '>=', sql<Date>`now()`)
      .where('status', '=', 'scheduled')
      .orderBy('starts_at')
      .limit(5)
      .execute(),
    db
      .selectFrom('meetings')
      .select(['id', 'kind', 'title', 'starts_at', 'status'])
      .where('cell_id', '=', cell.id)
      .where('starts_at', '<', sql<Date>`now()`)
      .orderBy('starts_at', 'desc')
      .limit(5)
      .execute(),
    selectActions(db, cell.id, { open: true }),
  ]);
  const counts = new Map(
    (
      await selectMeetingCounts(
        db,
        cell.id,
        recent.map((m) => m.id),
      )
    ).map((c) => [c.meeting_id, c]),
  );
  const iso = (d: Date | string) => new Date(d).toISOString();
  return {
    cell: { id: cell.id, name: cell.name, kind: cell.kind },
    period: period.slice(0, 7),
    standards,
    followUps,
    nextMeetings: next.map((m) => ({ id: m.id, kind: m.kind, title: m.title, startsAt: iso(m.starts_at), status: m.status })),
    recentMeetings: recent.map((m) => ({
      id: m.id,
      kind: m.kind,
      title: m.title,
      startsAt: iso(m.starts_at),
      status: m.status,
      present: counts.get(m.id)?.present ?? 0,
      expected: counts.get(m.id)?.expected ?? 0,
    })),
    openActions: openActions.map(({ decisionId: _d, ...a }) => a),
    canManage: mayManage(actor, cell),
  };
}

/** Open actions owned by the signed-in person, across their cells: for their home page. */
export async function getMyActions(db: Db, actor: Actor) {
  if (actor.personId === null) return { items: [] };
  const rows = await db
    .selectFrom('decision_actions as a')
    .innerJoin('decisions as d', (j) => j.onRef('d.cell_id', '=', 'a.cell_id').onRef('d.id', '=', 'a.decision_id'))
    .innerJoin('units as u', 'u.id', 'a.cell_id')
    .innerJoin('people as p', 'p.id', 'a.owner_person_id')
    .select([
      'a.id',
      'a.title',
      'a.owner_person_id as ownerPersonId',
      'p.full_name as ownerName',
      'a.due_on as dueOn',
      'a.status',
      'a.closed_on as closedOn',
      'a.cell_id as cellId',
      'u.name as cellName',
      'd.meeting_id as meetingId',
    ])
    .where('a.owner_person_id', '=', actor.personId)
    .where('a.status', '=', 'open')
    .orderBy('a.due_on')
    .limit(200)
    .execute();
  return { items: rows };
}
