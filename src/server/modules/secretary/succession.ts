/**
 * Training and succession (decision 0027): the courses the cell's secretary and deputies took (the
 * education module's enrolment register, completed ones) and the secretary-training programmes with
 * their themes completed; the deputies shown as successors; and for a committee the cells of its subtree
 * where neither the secretary nor a deputy is trained (`secretary_trained()` in the migration).
 */
import { sql } from 'kysely';
import { canSeePersonalPath, type Actor } from '../../access/actor.ts';
import { findUnitInScope, requireCell } from '../../access/lookups.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { badRequest, forbidden, notFound } from '../../errors.ts';
import type { Succession, TrainingGaps } from '../../../shared/schemas/secretary.ts';
import { requireCentralAdministrator } from '../../access/policies.ts';
import { recordAudit } from '../audit/service.ts';

async function officerTraining(db: Db, person: { id: number; full_name: string }) {
  const id = Number(person.id);
  const [trained, courses, programmes] = await Promise.all([
    sql<{ t: boolean }>`select secretary_trained(${id}) as t`.execute(db),
    db
      .selectFrom('enrolments')
      .select(['course', 'institution', sql<string | null>`expected_end_on::text`.as('endedOn')])
      .where('person_id', '=', id)
      .where('status', '=', 'completed')
      .orderBy('starts_on')
      .orderBy('id')
      .execute(),
    sql<{ id: number; title: string; title_ko: string | null; done: number; of: number }>`
      select pr.id, pr.title, pr.title_ko,
        (select count(*)::int from programme_themes t where t.programme_id = pr.id and t.retired_at is null
          and exists (select 1 from education_completions c where c.person_id = ${id} and c.theme_id = t.id)) as done,
        (select count(*)::int from programme_themes t where t.programme_id = pr.id and t.retired_at is null) as of
      from programmes pr where pr.secretary_training order by pr.title, pr.id`.execute(db),
  ]);
  return {
    personId: id,
    fullName: person.full_name,
    trained: trained.rows[0]?.t === true,
    courses,
    programmes: programmes.rows.map((p) => ({ id: Number(p.id), title: p.title, titleKo: p.title_ko, done: p.done, of: p.of })),
  };
}

/** The cell's secretary and deputies with their training: for those who read the cell's personal data. */
export async function getSuccession(db: Db, actor: Actor, cellId: number): Promise<Succession> {
  const cell = await requireCell(db, actor, cellId, 'read');
  if (!canSeePersonalPath(actor, cell.path)) throw forbidden('secretarySuccession.forOfficers');
  const officers = await db
    .selectFrom('memberships as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select(['p.id', 'p.full_name', 'm.role'])
    .where('m.cell_id', '=', cell.id)
    .where('m.to_date', 'is', null)
    .where('m.role', 'in', ['secretary', 'deputy_secretary'])
    .orderBy('m.from_date')
    .orderBy('p.id')
    .execute();
  const secretary = officers.find((o) => o.role === 'secretary');
  return {
    cellId: cell.id,
    secretary: secretary ? await officerTraining(db, secretary) : null,
    deputies: await Promise.all(officers.filter((o) => o.role === 'deputy_secretary').map((o) => officerTraining(db, o))),
  };
}

const encodeCursor = (name: string, id: number) => Buffer.from(JSON.stringify([name, id])).toString('base64url');
function decodeCursor(cursor: string): [string, number] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && typeof v[0] === 'string' && Number.isSafeInteger(v[1])) return [v[0], v[1]];
  } catch {}
  throw badRequest('request.badCursor');
}

/** The open cells of the unit's subtree without a trained secretary or deputy, by name, a page at a time. */
export async function getTrainingGaps(
  db: Db,
  actor: Actor,
  unitId: number,
  page: { limit: number; cursor?: string },
): Promise<TrainingGaps> {
  const unit = await findUnitInScope(db, actor, unitId, 'read');
  if (!unit) throw notFound('unit.notFound');
  if (!canSeePersonalPath(actor, unit.path)) throw forbidden('secretarySuccession.forOfficers');
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  const { rows } = await sql<{
    id: number;
    name: string;
    secretary: string | null;
    secretary_trained: boolean;
    deputy: string | null;
    deputy_trained: boolean;
  }>`
    select u.id, u.name, s.full_name as secretary, coalesce(s.trained, false) as secretary_trained,
      d.full_name as deputy, coalesce(d.trained, false) as deputy_trained
    from units u
    left join lateral (select p.full_name, secretary_trained(p.id) as trained from memberships m join people p on p.id = m.person_id
      where m.cell_id = u.id and m.to_date is null and m.role = 'secretary') s on true
    left join lateral (select p.full_name, secretary_trained(p.id) as trained from memberships m join people p on p.id = m.person_id
      where m.cell_id = u.id and m.to_date is null and m.role = 'deputy_secretary'
      order by secretary_trained(p.id) desc, m.from_date, p.id limit 1) d on true
    where u.path <@ ${unit.path}::ltree and u.kind = 'cell' and u.closed_on is null
      and not coalesce(s.trained, false) and not coalesce(d.trained, false)
      ${after ? sql`and (u.name, u.id) > (${after[0]}, ${after[1]}::bigint)` : sql``}
    order by u.name, u.id
    limit ${page.limit + 1}`.execute(db);
  const items = rows.slice(0, page.limit).map((r) => ({
    cellId: Number(r.id),
    cellName: r.name,
    secretary: r.secretary,
    secretaryTrained: r.secretary_trained,
    deputy: r.deputy,
    deputyTrained: r.deputy_trained,
  }));
  const last = items.at(-1);
  const children =
    unit.kind === 'cell'
      ? []
      : await db
          .selectFrom('units')
          .select(['id', 'name'])
          .where('parent_id', '=', unit.id)
          .where('kind', '=', 'committee')
          .where('closed_on', 'is', null)
          .orderBy('name')
          .orderBy('id')
          .execute();
  return {
    unitId: unit.id,
    items,
    nextCursor: rows.length > page.limit && last ? encodeCursor(last.cellName, last.cellId) : null,
    children: children.map((c) => ({ unitId: Number(c.id), name: c.name })),
  };
}

/** The programmes, with the secretary-training mark (administrators set it). */
export async function listTrainingProgrammes(db: Db, actor: Actor) {
  requireCentralAdministrator(actor);
  const rows = await db
    .selectFrom('programmes')
    .select(['id', 'title', 'title_ko', 'secretary_training'])
    .orderBy('title')
    .orderBy('id')
    .execute();
  return { items: rows.map((r) => ({ id: Number(r.id), title: r.title, titleKo: r.title_ko, secretaryTraining: r.secretary_training })) };
}

export function setSecretaryTraining(db: Db, actor: Actor, programmeId: number, on: boolean) {
  return inTransaction(db, async (trx) => {
    requireCentralAdministrator(actor);
    const row = await trx
      .updateTable('programmes')
      .set({ secretary_training: on })
      .where('id', '=', programmeId)
      .returning(['id', 'title', 'title_ko', 'secretary_training'])
      .executeTakeFirst();
    if (!row) throw notFound('education.programmeNotFound');
    await recordAudit(trx, actor, {
      action: 'programme.secretary_training',
      entity: 'programme',
      entityId: programmeId,
      unitId: null,
      before: null,
      after: { secretaryTraining: on },
    });
    return { id: Number(row.id), title: row.title, titleKo: row.title_ko, secretaryTraining: row.secretary_training };
  });
}
