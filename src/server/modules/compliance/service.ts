/** Reading compliance: a unit's figures for a month, the cells behind a figure, and the 12-month trend. */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { findUnitInScope } from '../../access/lookups.ts';
import type { Db } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import { decodeCursor, pageFrom, type CursorKey } from '../../http/pagination.ts';
import type { Compliance } from '../../../shared/schemas/compliance.ts';
import { SUMS } from '../rulebook-registry.ts';
import { ensurePeriod } from './engine.ts';
import { isPartial, periodsEndingWith, type Period } from './periods.ts';
import { verdictDetail, verdictFigures } from './evaluate.ts';
import { inForce, standardsInForce } from './standards.ts';
import { cellOrderPlan, cellsInNameOrder, ensurePeriodAndFigures } from './subtree.ts';

const month = (p: Period) => p.slice(0, 7);

export async function getCompliance(db: Db, actor: Actor, unitId: number, period: Period): Promise<Compliance> {
  const unit = await findUnitInScope(db, actor, unitId);
  if (!unit) throw notFound('unit.notFound');
  await ensurePeriod(db, period);
  const [standards, rollups, sums] = await Promise.all([
    standardsInForce(db, period),
    db
      .selectFrom('unit_figures')
      .select(['standard_code', 'cells_total', 'cells_meeting'])
      .where('unit_id', '=', unitId)
      .where('period', '=', period)
      .execute(),
    unitSums(db, unit, period),
  ]);
  const byCode = new Map(rollups.map((r) => [r.standard_code, r]));
  const rowsUrl = (code: string) => `/api/v1/units/${unitId}/compliance/cells?period=${month(period)}&standard=${encodeURIComponent(code)}`;
  const all = byCode.get('*');
  return {
    unitId,
    period: month(period),
    cells: all?.cells_total ?? 0,
    cellsMeetingAll: all?.cells_meeting ?? 0,
    allRowsUrl: rowsUrl('*'),
    partial: isPartial(period),
    sums,
    standards: standards
      .map((s) => ({
        code: s.code,
        title: s.title,
        titleKo: s.titleKo,
        cellsMeeting: byCode.get(s.code)?.cells_meeting ?? 0,
        cellsTotal: byCode.get(s.code)?.cells_total ?? 0,
        rowsUrl: rowsUrl(s.code),
      }))
      // Standards scoped to other subtrees or sectors say nothing about this unit.
      .filter((s, i) => s.cellsTotal > 0 || (standards[i]!.scope_unit_id === null && standards[i]!.scope_sector === null)),
  };
}

/**
 * A unit's summed roll-ups for the month (all sectors); a cell's are its own metrics of the summed
 * prefixes, while it is judged in the month.
 */
