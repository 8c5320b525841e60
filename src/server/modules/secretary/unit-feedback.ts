/**
 * The committees' view of secretary feedback (decision 0027): averages per trait over the cells of the
 * subtree that are past the threshold, the raters and cells counted, and the same per child unit for the
 * drill-down. Read from the per-unit totals (totals.ts): one indexed lookup for the unit, one for its children.
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { findUnitInScope } from '../../access/lookups.ts';
import type { Db } from '../../db/database.ts';
import { forbidden, notFound } from '../../errors.ts';
import { SECRETARY_LIMITS, type UnitFeedback } from '../../../shared/schemas/secretary.ts';
import { isOfficialAbove, round } from './feedback.ts';
import { quarterStart } from './quarters.ts';
import { selectTraits, type Language } from './traits.ts';

type Totals = { raters: number; cells: number; sums: Map<number, { sum: number; count: number }> };

async function totalsOf(db: Db, unitIds: number[], quarter: string): Promise<Map<number, Totals>> {
  const out = new Map<number, Totals>(unitIds.map((id) => [id, { raters: 0, cells: 0, sums: new Map() }]));
  if (unitIds.length === 0) return out;
  const [counts, sums] = await Promise.all([
    sql<{ unit_id: number; raters: number; cells: number }>`
      select unit_id, raters, cells from secretary_feedback_unit_counts
      where unit_id = any(${unitIds}::bigint[]) and quarter = ${quarter}::date`.execute(db),
    sql<{ unit_id: number; trait_id: number; score_sum: number; score_count: number }>`
      select unit_id, trait_id, score_sum, score_count from secretary_feedback_unit_totals
      where unit_id = any(${unitIds}::bigint[]) and quarter = ${quarter}::date`.execute(db),
  ]);
  for (const c of counts.rows) Object.assign(out.get(Number(c.unit_id))!, { raters: c.raters, cells: c.cells });
  for (const s of sums.rows)
    out.get(Number(s.unit_id))!.sums.set(Number(s.trait_id), { sum: Number(s.score_sum), count: Number(s.score_count) });
  return out;
}

export async function getUnitFeedback(db: Db, actor: Actor, unitId: number, quarter: string, lang: Language): Promise<UnitFeedback> {
  const unit = await findUnitInScope(db, actor, unitId, 'read');
  if (!unit) throw notFound('unit.notFound');
  // A cell's own line is for the officials above it (the cell route serves its secretary).
  if (unit.kind === 'cell' ? !isOfficialAbove(actor, unit) : !actor.all && !actor.grants.some((g) => g.role !== 'member'))
    throw forbidden('secretaryFeedback.forSecretary');
  const start = quarterStart(quarter);
  const children =
    unit.kind === 'cell'
      ? []
      : await db
          .selectFrom('units')
          .select(['id', 'name', 'kind'])
          .where('parent_id', '=', unit.id)
          .where('closed_on', 'is', null)
          .orderBy('name')
          .orderBy('id')
          .execute();
  const [traits, totals] = await Promise.all([selectTraits(db), totalsOf(db, [unit.id, ...children.map((c) => Number(c.id))], start)]);
  const figures = (t: Totals) => ({
    raters: t.raters,
    cells: t.cells,
    traits: traits.map((tr) => {
      const s = t.sums.get(Number(tr.id));
      return { code: tr.code, title: lang === 'ko' ? tr.title_ko : tr.title_en, average: s && s.count > 0 ? round(s.sum / s.count) : null };
    }),
  });
  return {
    unitId: unit.id,
    quarter,
    minRaters: SECRETARY_LIMITS.minRaters,
    ...figures(totals.get(unit.id)!),
    children: children.map((c) => ({ unitId: Number(c.id), name: c.name, kind: c.kind, ...figures(totals.get(Number(c.id))!) })),
  };
}
