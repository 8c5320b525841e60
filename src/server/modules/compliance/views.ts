/** Dashboard views over the roll-ups: the heat grid of child units, the worst cells, the split by sector. */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { findUnitInScope } from '../../access/lookups.ts';
import { pathInScope } from '../../access/scope.ts';
import type { Db } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import { ensurePeriod } from './engine.ts';
import type { Period } from './periods.ts';
import { verdictDetail, verdictFigures } from './evaluate.ts';
import { inForce, standardsInForce } from './standards.ts';
import { subtreeRange } from '../../db/ltree.ts';
import { cellsUnder, ensurePeriodAndFigures } from './subtree.ts';

const month = (p: Period) => p.slice(0, 7);
type Figure = { cellsMeeting: number; cellsTotal: number };

async function unitForView(db: Db, actor: Actor, unitId: number, period: Period) {
  const unit = await findUnitInScope(db, actor, unitId);
  if (!unit) throw notFound('unit.notFound');
  await ensurePeriod(db, period);
  return unit;
}

/** Each child unit (in scope, open) against each standard: read straight from their roll-up rows. */
export async function getGrid(db: Db, actor: Actor, unitId: number, period: Period) {
  await unitForView(db, actor, unitId, period);
  const [inForce, children] = await Promise.all([
    standardsInForce(db, period),
    db
      .selectFrom('units as u')
      .select(['u.id', 'u.name', 'u.kind'])
      .where('u.parent_id', '=', unitId)
      .where('u.closed_on', 'is', null)
      .where(pathInScope(actor, 'u.path'))
      .orderBy('u.name')
      .orderBy('u.id')
      .limit(500)
      .execute(),
  ]);
  const rollups =
    children.length === 0
      ? []
      : await db
          .selectFrom('unit_figures')
          .select(['unit_id', 'standard_code', 'cells_total', 'cells_meeting'])
          .where('period', '=', period)
          .where(
            'unit_id',
            'in',
            children.map((c) => c.id),
          )
          .execute();
  const figure = (id: number, code: string): Figure => {
    const r = rollups.find((x) => x.unit_id === id && x.standard_code === code);
    return { cellsMeeting: r?.cells_meeting ?? 0, cellsTotal: r?.cells_total ?? 0 };
  };
  const standards = inForce.map(({ code, title, titleKo }) => ({ code, title, titleKo }));
  return {
    unitId,
    period: month(period),
    standards,
    rows: children.map((c) => ({
      unit: c,
      all: figure(c.id, '*'),
      figures: Object.fromEntries(standards.map((s) => [s.code, figure(c.id, s.code)])),
    })),
  };
}

/**
 * The cells under a unit failing the most standards this period, with the figures that fail: the
 * '*' verdicts carry the count (and the cell's path), so the worst are found from them alone, then
 * only their failing rows are read.
 */
export async function getWorstCells(db: Db, actor: Actor, unitId: number, period: Period, limit: number) {
  // Scope and figures at once, as for the drill-down (service.ts).
  const [unit, { small }] = await Promise.all([findUnitInScope(db, actor, unitId), ensurePeriodAndFigures(db, unitId, period)]);
  if (!unit) throw notFound('unit.notFound');
  const worst = await findWorstCells(db, actor, unit.path, period, limit, small);
  const failing =
    worst.length === 0
      ? []
      : await db
          .selectFrom('cell_compliance as c')
          .innerJoin('standards as s', (j) => j.onRef('s.code', '=', 'c.standard_code').on(inForce('s', period)))
          .select(['c.cell_id', 'c.standard_code as code', ...verdictFigures('c', 's')])
          .where('c.period', '=', period)
          .where(
            'c.cell_id',
            'in',
            worst.map((w) => w.id),
          )
          .where('c.meets', '=', false)
          .where('c.standard_code', '!=', '*')
          .orderBy('c.cell_id')
          .orderBy('c.standard_code')
          .execute();
  return {
    period: month(period),
    items: worst.map((r) => ({
      cell: { id: r.id, name: r.name, kind: r.kind },
      parent: r.parentId === null ? null : { id: r.parentId, name: r.parentName!, kind: r.parentKind! },
      failing: failing.filter((f) => f.cell_id === r.id).map((f) => ({ code: f.code, detail: verdictDetail(f) })),
    })),
  };
}

