/**
 * The metrics engine. Facts (meetings, attendance, actions, follow-ups) become per-cell, per-month
 * metrics; the rulebook turns them into per-cell compliance; committees get roll-ups. Writes keep all
 * three current in the same transaction (one cell at a time, deltas up the ancestor chain); a period
 * can also be rebuilt whole from the raw rows (first use of a month, nightly, after a rulebook change).
 *
 * Roll-ups follow the current tree: a committee's figures for any month count the cells under it now
 * that were open in that month.
 */
import { sql, type RawBuilder } from 'kysely';
import { inTransaction, PREPARED, type Db } from '../../db/database.ts';
import { meetingMetricSources, type MetricWindow } from '../meetings/metrics.ts';
import { evaluateCompliance } from './evaluate.ts';
import { inForce } from './standards.ts';
import { dataEnd, type Period } from './periods.ts';
import { createBuildTable, swapIn } from './partitions.ts';
import { subtreeRange } from './subtree.ts';

/** The meeting kinds whose gaps the rulebook measures on `day` (review_interval standards in force), as an array. */
const gapKindsAt = (day: RawBuilder<unknown>) => sql<string[] | null>`(select array_agg(distinct s.params->>'kind') from standards s
  where s.kind = 'review_interval' and ${inForce('s', day)})`;

/** The path stored with a verdict: on the overall ('*') row only, where the worst-cells read finds it. */
const overallPath = sql`case when standard_code = '*' then path end`;

async function gapKinds(db: Db, period: Period): Promise<string[]> {
  const { rows } = await sql<{ kinds: string[] | null }>`select ${gapKindsAt(sql`${period}::date`)} as kinds`.execute(db);
  return (rows[0]?.kinds ?? []).filter(Boolean);
}

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
  for (const src of meetingMetricSources(await gapKinds(db, w.period))) {
    await sql`insert into ${sql.table(table)} (cell_id, period, key, value)
      select cell_id, ${w.period}::date, key, value from (${src.rows(w)}) m`.execute(db);
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
    await sumUpTheTree(trx, rollups, period);
    await swapIn(trx, period, { cell_metrics: metrics, cell_compliance: compliance, unit_rollups: rollups });
    await sql`insert into metric_periods (period) values (${period}::date)
      on conflict (period) do update set materialized_at = now()`.execute(trx);
  });
}

/**
 * Every committee's roll-up from the per-parent sums in `rollup_direct`, one level of the tree at a
 * time from the deepest: a committee's figures are its own cells' sums plus its child committees'
 * figures. Each row is summed once into its parent, where spreading every sum to all its ancestors at
 * once aggregated five times the rows (10 s at scale L).
 */
async function sumUpTheTree(db: Db, rollups: string, period: Period): Promise<void> {
  await sql`analyze rollup_direct`.execute(db);
  await sql`create temp table rollup_levels (like rollup_direct) on commit drop`.execute(db);
  const { rows: [deepest] } = await sql<{ d: number | null }>`select max(depth) as d from rollup_direct`.execute(db);
  for (let d = deepest?.d ?? -1; d >= 0; d--) {
    await sql`insert into rollup_levels (unit_id, depth, parent_id, standard_code, sector, total, meeting)
      select a.unit_id, ${d}, u.parent_id, a.standard_code, a.sector, a.total, a.meeting
      from (select unit_id, standard_code, sector, sum(total) as total, sum(meeting) as meeting
        from (select unit_id, standard_code, sector, total, meeting from rollup_direct where depth = ${d}
          union all
          select parent_id, standard_code, sector, total, meeting from rollup_levels where depth = ${d + 1}) x
        group by 1, 2, 3) a
      join units u on u.id = a.unit_id`.execute(db);
  }
  await sql`insert into ${sql.table(rollups)} (unit_id, period, standard_code, sector, cells_total, cells_meeting)
    select unit_id, ${period}::date, standard_code, sector, total, meeting from rollup_levels`.execute(db);
  await sql`drop table rollup_direct, rollup_levels`.execute(db); // a later rebuild in this transaction makes its own
}

