/**
 * Per-unit totals of secretary feedback (decision 0027): for a cell and every committee above it, per
 * quarter, the raters and cells and per trait the sum and count of scores, counting only what is past the
 * threshold: a (cell, secretary) pair with at least three raters, and in it a trait scored by at least
 * three. Each rating recomputes its cell's contribution before and after and adds the difference to the
 * cell and its ancestors in the same transaction, so a committee's figures are one indexed lookup and
 * no committee's figure ever moves because of a cell below the threshold (no differencing).
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { SECRETARY_LIMITS } from '../../../shared/schemas/secretary.ts';

const MIN = SECRETARY_LIMITS.minRaters;

export type Contribution = { raters: number; cells: number; traits: Map<number, { sum: number; count: number }> };

/** What the cell adds to the totals in the quarter (only what is past the threshold). */
export async function cellContribution(db: Db, cellId: number, quarter: string): Promise<Contribution> {
  const { rows: groups } = await sql<{ raters: number }>`
    select count(*)::int as raters from secretary_ratings
    where cell_id = ${cellId} and quarter = ${quarter}::date
    group by secretary_person_id having count(*) >= ${MIN}`.execute(db);
  const traits = new Map<number, { sum: number; count: number }>();
  if (groups.length > 0) {
    const { rows } = await sql<{ trait_id: number; sum: number; count: number }>`
      select trait_id, sum(s)::int as sum, sum(n)::int as count from (
        select s.secretary_person_id, s.trait_id, sum(s.score) as s, count(*) as n
        from secretary_rating_scores s
        where s.cell_id = ${cellId} and s.quarter = ${quarter}::date
          and s.secretary_person_id in (select secretary_person_id from secretary_ratings
            where cell_id = ${cellId} and quarter = ${quarter}::date group by secretary_person_id having count(*) >= ${MIN})
        group by s.secretary_person_id, s.trait_id having count(*) >= ${MIN}) g
      group by trait_id`.execute(db);
    for (const r of rows) traits.set(Number(r.trait_id), { sum: r.sum, count: r.count });
  }
  return { raters: groups.reduce((a, g) => a + g.raters, 0), cells: groups.length > 0 ? 1 : 0, traits };
}

/** Adds `after - before` to the cell's and its ancestors' totals, top-down (one lock order for every writer). */
export async function applyDelta(db: Db, path: string, quarter: string, before: Contribution, after: Contribution): Promise<void> {
  const ids = path.split('.').map(Number);
  const dr = after.raters - before.raters;
  const dc = after.cells - before.cells;
  if (dr !== 0 || dc !== 0) {
    await sql`insert into secretary_feedback_unit_counts (unit_id, quarter, raters, cells)
      select u.id, ${quarter}::date, ${dr}::int, ${dc}::int from unnest(${ids}::bigint[]) with ordinality as u(id, n) order by u.n
      on conflict (unit_id, quarter) do update
        set raters = secretary_feedback_unit_counts.raters + excluded.raters, cells = secretary_feedback_unit_counts.cells + excluded.cells`.execute(
      db,
    );
  }
  const traitIds = [...new Set([...before.traits.keys(), ...after.traits.keys()])].sort((a, b) => a - b);
  const deltas = traitIds
    .map((t) => ({
      t,
      sum: (after.traits.get(t)?.sum ?? 0) - (before.traits.get(t)?.sum ?? 0),
      count: (after.traits.get(t)?.count ?? 0) - (before.traits.get(t)?.count ?? 0),
    }))
    .filter((d) => d.sum !== 0 || d.count !== 0);
  if (deltas.length === 0) return;
  await sql`insert into secretary_feedback_unit_totals (unit_id, quarter, trait_id, score_sum, score_count)
    select u.id, ${quarter}::date, d.t, d.s, d.c
    from unnest(${ids}::bigint[]) with ordinality as u(id, n)
    cross join unnest(${deltas.map((d) => d.t)}::bigint[], ${deltas.map((d) => d.sum)}::bigint[], ${deltas.map((d) => d.count)}::bigint[]) as d(t, s, c)
    order by u.n, d.t
    on conflict (unit_id, quarter, trait_id) do update
      set score_sum = secretary_feedback_unit_totals.score_sum + excluded.score_sum,
          score_count = secretary_feedback_unit_totals.score_count + excluded.score_count`.execute(db);
}

