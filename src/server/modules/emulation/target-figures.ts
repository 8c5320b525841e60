/**
 * What campaigns and distinctions read of unit targets (decision 0030's tables, through the targets
 * module's `achievedUnder`): a participant's own targets of an indicator in the campaign's years, and a
 * cell's overdue targets. Kept here so the targets module's files stay its own.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import { achievedUnder } from '../targets/queries.ts';

/** The last day of a target's period (its year, or its quarter), as SQL over alias `t`. */
const periodEnd = sql`(case when t.quarter is null then make_date(t.year, 12, 31)
  else (make_date(t.year, t.quarter * 3, 1) + interval '1 month' - interval '1 day')::date end)`;

/**
 * Per unit and indicator (lower-cased), the share of the figure achieved, capped at 1: the sum of the
 * achieved of the unit's own targets of that indicator in the years over the sum of their figures.
 * Rows `(unit_id, kind 'target', key, share)` for the standings' union.
 */
export function targetShares(unitIds: number[], indicators: string[], fromYear: number, toYear: number): RawBuilder<unknown> {
  return sql`
    select t.unit_id, 'target' as kind, lower(t.indicator) as key,
      least(1, sum(${achievedUnder(sql`t.root_id`, sql`t.unit_id`)})::numeric / nullif(sum(t.figure), 0)) as share
    from targets t
    where t.unit_id = any(${unitIds}::bigint[]) and t.year between ${fromYear} and ${toYear} and t.withdrawn_at is null
      and lower(t.indicator) = any(${indicators.map((i) => i.toLowerCase())}::text[])
    group by t.unit_id, lower(t.indicator)`;
}

export type UnitTargetFigure = {
  id: number;
  indicator: string;
  year: number;
  quarter: number | null;
  measure: string;
  figure: number;
  achieved: number;
};

/** A unit's own targets of these indicators in the years, each with its figure and achieved sum (the drill-down). */
export async function unitTargetFigures(
  db: Db,
  unitId: number,
  indicators: string[],
  fromYear: number,
  toYear: number,
): Promise<UnitTargetFigure[]> {
  if (indicators.length === 0) return [];
  const { rows } = await sql<UnitTargetFigure>`
    select t.id::int as id, t.indicator, t.year, t.quarter, t.measure, t.figure::float8 as figure,
      ${achievedUnder(sql`t.root_id`, sql`t.unit_id`)} as achieved
    from targets t
    where t.unit_id = ${unitId} and t.year between ${fromYear} and ${toYear} and t.withdrawn_at is null
      and lower(t.indicator) = any(${indicators.map((i) => i.toLowerCase())}::text[])
    order by t.year, t.quarter nulls first, t.id`.execute(db);
  return rows;
}

/**
 * True for a cell (alias `cellId`, SQL) with a target of its own for `year` whose period ended before
 * `today` short of its figure: the distinction rules' "no overdue target" is its negation.
 */
export function hasOverdueTarget(cellId: RawBuilder<unknown>, year: number, today: string): RawBuilder<boolean> {
  return sql<boolean>`exists (
    select 1 from targets t
    where t.unit_id = ${cellId} and t.year = ${year} and t.withdrawn_at is null and ${periodEnd} < ${today}::date
      and ${achievedUnder(sql`t.root_id`, sql`t.unit_id`)} < t.figure)`;
}
