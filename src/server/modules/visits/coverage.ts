/**
 * Coverage per committee and period (decision 0028): how many of the cells under a unit were visited
 * in the month (or the 3, 6 or 12 months ending with it), per child for the drill-down, and the cells
 * not visited for longest. The counts are the rulebook's summed roll-ups (`visits:` keys in
 * `unit_sums`, a cell's own metrics for a cell) beside the unit's cells judged that month
 * (`unit_figures`), so they cost one indexed read at any size. The list walks an index of the cells
 * under the committee in the order of their last visit (`units.last_visited_on`, never visited first).
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { findUnitInScope, type ScopedUnit } from '../../access/lookups.ts';
import { pathInScope } from '../../access/scope.ts';
import type { Db } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import { decodeDayCursor, pageFrom } from '../../http/pagination.ts';
import type { Coverage, UnvisitedPage } from '../../../shared/schemas/visits.ts';
import { isPartial, openIn, type Period } from '../compliance/periods.ts';
import { ensurePeriod } from '../compliance/engine.ts';
import { COVERAGE_KEYS } from './metrics.ts';

type Months = keyof typeof COVERAGE_KEYS;
const share = (visited: number, cells: number) => (cells === 0 ? null : visited / cells);

/** A keyset cursor over (day of the last visit, id); '-infinity' stands for never visited. */
const lastVisitCursor = (cursor: string | undefined) => decodeDayCursor(cursor, { infinity: true });

/** Committee depths with an index of their cells by last visit (migration 2026-12-10T1100). */
const INDEXED_DEPTHS = new Set([1, 2, 3, 4]);
const LAST = sql`coalesce(last_visited_on, '-infinity'::date)`;

/**
 * The next `take` open cells under the unit in the order of their last visit, never visited first:
 * the centre walks its index; a committee at depth 1 to 4 reads one range of its depth's index (the
 * expression written as the index has it); a deeper one gathers its few cells and sorts them.
 */
function cellsByLastVisit(actor: Actor, unit: ScopedUnit, after: [string, number] | undefined, take: number) {
  const labels = unit.path.split('.').length;
  const later = after ? sql`(${LAST}, id) > (${after[0]}::date, ${after[1]}::bigint)` : sql`true`;
  const open = sql`kind = 'cell' and closed_on is null and ${pathInScope(actor, 'path')}`;
  const cols = sql`id, name, code, last_visited_on::text as last_visited_on`;
  if (unit.kind === 'cell') return sql`select ${cols} from units where id = ${unit.id} and ${open} and ${later}`;
  if (labels === 1)
    return sql`select ${cols} from units where ${open} and path <@ ${unit.path}::ltree and ${later} order by ${LAST}, id limit ${take}`;
  if (INDEXED_DEPTHS.has(labels - 1)) {
    const ancestor = sql`subpath(path, 0, ${sql.lit(labels)})`;
    return sql`select ${cols} from units where ${open} and nlevel(path) > ${sql.lit(labels - 1)} and ${ancestor} = ${unit.path}::ltree
      and ${later} order by ${ancestor}, ${LAST}, id limit ${take}`;
  }
  return sql`with c as materialized (select ${cols}, ${LAST} as last from units where ${open} and path <@ ${unit.path}::ltree)
    select id, name, code, last_visited_on from c where ${after ? sql`(last, id) > (${after[0]}::date, ${after[1]}::bigint)` : sql`true`}
    order by last, id limit ${take}`;
}

async function unvisitedPage(db: Db, actor: Actor, unit: ScopedUnit, limit: number, cursor?: string): Promise<UnvisitedPage> {
  const { rows } = await sql<{ id: number; name: string; code: string; last_visited_on: string | null }>`${cellsByLastVisit(
    actor,
    unit,
    lastVisitCursor(cursor),
    limit + 1,
  )}`.execute(db);
  return pageFrom(
    rows.map((r) => ({ cellId: Number(r.id), name: r.name, code: r.code, lastVisitedOn: r.last_visited_on })),
    limit,
    (r) => [r.lastVisitedOn ?? '-infinity', r.cellId],
  );
}

/** The open cells under a unit not visited for longest, never visited first (today's state), one keyset page. */
export async function listUnvisited(db: Db, actor: Actor, unitId: number, q: { limit: number; cursor?: string }) {
  const unit = await findUnitInScope(db, actor, unitId, 'read');
  if (!unit) throw notFound('unit.notFound');
  return unvisitedPage(db, actor, unit, q.limit, q.cursor);
}

