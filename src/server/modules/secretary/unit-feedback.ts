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
type Row = {
  id: number;
  name: string;
  kind: 'committee' | 'cell';
  raters: number | null;
  cells: number | null;
  sums: Array<[number, number, number]> | null;
};

/** The unit and its open children with their totals of the quarter: one statement, indexed lookups only. */
async function unitAndChildren(db: Db, unitId: number, quarter: string): Promise<Row[]> {
  const { rows } = await sql<Row>`
    select u.id, u.name, u.kind, c.raters, c.cells,
      (select json_agg(json_build_array(t.trait_id, t.score_sum, t.score_count)) from secretary_feedback_unit_totals t
        where t.unit_id = u.id and t.quarter = ${quarter}::date) as sums
    from units u
    left join secretary_feedback_unit_counts c on c.unit_id = u.id and c.quarter = ${quarter}::date
    where u.id = ${unitId} or (u.parent_id = ${unitId} and u.closed_on is null)
    order by u.id = ${unitId} desc, u.name, u.id`.execute(db);
  return rows;
}

const totalsOf = (r: Row): Totals => ({
  raters: r.raters ?? 0,
  cells: r.cells ?? 0,
  sums: new Map((r.sums ?? []).map(([t, sum, count]) => [Number(t), { sum: Number(sum), count: Number(count) }])),
});

export async function getUnitFeedback(db: Db, actor: Actor, unitId: number, quarter: string, lang: Language): Promise<UnitFeedback> {
  const unit = await findUnitInScope(db, actor, unitId, 'read');
  if (!unit) throw notFound('unit.notFound');
  // A cell's own line is for the officials above it (the cell route serves its secretary).
  if (unit.kind === 'cell' ? !isOfficialAbove(actor, unit) : !actor.all && !actor.grants.some((g) => g.role !== 'member'))
    throw forbidden('secretaryFeedback.forSecretary');
  const [traits, [self, ...children]] = await Promise.all([selectTraits(db), unitAndChildren(db, unit.id, quarterStart(quarter))]);
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
    ...figures(totalsOf(self!)),
    children: children.map((c) => ({ unitId: Number(c.id), name: c.name, kind: c.kind, ...figures(totalsOf(c)) })),
  };
}