export async function unitSums(db: Db, unit: { id: number; kind: string }, period: Period): Promise<Record<string, number>> {
  if (SUMS.length === 0) return {};
  const rows =
    unit.kind === 'cell'
      ? await db
          .selectFrom('cell_metrics as m')
          .select(['m.key', 'm.value'])
          .where('m.cell_id', '=', unit.id)
          .where('m.period', '=', period)
          .where(sql<boolean>`m.key ^@ any(${SUMS.map((s) => s.prefix)}::text[])`)
          .where((eb) =>
            eb.exists(
              eb
                .selectFrom('cell_compliance as c')
                .select('c.cell_id')
                .whereRef('c.cell_id', '=', 'm.cell_id')
                .where('c.period', '=', period)
                .where('c.standard_code', '=', '*'),
            ),
          )
          .execute()
      : await db
          .selectFrom('unit_sums')
          .select(['key', 'value'])
          .where('unit_id', '=', unit.id)
          .where('period', '=', period)
          .where('sector', '=', '*')
          .execute();
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

type RowsQuery = { period: Period; standard: string; meets?: boolean };

/**
 * The cells behind a figure: the unit, the month and the plan are settled once, and the returned
 * function reads one keyset page in name order.
 */
async function complianceCellsReader(db: Db, actor: Actor, unitId: number, q: RowsQuery) {
  // The unit's scope and the month's figures are read at once: nothing is shown before the scope
  // check passes, and a build it may start is one any signed-in reader could ask for.
  const [unit, figures] = await Promise.all([findUnitInScope(db, actor, unitId), ensurePeriodAndFigures(db, unitId, q.period, q.standard)]);
  if (!unit) throw notFound('unit.notFound');
  /** The next `take` cells in name order, each with its verdict when it has one that the query asks for. */
  const stretch = (after: CursorKey | undefined, take: number) =>
    db
      .selectFrom(cellsInNameOrder(actor, unit.path, q.period, cellOrderPlan(unit.path, figures.small), after, take))
      .leftJoinLateral(
        (eb) => {
          let v = eb
            .selectFrom('cell_compliance as c')
            .leftJoin('standards as s', (j) => j.onRef('s.code', '=', 'c.standard_code').on(inForce('s', q.period)))
            .select(['c.standard_code', 'c.meets', ...verdictFigures('c', 's')])
            .whereRef('c.cell_id', '=', 'u.id')
            .where('c.period', '=', q.period)
            .where('c.standard_code', '=', q.standard);
          if (q.meets !== undefined) v = v.where('c.meets', '=', q.meets);
          return v.offset(0).as('cc'); // OFFSET 0: a per-cell probe by primary key, which the planner may not flatten and reorder
        },
        (join) => join.onTrue(),
      )
      .select([
        'u.id as cellId',
        'u.name as cellName',
        'u.code as cellCode',
        'cc.standard_code as standardCode',
        'cc.meets',
        'cc.kind',
        'cc.lim',
        'cc.x',
        'cc.y',
      ])
      .orderBy('u.name')
      .orderBy('u.id')
      .execute();
  // How many of the unit's open cells the list holds, from its figures: the first stretch is sized so
  // that it holds a page at that density (exactly a page when every open cell is listed), and an
  // empty list reads nothing.
  const listed = q.meets === undefined ? figures.judged : q.meets ? figures.meeting : figures.judged - figures.meeting;
  return async (limit: number, cursor?: string) => {
    // A tampered cursor is a 400 even when there is nothing to list.
    let after = decodeCursor(cursor);
    if (listed <= 0) return pageFrom([], limit, () => ['', 0]);
    // Cells without such a verdict (outside the standard's scope, or filtered out by `meets`) drop
    // out, so should a stretch come up short, the next is four times longer, until the page is full
    // or the cells run out.
    const found: Array<{ cellId: number; cellName: string; cellCode: string; standardCode: string; meets: boolean; detail: unknown }> = [];
    const first = listed >= figures.cells ? limit + 1 : Math.min(Math.ceil(((limit + 1) * figures.cells * 1.2) / listed), 100_000);
    for (let take = Math.max(limit + 1, first); found.length <= limit; take *= 4) {
      const rows = await stretch(after, take);
      for (const r of rows) {
        if (r.standardCode === null || r.meets === null) continue;
        found.push({
          cellId: r.cellId,
          cellName: r.cellName,
          cellCode: r.cellCode,
          standardCode: r.standardCode,
          meets: r.meets,
          detail: verdictDetail(r),
        });
      }
      const last = rows[rows.length - 1];
      if (rows.length < take || !last) break;
      after = [last.cellName, last.cellId];
    }
    return pageFrom(found.slice(0, limit + 1), limit, (r) => [r.cellName, r.cellId]);
  };
}

export async function listComplianceCells(db: Db, actor: Actor, unitId: number, q: RowsQuery & { limit: number; cursor?: string }) {
  return (await complianceCellsReader(db, actor, unitId, q))(q.limit, q.cursor);
}

/**
 * Every row behind a figure, for a download: keyset pages of 1,000 rows one after another, so a
 * download of the whole tree streams without holding it in memory.
 */
export async function* allComplianceCells(db: Db, actor: Actor, unitId: number, q: RowsQuery) {
  const page = await complianceCellsReader(db, actor, unitId, q);
  let cursor: string | undefined;
  do {
    const { items, nextCursor } = await page(1000, cursor);
    yield items;
    cursor = nextCursor ?? undefined;
  } while (cursor);
}

export async function getTrend(db: Db, actor: Actor, unitId: number, last: Period, months: number) {
  const unit = await findUnitInScope(db, actor, unitId);
  if (!unit) throw notFound('unit.notFound');
  const periods = periodsEndingWith(last, months);
  const [rows, materialized] = await Promise.all([
    db
      .selectFrom('unit_figures')
      .select(['period', 'standard_code', 'cells_total', 'cells_meeting'])
      .where('unit_id', '=', unitId)
      .where('period', 'in', periods)
      .execute(),
    db.selectFrom('metric_periods').select('period').where('period', 'in', periods).execute(),
  ]);
  const known = new Set(materialized.map((m) => m.period));
  const codes = [...new Set(rows.map((r) => r.standard_code))].sort();
  return {
    unitId,
    periods: periods.map(month),
    partial: periods.map((p) => isPartial(p)),
    series: codes.map((code) => ({
      standardCode: code,
      points: periods.map((p) => {
        if (!known.has(p)) return null; // not computed yet: no figure rather than a false zero
        const r = rows.find((x) => x.period === p && x.standard_code === code);
        return { cellsMeeting: r?.cells_meeting ?? 0, cellsTotal: r?.cells_total ?? 0 };
      }),
    })),
  };
}
