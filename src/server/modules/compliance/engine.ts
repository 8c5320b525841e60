/**
 * The metrics engine. Facts (meetings, attendance, actions, follow-ups) become per-cell, per-month
 * metrics; the rulebook turns them into per-cell compliance; committees get roll-ups. Writes keep the
 * cell's metrics and verdicts current in the same transaction and queue the differences for the
 * committees above it, which the roll-up folder adds a moment later (fold.ts); a period can also be
 * rebuilt whole from the raw rows (first use of a month, nightly, after a rulebook change).
 *
 * Roll-ups follow the current tree: a committee's figures for any month count the cells under it now
 * that were open in that month.
 */
import { sql } from 'kysely';
import { inTransaction, type Db } from '../../db/database.ts';
import { subtreeRange } from '../../db/ltree.ts';
import { FOLLOWERS, SOURCES, SUMS } from '../rulebook-registry.ts';
import { evaluateCompliance } from './evaluate.ts';
import type { MetricWindow } from './plugin.ts';
import { dataEnd, type Period } from './periods.ts';
import { dropQueuedRollups, foldAllRollups } from './fold.ts';
import { createBuildTable, swapIn } from './partitions.ts';
import { overallPath, refreshChange, sourceRows, type FactChange, type LockedMonth } from './refresh.ts';

export { monthsTouched, type FactChange } from './refresh.ts';
import { sumUpTheTree } from './tree-sums.ts';
import { wantedKeysAt } from './wanted-keys.ts';

/**
 * A rebuild holds its month exclusively; incremental writers hold it shared (lockMaterialized). It
 * also holds the rulebook shared, taken first as a rulebook change takes it (rulebook.ts): a change
 * either waits for the rebuild and then finds the month built (and rebuilds it), or commits before the
 * rebuild reads the standards.
 */
async function lockPeriodExclusive(db: Db, period: Period): Promise<void> {
  await sql`select pg_advisory_xact_lock_shared(hashtext('rulebook')) is not null as rulebook,
    pg_advisory_xact_lock(hashtext(${`rollup:${period}`})) is not null as period`.execute(db);
}

/** Every cell's metrics for a period, from every source, into `table` (a rebuild's fresh table). */
async function writeAllMetrics(db: Db, table: string, w: MetricWindow): Promise<void> {
  const {
    rows: [asked],
  } = await sql<{ keys: string[] | null }>`select ${wantedKeysAt(sql`${w.period}::date`)} as keys`.execute(db);
  const wanted = (asked?.keys ?? []).filter(Boolean);
  for (const src of SOURCES) {
    const rows = sourceRows(w, [src], wanted);
    if (rows)
      await sql`insert into ${sql.table(table)} (cell_id, period, key, value) select cell_id, ${w.period}::date, key, value from (${rows}) m`.execute(
        db,
      );
  }
}

export async function isMaterialized(db: Db, period: Period): Promise<boolean> {
  return (await db.selectFrom('metric_periods').select('period').where('period', '=', period).executeTakeFirst()) !== undefined;
}

/**
 * Rebuilds a whole period from the raw rows: metrics, compliance and every roll-up are written into
 * fresh tables that replace the month's partitions (partitions.ts).
 */
