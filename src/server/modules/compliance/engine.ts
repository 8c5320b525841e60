/**
 * The metrics engine. Facts (meetings, attendance, actions, follow-ups) become per-cell, per-month
 * metrics; the rulebook turns them into per-cell compliance; committees get roll-ups. Writes keep all
 * three current in the same transaction (one cell at a time, deltas up the ancestor chain); a period
 * can also be rebuilt whole from the raw rows (first use of a month, nightly, after a rulebook change).
 *
 * Roll-ups follow the current tree: a committee's figures for any month count the cells under it now
 * that were open in that month.
 */
import { sql } from 'kysely';
import { inTransaction, type Db } from '../../db/database.ts';
import { meetingMetricSources, type MetricWindow } from '../meetings/metrics.ts';
import { evaluateCompliance } from './evaluate.ts';
import { dataEnd, nextPeriod, type Period } from './periods.ts';
import { inForce } from './standards.ts';

/** Kinds whose gaps the rulebook measures in a period (from review_interval standards in force). */
async function gapKinds(db: Db, period: Period): Promise<string[]> {
  const rows = await db.selectFrom('standards').select(sql<string>`distinct params->>'kind'`.as('kind'))
    .where('kind', '=', 'review_interval').where(inForce(period)).execute();
  return rows.map((r) => r.kind).filter(Boolean);
}

async function lockPeriod(db: Db, period: Period, mode: 'shared' | 'exclusive'): Promise<void> {
  const key = sql`hashtext(${`rollup:${period}`})`;
  if (mode === 'shared') await sql`select pg_advisory_xact_lock_shared(${key})`.execute(db);
  else await sql`select pg_advisory_xact_lock(${key})`.execute(db);
}

async function writeMetrics(db: Db, w: MetricWindow, kinds?: string[]): Promise<void> {
  const filter = w.cellIds === null ? sql`true` : sql`cell_id = any(${w.cellIds}::bigint[])`;
  const sources = meetingMetricSources(kinds ?? (await gapKinds(db, w.period)));
  await sql`delete from cell_metrics where period = ${w.period}::date and ${filter}`.execute(db);
  // A few cells: one statement for every source. The whole organization: one statement per source.
  const batches = w.cellIds === null ? sources.map((src) => [src]) : [sources];
  for (const batch of batches) {
    const rows = sql.join(batch.map((src) => sql`select cell_id, key, value from (${src.rows(w)}) s`), sql` union all `);
    await sql`insert into cell_metrics (cell_id, period, key, value) select cell_id, ${w.period}::date, key, value from (${rows}) m`.execute(db);
  }
}

/** Takes the period's shared lock and reads the kinds whose gaps the rulebook measures, in one round trip. */
async function beginIncremental(db: Db, period: Period): Promise<string[]> {
  const { rows } = await sql<{ kinds: string[] | null }>`
    select pg_advisory_xact_lock_shared(hashtext(${`rollup:${period}`})) is not null as locked,
      (select array_agg(distinct params->>'kind') from standards where kind = 'review_interval'
        and valid_from <= ${period}::date and (valid_to is null or valid_to > ${period}::date)) as kinds`.execute(db);
  return (rows[0]?.kinds ?? []).filter(Boolean);
}

export async function isMaterialized(db: Db, period: Period): Promise<boolean> {
  return (await db.selectFrom('metric_periods').select('period').where('period', '=', period).executeTakeFirst()) !== undefined;
}

/** Rebuilds a whole period from the raw rows: metrics, compliance and every roll-up. */
export function materializePeriod(db: Db, period: Period, today?: string): Promise<void> {
  return inTransaction(db, async (trx) => {
    await lockPeriod(trx, period, 'exclusive');
    await writeMetrics(trx, { period, end: dataEnd(period, today), cellIds: null });
    await sql`analyze cell_metrics`.execute(trx); // fresh statistics for the evaluation's plan
    await sql`delete from cell_compliance where period = ${period}::date`.execute(trx);
    await sql`insert into cell_compliance (cell_id, period, standard_code, meets, detail)
      select cell_id, ${period}::date, standard_code, meets, detail from (${evaluateCompliance(period, nextPeriod(period), null)}) e`.execute(trx);
    await sql`delete from unit_rollups where period = ${period}::date`.execute(trx);
    await sql`insert into unit_rollups (unit_id, period, standard_code, cells_total, cells_meeting)
      select anc::bigint, ${period}::date, cc.standard_code, count(*), count(*) filter (where cc.meets)
      from cell_compliance cc join units u on u.id = cc.cell_id
      cross join lateral unnest(string_to_array(u.path::text, '.')) as anc
      where cc.period = ${period}::date
      group by 1, 3`.execute(trx);
    await sql`insert into metric_periods (period) values (${period}::date)
      on conflict (period) do update set materialized_at = now()`.execute(trx);
  });
}

/** Makes sure a period exists before it is read or written incrementally. */
export async function ensurePeriod(db: Db, period: Period): Promise<void> {
  if (!(await isMaterialized(db, period))) await materializePeriod(db, period);
}

/**
 * Recomputes the given cells for one period and moves every ancestor's roll-up by the difference.
 * Call inside the transaction that changed the facts.
 */
