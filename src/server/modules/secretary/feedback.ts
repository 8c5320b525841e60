/**
 * Members' feedback on their secretary (decision 0027). A member on the cell's roll rates the person who
 * is its secretary today, once per quarter (again: it replaces the first). The rating is stored under a
 * rater key (rater-key.ts): no person, no time, no id, and nothing written to the audit trail. The
 * secretary and the officials above read averages from three raters on; nobody reads one rating but
 * the rater, and only their own, through the key.
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { requireCell, type ScopedCell } from '../../access/lookups.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { badRequest, conflict, forbidden } from '../../errors.ts';
import { SECRETARY_LIMITS, type CellFeedback, type MyFeedback, type RateSecretary } from '../../../shared/schemas/secretary.ts';
import { todayIso } from '../compliance/periods.ts';
import { isOnRoll } from '../help-requests/queries.ts';
import { lockTree } from '../units/queries.ts';
import { quarterOf, quarterStart } from './quarters.ts';
import { raterKey } from './rater-key.ts';
import { applyDelta, cellContribution, lockCellQuarter } from './totals.ts';
import { selectTraits, type Language } from './traits.ts';

const MIN = SECRETARY_LIMITS.minRaters;

/** The cell's secretary today (the open `secretary` membership). */
export async function currentSecretary(db: Db, cellId: number) {
  const row = await db
    .selectFrom('memberships as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select(['p.id', 'p.full_name'])
    .where('m.cell_id', '=', cellId)
    .where('m.role', '=', 'secretary')
    .where('m.to_date', 'is', null)
    .executeTakeFirst();
  return row ? { id: Number(row.id), fullName: row.full_name } : null;
}

/** An official (or administrator) over the cell: a grant other than a member's on a unit above it. */
export const isOfficialAbove = (actor: Actor, cell: { path: string }): boolean =>
  actor.all || actor.grants.some((g) => g.role !== 'member' && g.path !== null && cell.path.startsWith(`${g.path}.`));

export function rateSecretary(db: Db, key: Buffer, actor: Actor, cellId: number, input: RateSecretary, lang: Language, today = todayIso()) {
  return inTransaction(db, async (trx) => {
    await lockTree(trx, 'shared'); // the cell's path must not move before its delta is added (moveSecretaryTotals)
    const cell = await requireCell(trx, actor, cellId, 'read');
    const personId = actor.personId;
    if (personId === null) throw badRequest('secretaryFeedback.noPerson');
    if (!(await isOnRoll(trx, personId, cell.id))) throw forbidden('secretaryFeedback.notOnRoll');
    const secretary = await currentSecretary(trx, cell.id);
    if (!secretary) throw conflict('secretaryFeedback.noSecretary');
    if (secretary.id === personId) throw forbidden('secretaryFeedback.ownSecretary');
    const live = new Map((await selectTraits(trx)).map((t) => [t.code, Number(t.id)]));
    const seen = new Set<string>();
    for (const r of input.ratings) {
      if (!live.has(r.trait)) throw badRequest('secretaryFeedback.unknownTrait', { params: { trait: r.trait } });
      if (seen.has(r.trait)) throw badRequest('secretaryFeedback.duplicateTrait', { params: { trait: r.trait } });
      seen.add(r.trait);
    }
    const quarter = quarterStart(quarterOf(today));
    const g = { cellId: cell.id, quarter, secretaryId: secretary.id };
    const rk = raterKey(key, g, personId);
    await lockCellQuarter(trx, cell.id, quarter);
    const before = await cellContribution(trx, cell.id, quarter);
    const where = sql`cell_id = ${cell.id} and quarter = ${quarter}::date and secretary_person_id = ${secretary.id} and rater_key = ${rk}`;
    await sql`delete from secretary_ratings where ${where}`.execute(trx);
    await trx
      .insertInto('secretary_ratings')
      .values({ cell_id: cell.id, quarter, secretary_person_id: secretary.id, rater_key: rk, comment: input.comment ?? null })
      .execute();
    await trx
      .insertInto('secretary_rating_scores')
      .values(
        input.ratings.map((r) => ({
          cell_id: cell.id,
          quarter,
          secretary_person_id: secretary.id,
          rater_key: rk,
          trait_id: live.get(r.trait)!,
          score: r.score,
        })),
      )
      .execute();
    await applyDelta(trx, cell.path, quarter, before, await cellContribution(trx, cell.id, quarter));
    return readOwn(trx, key, cell, personId, quarter, secretary, lang);
  });
}

async function readOwn(
  db: Db,
  key: Buffer,
  cell: ScopedCell,
  personId: number,
  quarter: string,
  secretary: { id: number; fullName: string } | null,
  _lang: Language,
): Promise<MyFeedback> {
  const canRate = secretary !== null && secretary.id !== personId && (await isOnRoll(db, personId, cell.id));
  const base = { cellId: cell.id, quarter: quarterOf(quarter), secretary, canRate };
  if (!secretary || secretary.id === personId) return { ...base, rated: false, ratings: [], comment: null };
  const rk = raterKey(key, { cellId: cell.id, quarter, secretaryId: secretary.id }, personId);
  const own = await db
    .selectFrom('secretary_ratings')
    .select('comment')
    .where('cell_id', '=', cell.id)
    .where('quarter', '=', quarter)
    .where('secretary_person_id', '=', secretary.id)
    .where('rater_key', '=', rk)
    .executeTakeFirst();
  if (!own) return { ...base, rated: false, ratings: [], comment: null };
  const scores = await db
    .selectFrom('secretary_rating_scores as s')
    .innerJoin('secretary_traits as t', 't.id', 's.trait_id')
    .select(['t.code', 's.score'])
    .where('s.cell_id', '=', cell.id)
    .where('s.quarter', '=', quarter)
    .where('s.secretary_person_id', '=', secretary.id)
    .where('s.rater_key', '=', rk)
    .orderBy('t.position')
    .execute();
  return { ...base, rated: true, ratings: scores.map((s) => ({ trait: s.code, score: s.score })), comment: own.comment };
}

/** The member's own feedback of the quarter on the cell's secretary today (whether they rated, and what). */
export async function getMyFeedback(db: Db, key: Buffer, actor: Actor, cellId: number, quarter: string, lang: Language) {
  const cell = await requireCell(db, actor, cellId, 'read');
  const secretary = await currentSecretary(db, cell.id);
  if (actor.personId === null) return { cellId: cell.id, quarter, secretary, canRate: false, rated: false, ratings: [], comment: null };
  return readOwn(db, key, cell, actor.personId, quarterStart(quarter), secretary, lang);
}

/**
 * The averages about the cell's secretary today, for that secretary and the officials above (members:
 * 403). Below three raters: raters, averages and comments null; a trait scored by fewer than three: null.
 */
export async function getCellFeedback(db: Db, actor: Actor, cellId: number, quarter: string, lang: Language): Promise<CellFeedback> {
  const cell = await requireCell(db, actor, cellId, 'read');
  const secretary = await currentSecretary(db, cell.id);
  const isSecretary = secretary !== null && actor.personId === secretary.id;
  if (!isSecretary && !isOfficialAbove(actor, cell)) throw forbidden('secretaryFeedback.forSecretary');
  const start = quarterStart(quarter);
  const traits = await selectTraits(db);
  const title = (t: (typeof traits)[number]) => (lang === 'ko' ? t.title_ko : t.title_en);
  const empty = { cellId: cell.id, quarter, secretary, raters: null, minRaters: MIN, comments: null };
  if (!secretary) return { ...empty, traits: traits.map((t) => ({ code: t.code, title: title(t), average: null })) };
  const group = sql`cell_id = ${cell.id} and quarter = ${start}::date and secretary_person_id = ${secretary.id}`;
  const {
    rows: [count],
  } = await sql<{ n: number }>`select count(*)::int as n from secretary_ratings where ${group}`.execute(db);
  const raters = count?.n ?? 0;
  if (raters < MIN) return { ...empty, traits: traits.map((t) => ({ code: t.code, title: title(t), average: null })) };
  const { rows } = await sql<{ trait_id: number; avg: number; n: number }>`
    select trait_id, avg(score)::float8 as avg, count(*)::int as n from secretary_rating_scores where ${group} group by trait_id`.execute(
    db,
  );
  const byTrait = new Map(rows.map((r) => [Number(r.trait_id), r]));
  const { rows: comments } = await sql<{ comment: string }>`
    select comment from secretary_ratings where ${group} and comment is not null order by comment collate "C"`.execute(db);
  return {
    ...empty,
    raters,
    traits: traits.map((t) => {
      const r = byTrait.get(Number(t.id));
      return { code: t.code, title: title(t), average: r && r.n >= MIN ? round(r.avg) : null };
    }),
    comments: comments.map((c) => c.comment),
  };
}

export const round = (x: number) => Math.round(x * 100) / 100;