export function materializePeriod(db: Db, period: Period, today?: string, onlyIfMissing = false): Promise<void> {
  return inTransaction(db, async (trx) => {
    await lockPeriodExclusive(trx, period);
    if (onlyIfMissing && (await isMaterialized(trx, period))) return; // built meanwhile by whoever held the lock
    for (const f of FOLLOWERS) await f.shiftMonth(trx, period, -1); // the month's part of followers' counts, put back after the swap
    await dropQueuedRollups(trx, period); // its roll-ups are rebuilt from the verdicts, which hold those differences
    // Room for the rebuild's hash joins and sorts, this transaction only: at scale L, 256 MB spilled
    // about 1 GB to temp files (decision 0006).
    await sql`set local work_mem = '1GB'`.execute(trx);
    const metrics = await createBuildTable(trx, 'cell_metrics', period);
    await writeAllMetrics(trx, metrics, { period, end: dataEnd(period, today), cellIds: null });
    await sql`analyze ${sql.table(metrics)}`.execute(trx); // statistics for the evaluation's plan
    const compliance = await createBuildTable(trx, 'cell_compliance', period);
    const rollups = await createBuildTable(trx, 'unit_rollups', period);
    const judged = evaluateCompliance(period, null, sql`select cell_id, key, value from ${sql.table(metrics)}`);
    // Verdicts stored, and summed per parent committee, for all sectors ('*') and for the cells' own
    // sector, in one pass over them.
    await sql`create temp table rollup_direct on commit drop as select * from (values (0::bigint, 0, 0::bigint, ''::text, ''::text, 0::bigint, 0::bigint)) v
      (unit_id, depth, parent_id, standard_code, sector, total, meeting) with no data`.execute(trx);
    await sql`
      with e as materialized (${judged}),
      stored as (
        insert into ${sql.table(compliance)} (cell_id, period, standard_code, meets, x, y, failing, path)
        -- A cell's verdicts together on disk. (Sorting by path cost 7 s at L; subtree reads use the path index.)
        select cell_id, ${period}::date, standard_code, meets, x, y, failing, ${overallPath} from e order by cell_id, standard_code),
      by_parent as (
        select parent_id, sector, standard_code, count(*) as total, count(*) filter (where meets) as meeting from e group by 1, 2, 3)
      insert into rollup_direct (unit_id, depth, parent_id, standard_code, sector, total, meeting)
      select p.id, p.depth, p.parent_id, b.standard_code, s.sector, sum(b.total), sum(b.meeting)
      from by_parent b join units p on p.id = b.parent_id cross join lateral (values ('*'), (b.sector)) as s(sector)
      group by 1, 2, 3, 4, 5`.execute(trx);
    await sumUpTheTree(
      trx,
      { direct: 'rollup_direct', group: 'standard_code', values: ['total', 'meeting'] },
      sql`insert into ${sql.table(rollups)} (unit_id, period, standard_code, sector, cells_total, cells_meeting)
        select unit_id, ${period}::date, standard_code, sector, total, meeting from rollup_levels`,
    );
    const sums = await createBuildTable(trx, 'unit_sums', period);
    await writeSums(trx, sums, metrics, compliance, period);
    await swapIn(trx, period, { cell_metrics: metrics, cell_compliance: compliance, unit_rollups: rollups, unit_sums: sums });
    for (const f of FOLLOWERS) await f.shiftMonth(trx, period, 1);
    await sql`insert into metric_periods (period) values (${period}::date)
      on conflict (period) do update set materialized_at = now()`.execute(trx);
  });
}

/**
 * The summed roll-ups of a rebuilt month: each judged cell's metrics of the registry's summed prefixes,
 * summed per parent committee and sector, then up the tree.
 */
async function writeSums(db: Db, sums: string, metrics: string, compliance: string, period: Period): Promise<void> {
  await sql`create temp table sum_direct on commit drop as select * from (values (0::bigint, 0, 0::bigint, ''::text, ''::text, 0::float8)) v
    (unit_id, depth, parent_id, key, sector, value) with no data`.execute(db);
  if (SUMS.length) {
    await sql`insert into sum_direct (unit_id, depth, parent_id, key, sector, value)
      select p.id, p.depth, p.parent_id, m.key, s.sector, sum(m.value)
      from ${sql.table(metrics)} m join ${sql.table(compliance)} c on c.cell_id = m.cell_id and c.standard_code = '*'
      join units u on u.id = m.cell_id join units p on p.id = u.parent_id
      cross join lateral (values ('*'), (coalesce(u.sector, ''))) as s(sector)
      where m.key ^@ any(${SUMS.map((x) => x.prefix)}::text[])
      group by 1, 2, 3, 4, 5`.execute(db);
  }
  await sumUpTheTree(
    db,
    { direct: 'sum_direct', group: 'key', values: ['value'] },
    sql`insert into ${sql.table(sums)} (unit_id, period, key, sector, value) select unit_id, ${period}::date, key, sector, value from rollup_levels`,
  );
}

/** Makes sure a period exists before it is read or written incrementally; true if this call built it. */
export async function ensurePeriod(db: Db, period: Period): Promise<boolean> {
  if (await isMaterialized(db, period)) return false;
  await materializePeriod(db, period, undefined, true);
  return true;
}

/**
 * A write changed `changes` (facts and their days) for these cells: their metrics, verdicts and the
 * roll-ups above them are brought up to date, re-running only the metric sources that read those
 * facts, in the months the facts touch (monthsTouched). Call inside the transaction that wrote them.
 */
export async function refreshFacts(
  db: Db,
  cellIds: number[],
  changes: readonly FactChange[],
  today?: string,
  locked?: readonly LockedMonth[],
): Promise<void> {
  await refreshChange(db, cellIds, changes, today, locked);
}