/** The page of worst cells under `path` (failing count, then name), by the plan that suits the subtree's size. */
export async function findWorstCells(db: Db, actor: Actor, path: string, period: Period, limit: number, small: boolean) {
  const cols = ['u.id', 'u.name', 'u.kind', 'u.parent_id', 'cc.failing'] as const;
  const page = small
    ? // A small subtree: its failing verdicts are one range of the path index. Only the cells failing
      // at least as much as the page's last one are joined to their names for the order.
      db
        .with('f', (w) =>
          w
            .selectFrom('cell_compliance as c')
            .select(['c.cell_id', 'c.failing'])
            .where('c.period', '=', period)
            .where('c.standard_code', '=', '*')
            .where('c.failing', '>', 0)
            .where(subtreeRange('c.path', path))
            .where(pathInScope(actor, 'c.path')),
        )
        .selectFrom('f as cc')
        .innerJoin('units as u', 'u.id', 'cc.cell_id')
        .select(cols)
        .where('cc.failing', '>=', (eb) =>
          eb.fn.coalesce(
            eb
              .selectFrom('f')
              .select('f.failing')
              .orderBy('f.failing', 'desc')
              .offset(limit - 1)
              .limit(1),
            sql.lit(1),
          ),
        )
        .orderBy('cc.failing', 'desc')
        .orderBy('u.name')
        .orderBy('u.id')
        .limit(limit)
    : // A large one: the month's overall verdicts walked in failing-count order until the page is full.
      db
        .selectFrom(cellsUnder(actor, path))
        .innerJoin('cell_compliance as cc', 'cc.cell_id', 'u.id')
        .select(cols)
        .where('cc.period', '=', period)
        .where('cc.standard_code', '=', '*')
        .where('cc.failing', '>', 0)
        .orderBy('cc.failing', 'desc')
        .orderBy('u.name')
        .orderBy('u.id')
        .limit(limit);
  // The parents of the page's cells only, not of every cell the order had to compare; a parent above
  // the reader's scope is left out (a secretary's cell has none for them), as everywhere else.
  return db
    .selectFrom(page.as('w'))
    .leftJoin('units as p', (j) => j.onRef('p.id', '=', 'w.parent_id').on(pathInScope(actor, 'p.path')))
    .select(['w.id', 'w.name', 'w.kind', 'p.id as parentId', 'p.name as parentName', 'p.kind as parentKind'])
    .orderBy('w.failing', 'desc')
    .orderBy('w.name')
    .orderBy('w.id')
    .execute();
}

/** The cells under a unit split by sector (for the central dashboard): the roll-ups' sector rows. */
export async function getSectorBreakdown(db: Db, actor: Actor, unitId: number, period: Period) {
  const unit = await unitForView(db, actor, unitId, period);
  const rows =
    unit.kind === 'cell'
      ? (
          await db
            .selectFrom('cell_compliance')
            .select(['standard_code', 'meets'])
            .where('cell_id', '=', unit.id)
            .where('period', '=', period)
            .execute()
        ).map((r) => ({ sector: unit.sector ?? '', standard_code: r.standard_code, total: 1, meeting: r.meets ? 1 : 0 }))
      : await db
          .selectFrom('unit_rollups')
          .select(['sector', 'standard_code', 'cells_total as total', 'cells_meeting as meeting'])
          .where('unit_id', '=', unit.id)
          .where('period', '=', period)
          .where('sector', '!=', '*')
          .where('cells_total', '>', 0)
          .execute();
  const sectors = [...new Set(rows.map((r) => r.sector))].sort();
  const fig = (sector: string, code: string): Figure => {
    const r = rows.find((x) => x.sector === sector && x.standard_code === code);
    return { cellsMeeting: r?.meeting ?? 0, cellsTotal: r?.total ?? 0 };
  };
  const codes = [...new Set(rows.map((r) => r.standard_code))].filter((c) => c !== '*');
  return {
    period: month(period),
    // '' is the roll-ups' bucket for cells without a sector; the API says null.
    rows: sectors.map((s) => ({
      sector: s === '' ? null : s,
      all: fig(s, '*'),
      figures: Object.fromEntries(codes.map((c) => [c, fig(s, c)])),
    })),
  };
}