/** Makes sure a period exists before it is read or written incrementally; true if this call built it. */
export async function ensurePeriod(db: Db, period: Period): Promise<boolean> {
  if (await isMaterialized(db, period)) return false;
  await materializePeriod(db, period, undefined, true);
  return true;
}

/**
 * Recomputes the given cells for the given periods and moves every ancestor's roll-up by the
 * difference. Call inside the transaction that changed the facts.
 */
export async function refreshCells(db: Db, cellIds: number[], periods: Period[], today?: string): Promise<void> {
  await refreshCellsIn(db, cellIds, periods, today);
}

/**
 * Recomputes the cells for `period` and every later materialized period: a held meeting also moves
 * the "time since the last review" of the months after it.
 */
export async function refreshCellsFrom(db: Db, cellIds: number[], period: Period, today?: string): Promise<void> {
  await refreshCellsIn(db, cellIds, [period], today, true);
}

/**
 * The incremental path: one round trip takes the materialized periods' shared locks (oldest first)
 * and reads the gap kinds each period's rulebook measures, then one statement per period updates the
 * cells' metrics, compliance and roll-up deltas. A period nobody has computed yet is skipped: its
 * first read builds it whole from the raw rows (ensurePeriod), this write included, so a write never
 * pays for a month's rebuild.
 */
async function refreshCellsIn(db: Db, cellIds: number[], periods: Period[], today: string | undefined, andLater = false): Promise<void> {
  if (cellIds.length === 0 || periods.length === 0) return;
  const ids = [...new Set(cellIds)].sort((a, b) => a - b);
  const locked = await lockMaterialized(db, periods, andLater);
  for (const { period, kinds } of locked) {
    await refreshStatement({ period, end: dataEnd(period, today), cellIds: ids }, kinds).execute(db);
  }
  if (locked.length > 0) await sql`set local plan_cache_mode to default`.execute(db);
}

/**
 * Shared locks on the materialized ones of `periods` (and every later one), with each period's gap
 * kinds. It also switches the transaction to generic plans until the refresh statements are done
 * (refreshCellsIn): left to choose, PostgreSQL re-planned the large prepared refresh statement on
 * every save (about 7 ms at scale L, against 2 ms to run its generic plan).
 */
async function lockMaterialized(db: Db, periods: Period[], andLater: boolean): Promise<Array<{ period: Period; kinds: string[] }>> {
  const which = andLater ? sql`p.period >= ${[...periods].sort()[0]}::date` : sql`p.period = any(${periods}::date[])`;
  const { rows } = await sql<{ period: Period; kinds: string[] | null }>`${sql.raw(PREPARED)}
    select p.period, pg_advisory_xact_lock_shared(hashtext('rollup:' || to_char(p.period, 'YYYY-MM-DD'))) is not null as locked,
      set_config('plan_cache_mode', 'force_generic_plan', true) as plans,
      ${gapKindsAt(sql`p.period`)} as kinds
    from (select period from metric_periods p where ${which} order by period offset 0) p`.execute(db);
  return rows.map((r) => ({ period: r.period, kinds: (r.kinds ?? []).filter(Boolean) }));
}

/**
 * One statement: the cells' fresh metrics replace their stored ones, the rulebook judges them, the
 * verdicts replace the stored ones, and the difference is added to the roll-ups of the cell's
 * committees (in id order, so concurrent saves do not deadlock). Unchanged rows are not rewritten.
 */