/** A cell opened or closed: its place in every materialized period's roll-ups is redone. */
export async function refreshCellEverywhere(db: Db, cellId: number): Promise<void> {
  await refreshChange(db, [cellId], 'all', undefined);
}

/**
 * A subtree moved from oldPath to under newParentPath: its totals (a committee's roll-up rows, which
 * count every cell under it, or a cell's own verdicts) leave the old ancestors and join the new ones.
 * Common ancestors net to zero.
 */
export async function moveRollups(db: Db, unitId: number, oldPath: string, newParentPath: string): Promise<void> {
  await lockEveryPeriod(db);
  await foldAllRollups(db); // queued differences carry their cells' old paths
  const from = oldPath.split('.').slice(0, -1).map(Number);
  const to = newParentPath.split('.').map(Number);
  await shiftRollups(db, unitId, from, -1);
  await shiftRollups(db, unitId, to, 1);
  for (const f of FOLLOWERS) await f.moveTotals(db, unitId, from, to);
  // The moved cells' overall verdicts follow them in every period (found through their old paths).
  await sql`update cell_compliance set path = ${newParentPath}::ltree || subpath(path, nlevel(${oldPath}::ltree) - 1)
    where standard_code = '*' and ${subtreeRange('path', oldPath)}`.execute(db);
}

/**
 * A cell is about to change in a way that moves it between roll-up buckets (its sector): its verdicts
 * leave its committees' roll-ups and are dropped, to be judged again (refreshCellEverywhere) once the
 * change is made.
 */
export async function withdrawCell(db: Db, cellId: number, path: string): Promise<void> {
  await lockEveryPeriod(db);
  await foldAllRollups(db);
  const ancestors = path.split('.').slice(0, -1).map(Number);
  await shiftRollups(db, cellId, ancestors, -1);
  for (const f of FOLLOWERS) await f.moveTotals(db, cellId, [...ancestors, cellId], []);
  await db.deleteFrom('cell_compliance').where('cell_id', '=', cellId).execute();
}

/** Shared locks on every materialized period, oldest first: a rebuild must not run across a tree change. */
async function lockEveryPeriod(db: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock_shared(hashtext('rollup:' || to_char(p.period, 'YYYY-MM-DD')))
    from (select period from metric_periods order by period offset 0) p`.execute(db);
}

/** Adds `sign` x a unit's own totals and sums, every period and sector, to the roll-ups of `ancestors`. */
async function shiftRollups(db: Db, unitId: number, ancestors: number[], sign: 1 | -1): Promise<void> {
  await sql`
    with own as (
      select period, standard_code, sector, cells_total, cells_meeting from unit_rollups where unit_id = ${unitId}
      union all
      select cc.period, cc.standard_code, s.sector, 1, cc.meets::int
      from cell_compliance cc join units u on u.id = cc.cell_id cross join lateral (values ('*'), (coalesce(u.sector, ''))) as s(sector)
      where cc.cell_id = ${unitId})
    insert into unit_rollups (unit_id, period, standard_code, sector, cells_total, cells_meeting)
    select anc, r.period, r.standard_code, r.sector, ${sign} * r.cells_total, ${sign} * r.cells_meeting
    from own r cross join unnest(${ancestors}::bigint[]) as anc
    order by 1, 2, 3, 4
    on conflict (unit_id, period, standard_code, sector) do update set
      cells_total = unit_rollups.cells_total + excluded.cells_total,
      cells_meeting = unit_rollups.cells_meeting + excluded.cells_meeting`.execute(db);
  if (SUMS.length === 0) return;
  // A committee's sums, or a cell's summed metrics in the months it is judged (it has an overall verdict).
  await sql`
    with own as (
      select period, key, sector, value from unit_sums where unit_id = ${unitId}
      union all
      select m.period, m.key, s.sector, m.value
      from cell_metrics m join units u on u.id = m.cell_id cross join lateral (values ('*'), (coalesce(u.sector, ''))) as s(sector)
      where m.cell_id = ${unitId} and m.key ^@ any(${SUMS.map((x) => x.prefix)}::text[])
        and exists (select 1 from cell_compliance c where c.cell_id = m.cell_id and c.period = m.period and c.standard_code = '*'))
    insert into unit_sums (unit_id, period, key, sector, value)
    select anc, r.period, r.key, r.sector, ${sign} * r.value
    from own r cross join unnest(${ancestors}::bigint[]) as anc
    order by 1, 2, 3, 4
    on conflict (unit_id, period, key, sector) do update set value = unit_sums.value + excluded.value`.execute(db);
}