export async function refreshCells(db: Db, cellIds: number[], period: Period, today?: string, known = false): Promise<void> {
  if (cellIds.length === 0) return;
  if (!known && !(await isMaterialized(db, period))) {
    await materializePeriod(db, period, today); // sees this transaction's facts when db is the transaction
    return;
  }
  const ids = [...new Set(cellIds)].sort((a, b) => a - b);
  const kinds = await beginIncremental(db, period);
  await writeMetrics(db, { period, end: dataEnd(period, today), cellIds: ids }, kinds);
  const fresh = (await evaluateCompliance(period, nextPeriod(period), ids).execute(db)).rows;
  const old = await db.deleteFrom('cell_compliance').where('period', '=', period).where('cell_id', 'in', ids)
    .returning(['cell_id', 'standard_code', 'meets']).execute();
  if (fresh.length) {
    await db.insertInto('cell_compliance').values(fresh.map((r) => ({
      cell_id: r.cell_id, period, standard_code: r.standard_code, meets: r.meets, detail: r.detail === null ? null : JSON.stringify(r.detail),
    }))).execute();
  }
  await applyDeltas(db, period, complianceDiff(old, fresh));
}

type Delta = { cellId: number; code: string; dt: number; dm: number };

function complianceDiff(old: Array<{ cell_id: number; standard_code: string; meets: boolean }>, fresh: Array<{ cell_id: number; standard_code: string; meets: boolean }>): Delta[] {
  const byKey = new Map<string, Delta>();
  const at = (cellId: number, code: string) => {
    const k = `${cellId}|${code}`;
    let d = byKey.get(k);
    if (!d) byKey.set(k, (d = { cellId, code, dt: 0, dm: 0 }));
    return d;
  };
  for (const o of old) { const d = at(o.cell_id, o.standard_code); d.dt -= 1; d.dm -= o.meets ? 1 : 0; }
  for (const f of fresh) { const d = at(f.cell_id, f.standard_code); d.dt += 1; d.dm += f.meets ? 1 : 0; }
  return [...byKey.values()].filter((d) => d.dt !== 0 || d.dm !== 0);
}

/** Adds each cell's change to the roll-up of the cell itself and of every ancestor, in a fixed order. */
async function applyDeltas(db: Db, period: Period, deltas: Delta[]): Promise<void> {
  if (deltas.length === 0) return;
  await sql`
    insert into unit_rollups (unit_id, period, standard_code, cells_total, cells_meeting)
    select anc::bigint, ${period}::date, d.code, sum(d.dt), sum(d.dm)
    from unnest(${deltas.map((d) => d.cellId)}::bigint[], ${deltas.map((d) => d.code)}::text[], ${deltas.map((d) => d.dt)}::int[], ${deltas.map((d) => d.dm)}::int[]) as d(cell_id, code, dt, dm)
    join units u on u.id = d.cell_id cross join lateral unnest(string_to_array(u.path::text, '.')) as anc
    group by 1, 3 order by 1, 3
    on conflict (unit_id, period, standard_code) do update set
      cells_total = unit_rollups.cells_total + excluded.cells_total,
      cells_meeting = unit_rollups.cells_meeting + excluded.cells_meeting`.execute(db);
}

/**
 * Recomputes the cells for `period` and every later materialized period: a held meeting also moves
 * the "time since the last review" of the months after it.
 */
export async function refreshCellsFrom(db: Db, cellIds: number[], period: Period, today?: string): Promise<void> {
  const computed = await materializedPeriods(db);
  if (!computed.includes(period)) await refreshCells(db, cellIds, period, today);
  for (const p of computed.filter((x) => x >= period)) await refreshCells(db, cellIds, p, today, true);
}

/** All materialized periods, oldest first. */
export async function materializedPeriods(db: Db): Promise<Period[]> {
  return (await db.selectFrom('metric_periods').select('period').orderBy('period').execute()).map((r) => r.period);
}

/** A cell opened or closed: its place in every materialized period's roll-ups is redone. */
export async function refreshCellEverywhere(db: Db, cellId: number): Promise<void> {
  for (const period of await materializedPeriods(db)) await refreshCells(db, [cellId], period);
}

/**
 * A subtree moved from oldPath to under newParentPath: its totals (its own roll-up rows, which count
 * every cell under it) leave the old ancestors and join the new ones. Common ancestors net to zero.
 */
export async function moveRollups(db: Db, unitId: number, oldPath: string, newParentPath: string): Promise<void> {
  const oldAncestors = oldPath.split('.').slice(0, -1).map(Number);
  const newAncestors = newParentPath.split('.').map(Number);
  for (const [ancestors, sign] of [[oldAncestors, -1], [newAncestors, 1]] as const) {
    await sql`
      insert into unit_rollups (unit_id, period, standard_code, cells_total, cells_meeting)
      select anc, r.period, r.standard_code, ${sign} * r.cells_total, ${sign} * r.cells_meeting
      from unit_rollups r cross join unnest(${ancestors}::bigint[]) as anc
      where r.unit_id = ${unitId}
      order by 1, 2, 3
      on conflict (unit_id, period, standard_code) do update set
        cells_total = unit_rollups.cells_total + excluded.cells_total,
        cells_meeting = unit_rollups.cells_meeting + excluded.cells_meeting`.execute(db);
  }
}