function refreshStatement(w: MetricWindow & { cellIds: number[] }, kinds: string[]) {
  const rows = sql.join(meetingMetricSources(kinds).map((src) => sql`select cell_id, key, value from (${src.rows(w)}) s`), sql` union all `);
  const p = sql`${w.period}::date`;
  const mine = (alias: string) => sql`${sql.ref(`${alias}.period`)} = ${p} and ${sql.ref(`${alias}.cell_id`)} = any(${w.cellIds}::bigint[])`;
  return sql`${sql.raw(PREPARED)}
    with fresh_metrics as materialized (${rows}),
    gone_metrics as (delete from cell_metrics m where ${mine('m')}
      and not exists (select 1 from fresh_metrics f where f.cell_id = m.cell_id and f.key = m.key)),
    put_metrics as (insert into cell_metrics (cell_id, period, key, value) select cell_id, ${p}, key, value from fresh_metrics
      on conflict (cell_id, period, key) do update set value = excluded.value where cell_metrics.value <> excluded.value),
    fresh as materialized (${evaluateCompliance(w.period, w.cellIds, sql`select cell_id, key, value from fresh_metrics`)}),
    old as materialized (select c.cell_id, c.standard_code, c.meets from cell_compliance c where ${mine('c')}),
    gone as (delete from cell_compliance c where ${mine('c')}
      and not exists (select 1 from fresh f where f.cell_id = c.cell_id and f.standard_code = c.standard_code)),
    put as (insert into cell_compliance (cell_id, period, standard_code, meets, x, y, failing, path)
      select cell_id, ${p}, standard_code, meets, x, y, failing, ${overallPath} from fresh
      on conflict (cell_id, period, standard_code) do update set meets = excluded.meets, x = excluded.x, y = excluded.y, failing = excluded.failing, path = excluded.path
      where (cell_compliance.meets, cell_compliance.x, cell_compliance.y, cell_compliance.failing, cell_compliance.path)
        is distinct from (excluded.meets, excluded.x, excluded.y, excluded.failing, excluded.path)),
    deltas as (
      select coalesce(f.cell_id, o.cell_id) as cell_id, coalesce(f.standard_code, o.standard_code) as code,
        (f.cell_id is not null)::int - (o.cell_id is not null)::int as dt, coalesce(f.meets::int, 0) - coalesce(o.meets::int, 0) as dm
      from fresh f full join old o on o.cell_id = f.cell_id and o.standard_code = f.standard_code)
    insert into unit_rollups (unit_id, period, standard_code, sector, cells_total, cells_meeting)
    select anc::bigint, ${p}, d.code, s.sector, sum(d.dt), sum(d.dm)
    from deltas d join units u on u.id = d.cell_id join units parent on parent.id = u.parent_id
    cross join lateral unnest(string_to_array(parent.path::text, '.')) as anc
    cross join lateral (values ('*'), (coalesce(u.sector, ''))) as s(sector)
    where d.dt <> 0 or d.dm <> 0
    group by 1, 3, 4 order by 1, 3, 4
    on conflict (unit_id, period, standard_code, sector) do update set
      cells_total = unit_rollups.cells_total + excluded.cells_total,
      cells_meeting = unit_rollups.cells_meeting + excluded.cells_meeting`;
}

/** A cell opened or closed: its place in every materialized period's roll-ups is redone. */
export async function refreshCellEverywhere(db: Db, cellId: number): Promise<void> {
  await refreshCellsIn(db, [cellId], ['0001-01-01'], undefined, true);
}

/**
 * A subtree moved from oldPath to under newParentPath: its totals (a committee's roll-up rows, which
 * count every cell under it, or a cell's own verdicts) leave the old ancestors and join the new ones.
 * Common ancestors net to zero.
 */
export async function moveRollups(db: Db, unitId: number, oldPath: string, newParentPath: string): Promise<void> {
  await lockEveryPeriod(db);
  await shiftRollups(db, unitId, oldPath.split('.').slice(0, -1).map(Number), -1);
  await shiftRollups(db, unitId, newParentPath.split('.').map(Number), 1);
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
  await shiftRollups(db, cellId, path.split('.').slice(0, -1).map(Number), -1);
  await db.deleteFrom('cell_compliance').where('cell_id', '=', cellId).execute();
}

/** Shared locks on every materialized period, oldest first: a rebuild must not run across a tree change. */
async function lockEveryPeriod(db: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock_shared(hashtext('rollup:' || to_char(p.period, 'YYYY-MM-DD')))
    from (select period from metric_periods order by period offset 0) p`.execute(db);
}

/** Adds `sign` x a unit's own totals, every period and sector, to the roll-ups of `ancestors`. */
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
}