/** Serializes the writes of one cell and quarter, so before/after are read without a race. */
export async function lockCellQuarter(db: Db, cellId: number, quarter: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`secretary-feedback:${cellId}:${quarter}`}, 0))`.execute(db);
}

/**
 * Rebuilds every total of a quarter from the ratings, set-based, up the current tree (after units moved,
 * or for a generated dataset): the same rules as the writes' deltas, which the property test checks.
 */
export async function rebuildTotals(db: Db, quarter: string): Promise<void> {
  await sql`delete from secretary_feedback_unit_totals where quarter = ${quarter}::date`.execute(db);
  await sql`delete from secretary_feedback_unit_counts where quarter = ${quarter}::date`.execute(db);
  const passed = sql`select cell_id, secretary_person_id, count(*)::int as raters from secretary_ratings
    where quarter = ${quarter}::date group by cell_id, secretary_person_id having count(*) >= ${MIN}`;
  const up = sql`join units u on u.id = x.cell_id cross join lateral unnest(string_to_array(u.path::text, '.')::bigint[]) as a(unit_id)`;
  await sql`insert into secretary_feedback_unit_counts (unit_id, quarter, raters, cells)
    select a.unit_id, ${quarter}::date, sum(x.raters), count(distinct x.cell_id)
    from (${passed}) x ${up}
    group by a.unit_id order by a.unit_id`.execute(db);
  await sql`insert into secretary_feedback_unit_totals (unit_id, quarter, trait_id, score_sum, score_count)
    select a.unit_id, ${quarter}::date, x.trait_id, sum(x.s), sum(x.n)
    from (select s.cell_id, s.trait_id, sum(s.score) as s, count(*) as n
      from secretary_rating_scores s join (${passed}) g on g.cell_id = s.cell_id and g.secretary_person_id = s.secretary_person_id
      where s.quarter = ${quarter}::date
      group by s.cell_id, s.secretary_person_id, s.trait_id having count(*) >= ${MIN}) x ${up}
    group by a.unit_id, x.trait_id order by a.unit_id, x.trait_id`.execute(db);
}

/**
 * A subtree moved (units module, under the tree's exclusive lock, which every rating takes shared): its
 * own totals, every quarter, leave the committees above its old place and join those above its new one;
 * shared ancestors net to zero. Upserts in unit id order, like the ratings' deltas.
 */
export async function moveSecretaryTotals(db: Db, unitId: number, oldPath: string, newParentPath: string): Promise<void> {
  const sign = new Map<number, number>();
  for (const a of oldPath.split('.').slice(0, -1).map(Number)) sign.set(a, (sign.get(a) ?? 0) - 1);
  for (const a of newParentPath.split('.').map(Number)) sign.set(a, (sign.get(a) ?? 0) + 1);
  const moves = [...sign].filter(([, s]) => s !== 0).sort(([a], [b]) => a - b);
  if (moves.length === 0) return;
  const x = sql`unnest(${moves.map(([u]) => u)}::bigint[], ${moves.map(([, s]) => s)}::int[]) as x(unit_id, s)`;
  await sql`insert into secretary_feedback_unit_counts as t (unit_id, quarter, raters, cells)
    select x.unit_id, m.quarter, x.s * m.raters, x.s * m.cells
    from secretary_feedback_unit_counts m cross join ${x}
    where m.unit_id = ${unitId}
    order by x.unit_id, m.quarter
    on conflict (unit_id, quarter) do update set raters = t.raters + excluded.raters, cells = t.cells + excluded.cells`.execute(db);
  await sql`insert into secretary_feedback_unit_totals as t (unit_id, quarter, trait_id, score_sum, score_count)
    select x.unit_id, m.quarter, m.trait_id, x.s * m.score_sum, x.s * m.score_count
    from secretary_feedback_unit_totals m cross join ${x}
    where m.unit_id = ${unitId}
    order by x.unit_id, m.quarter, m.trait_id
    on conflict (unit_id, quarter, trait_id) do update
      set score_sum = t.score_sum + excluded.score_sum, score_count = t.score_count + excluded.score_count`.execute(db);
}