type ChildRow = { id: number; name: string; kind: 'committee' | 'cell'; cells: number; visited: number };
type Figures = { materialized: boolean; cells: number; sums: Record<string, number> | null; children: ChildRow[] };

/**
 * The month's figures of a unit in one statement: whether the month is built, its cells judged
 * (`unit_figures`), its coverage sums (a committee's roll-ups, or a cell's own metrics while judged)
 * and each child's cells and visited cells, open in the month, for the drill-down.
 */
async function readFigures(db: Db, unitId: number, period: Period, key: string): Promise<Figures> {
  const keys = [key, 'visits:held', 'visits:problems_open'];
  const { rows } = await sql<Figures>`
    select exists (select 1 from metric_periods where period = ${period}::date) as materialized,
      coalesce((select f.cells_total from unit_figures f
        where f.unit_id = ${unitId} and f.period = ${period}::date and f.standard_code = '*'), 0)::int as cells,
      (select json_object_agg(x.key, x.value) from (
        select s.key, s.value from unit_sums s
        where s.unit_id = ${unitId} and s.period = ${period}::date and s.sector = '*' and s.key = any(${keys}::text[])
        union all
        select m.key, m.value from cell_metrics m
        where m.cell_id = ${unitId} and m.period = ${period}::date and m.key = any(${keys}::text[])
          and exists (select 1 from cell_compliance c where c.cell_id = m.cell_id and c.period = m.period and c.standard_code = '*')) x) as sums,
      coalesce((select json_agg(json_build_object('id', c.id, 'name', c.name, 'kind', c.kind, 'cells', c.cells, 'visited', c.visited)
          order by c.name, c.id) from (
        select u.id, u.name, u.kind, coalesce(f.cells_total, 0)::int as cells, coalesce(x.value, 0)::int as visited
        from units u
        -- Lateral, so the unit's key reaches into both branches of the unit_figures view (a plain join
        -- hashed the whole view: 70 ms at scale M).
        left join lateral (select f.cells_total from unit_figures f
          where f.unit_id = u.id and f.period = ${period}::date and f.standard_code = '*' limit 1) f on true
        left join lateral (
          select s.value from unit_sums s
          where u.kind <> 'cell' and s.unit_id = u.id and s.period = ${period}::date and s.sector = '*' and s.key = ${key}
          union all
          select m.value from cell_metrics m
          where u.kind = 'cell' and f.cells_total is not null and m.cell_id = u.id and m.period = ${period}::date and m.key = ${key}
        ) x on true
        where u.parent_id = ${unitId} and ${openIn('u', period)}) c), '[]'::json) as children`.execute(db);
  return rows[0]!;
}

/**
 * Two round trips whatever the unit: its scope and the month's figures at once (nothing is shown
 * before the scope check passes), then the first page of the cells not visited for longest, which
 * needs the unit's path. A month not built yet is built first (ensurePeriod) and read again.
 */
export async function getCoverage(db: Db, actor: Actor, unitId: number, period: Period, months: Months): Promise<Coverage> {
  const key = COVERAGE_KEYS[months];
  const [unit, first] = await Promise.all([findUnitInScope(db, actor, unitId, 'read'), readFigures(db, unitId, period, key)]);
  if (!unit) throw notFound('unit.notFound');
  const [figures, longestUnvisited] = await Promise.all([
    first.materialized ? first : ensurePeriod(db, period).then(() => readFigures(db, unitId, period, key)),
    unvisitedPage(db, actor, unit, 10),
  ]);
  const sums = figures.sums ?? {};
  const visited = Number(sums[key] ?? 0);
  return {
    unitId: unit.id,
    period: period.slice(0, 7),
    months,
    partial: isPartial(period),
    cells: figures.cells,
    visited,
    share: share(visited, figures.cells),
    heldVisits: Number(sums['visits:held'] ?? 0),
    openProblems: Number(sums['visits:problems_open'] ?? 0),
    children: figures.children.map((c) => ({
      unitId: Number(c.id),
      name: c.name,
      kind: c.kind,
      cells: c.cells,
      visited: c.visited,
      share: share(c.visited, c.cells),
    })),
    longestUnvisited,
  };
}
