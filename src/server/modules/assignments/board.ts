/**
 * The secretary's assignment board of a cell: every assignment with its assignee, status, progress,
 * due day and evaluation, paged and filtered by status, and the same as CSV; one assignment with its
 * progress reports; the evaluation scale. Evaluations are personal data: the board is for those who
 * read the cell's people's personal data (its secretary, officials above it), never its members.
 */
import { stringify } from 'csv-stringify/sync';
import type { Actor } from '../../access/actor.ts';
import { requireCell } from '../../access/lookups.ts';
import { requireCentralAdministrator } from '../../access/policies.ts';
import { seesPersonalDataIn } from '../../access/fields.ts';
import type { Db } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import { pageFrom } from '../../http/pagination.ts';
import type { AssignmentStatus, BoardQuery, Scale } from '../../../shared/schemas/assignments.ts';
import { recordAudit } from '../audit/service.ts';
import * as q from './queries.ts';

export async function getBoard(db: Db, actor: Actor, cellId: number, query: BoardQuery) {
  const cell = await requireCell(db, actor, cellId, 'personal');
  const [rows, scale] = await Promise.all([q.selectBoardPage(db, cell.id, query), q.selectScale(db)]);
  const page = pageFrom(rows, query.limit, (r) => [r.due_on, Number(r.id)]);
  return { ...page, items: page.items.map((r) => ({ ...q.toAssignment(r), assigneeName: r.assignee_name })), scale };
}

const CSV_PAGE = 1000;

/** The whole board (or one status of it) as CSV, read a page at a time. */
export async function boardCsv(db: Db, actor: Actor, cellId: number, status?: AssignmentStatus): Promise<string> {
  const cell = await requireCell(db, actor, cellId, 'personal');
  const lines: string[] = [
    `\uFEFF${stringify([['id', 'person_id', 'assignee', 'title', 'due_on', 'status', 'percent', 'closed_on', 'score', 'comment']])}`,
  ];
  let cursor: string | undefined;
  do {
    const rows = await q.selectBoardPage(db, cell.id, { status, limit: CSV_PAGE, cursor });
    const page = pageFrom(rows, CSV_PAGE, (r) => [r.due_on, Number(r.id)]);
    lines.push(
      stringify(
        page.items.map((r) => [
          r.id,
          r.person_id,
          r.assignee_name,
          r.title,
          r.due_on,
          r.status,
          r.percent,
          r.closed_on,
          r.score,
          r.evaluation_comment,
        ]),
      ),
    );
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return lines.join('');
}

/** One assignment with its progress reports: for its assignee and for personal readers of its cell. */
export async function getAssignment(db: Db, actor: Actor, id: number) {
  const row = await db
    .selectFrom('assignments as a')
    .innerJoin('units as u', 'u.id', 'a.cell_id')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .selectAll('a')
    .select(['u.path', 'p.full_name as assignee_name'])
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!row || !(row.person_id === actor.personId || seesPersonalDataIn(actor, String(row.path)))) throw notFound('assignment.notFound');
  const reports = await q.selectReports(db, row.cell_id, row.id);
  return {
    ...q.toAssignment(row),
    assigneeName: row.assignee_name,
    reports: reports.map((r) => ({ ...r, reportedAt: new Date(r.reported_at).toISOString() })),
  };
}

export const getScale = (db: Db): Promise<Scale> => q.selectScale(db);

/** The centre sets the evaluation scale; evaluations already given keep their scores. */
export async function setScale(db: Db, actor: Actor, scale: Scale): Promise<Scale> {
  requireCentralAdministrator(actor);
  const before = await q.selectScale(db);
  await db
    .insertInto('assignment_scale')
    .values({ id: true, min_score: scale.min, max_score: scale.max })
    .onConflict((oc) => oc.column('id').doUpdateSet({ min_score: scale.min, max_score: scale.max }))
    .execute();
  await recordAudit(db, actor, {
    action: 'assignment.scale',
    entity: 'assignment_scale',
    entityId: null,
    unitId: null,
    before,
    after: scale,
  });
  return scale;
}
