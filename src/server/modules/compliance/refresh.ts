/**
 * The incremental path of the engine (decision 0006, points 5, 7 and 11): a write names the facts it
 * changed, and one statement per month re-runs only the metric sources that read them, replaces only
 * the keys those sources own, judges the cells on all their metrics, and queues the difference this
 * makes to the committees' roll-ups and summed roll-ups, which the roll-up folder adds a moment later
 * (fold.ts, decision 0022).
 */
import { sql, type RawBuilder } from 'kysely';
import { PREPARED, type Db } from '../../db/database.ts';
import { carriesForward, SOURCES, SUMS } from '../rulebook-registry.ts';
import { evaluateCompliance } from './evaluate.ts';
import type { Fact, MetricSource, MetricWindow } from './plugin.ts';
import { dataEnd, periodOf, type Period } from './periods.ts';
import { wantedKeysAt } from './wanted-keys.ts';

/** The path stored with a verdict: on the overall ('*') row only, where the worst-cells read finds it. */
export const overallPath = sql`case when standard_code = '*' then path end`;

/** A fact a write changed, and the day (or month) it is dated. */
export type FactChange = { fact: Fact; on: string };

/**
 * The months a fact dated `on` touches: its own month and, when a source reading it carries it forward
 * (the time since the last review, …), every later materialized one. The write-side contract of a
 * module: its writes say what they changed, never which months or sources to recompute.
 */
export function monthsTouched(fact: Fact, on: string): { from: Period; andLater: boolean } {
  return { from: periodOf(on), andLater: carriesForward(fact) };
}

/** The sources a period must re-run for `changes`: those reading a fact of its month, or carrying one forward from before it. */
function sourcesFor(period: Period, changes: readonly FactChange[] | 'all'): MetricSource[] {
  if (changes === 'all') return [...SOURCES];
  return SOURCES.filter((s) =>
    changes.some((c) => {
      if (!s.reads.includes(c.fact)) return false;
      const { from } = monthsTouched(c.fact, c.on);
      return from === period || (s.carriesForward && from < period);
    }),
  );
}

/** A materialized month a write holds (shared) while it refreshes, with the keys its rulebook wants. */
export type LockedMonth = { period: Period; wanted: string[] };

/**
 * Recomputes `cellIds` after a write changed `changes` ('all': every source, every materialized month,
 * for a cell opened, closed or moved between sectors). One round trip takes the materialized months'
 * shared locks (oldest first) with the keys each month's rulebook asks the parameterised sources for,
 * then one statement per month refreshes the cells. A month nobody has computed yet is skipped: its
 * first build reads the raw rows, this write included, so a write never pays for a month's rebuild.
 * A write that already took the locks in a statement of its own (`lockedMonthsOf`) passes them as
 * `locked`, and the refresh is then one statement per month and nothing else.
 */
export async function refreshChange(
  db: Db,
  cellIds: number[],
  changes: readonly FactChange[] | 'all',
  today: string | undefined,
  locked?: readonly LockedMonth[],
): Promise<void> {
  if (cellIds.length === 0 || changes.length === 0) return;
  const ids = [...new Set(cellIds)].sort((a, b) => a - b);
  const touched = changes === 'all' ? [{ from: '0001-01-01', andLater: true }] : changes.map((c) => monthsTouched(c.fact, c.on));
  const andLater = touched.some((t) => t.andLater);
  const months = locked ?? (await lockMaterialized(db, [...new Set(touched.map((t) => t.from))], andLater));
  const runs = months
    .map(({ period, wanted }) => ({ period, wanted, sources: sourcesFor(period, changes) }))
    .filter((r) => r.sources.length);
  for (const [i, { period, wanted, sources }] of runs.entries()) {
    const last = i === runs.length - 1;
    await refreshStatement({ period, end: dataEnd(period, today), cellIds: ids }, sources, wanted, last).execute(db);
  }
  if (months.length > 0 && runs.length === 0) await sql`set local plan_cache_mode to default`.execute(db);
}

/**
 * Shared locks on the materialized ones of `periods` (and every later one), with each period's wanted
 * keys. It also switches the transaction to generic plans until the refresh statements are done:
 * left to choose, PostgreSQL re-planned the large prepared refresh statement on every save (about
 * 7 ms at scale L, against 2 ms to run its generic plan).
 */
async function lockMaterialized(db: Db, periods: Period[], andLater: boolean): Promise<LockedMonth[]> {
  const which = andLater ? sql`p.period >= ${[...periods].sort()[0]}::date` : sql`p.period = any(${periods}::date[])`;
  const { rows } = await sql<{ months: LockedMonth[] }>`${sql.raw(PREPARED)} select ${lockedMonths(which)} as months`.execute(db);
  return rows[0]?.months ?? [];
}

/**
 * The same locks as a column for a statement the write sends anyway (its first read), so that the
 * refresh costs no round trip of its own: `days` are the SQL dates of the facts the write will name
 * in `changes`, whose carrying forward decides whether later months are locked too.
 */
export function lockedMonthsOf(days: RawBuilder<unknown>[], facts: readonly Fact[]): RawBuilder<LockedMonth[]> {
  const months = days.map((d) => sql`date_trunc('month', ${d})::date`);
  const which = facts.some(carriesForward) ? sql`p.period >= least(${sql.join(months)})` : sql`p.period = any(array[${sql.join(months)}])`;
  return lockedMonths(which);
}

const lockedMonths = (which: RawBuilder<unknown>) => sql<LockedMonth[]>`(select coalesce(json_agg(json_build_object('period', p.period,
      'wanted', coalesce((select array_agg(k) from unnest(p.wanted) k where k is not null), '{}')) order by p.period), '[]')
    from (select p.period, pg_advisory_xact_lock_shared(hashtext('rollup:' || to_char(p.period, 'YYYY-MM-DD'))) as locked,
        set_config('plan_cache_mode', 'force_generic_plan', true) as plans, ${wantedKeysAt(sql`p.period`)} as wanted
      from (select period from metric_periods p where ${which} order by period offset 0) p) p)`;

/** The rows of `sources` for a window, each parameterised one asked only for its wanted keys. */
export function sourceRows(w: MetricWindow, sources: readonly MetricSource[], wanted: readonly string[]): RawBuilder<unknown> | null {
  const parts = sources.flatMap((src) => {
    if (!src.parameterised) return [src.rows(w, [])];
    const mine = wanted.filter((k) => src.owns.some((prefix) => k.startsWith(prefix)));
    return mine.length ? [src.rows(w, mine)] : [];
  });
  if (parts.length === 0) return null;
  return sql.join(
    parts.map((rows) => sql`select cell_id, key, value from (${rows}) s`),
    sql` union all `,
  );
}

/** The summed roll-ups `sources` can move (all of them when every source runs). */
const sumsMovedBy = (sources: readonly MetricSource[]) =>
  SUMS.filter((s) => sources.some((src) => src.owns.some((o) => s.prefix.startsWith(o) || o.startsWith(s.prefix))));

const startsWithAny = (column: RawBuilder<unknown>, prefixes: readonly string[]) => sql`${column} ^@ any(${prefixes}::text[])`;

/**
 * One statement: the sources' fresh metrics replace the keys they own, the rulebook judges the cells
 * on those and their other stored metrics, the verdicts replace the stored ones, and the differences
 * are queued for the roll-ups (and summed roll-ups) of the cells' committees with the cells' parent
 * paths (fold.ts adds them up the tree). Unchanged rows are not rewritten, and no committee row is
 * touched: concurrent saves under one committee never wait for each other.
 */
export function refreshStatement(
  w: MetricWindow & { cellIds: number[] },
  sources: readonly MetricSource[],
  wanted: readonly string[],
  endsGenericPlans = false,
) {
  const every = sources.length === SOURCES.length;
  const owned = sources.flatMap((s) => s.owns);
  const p = sql`${w.period}::date`;
  const mine = (alias: string) =>
    sql`${sql.ref(`${alias}.period`)} = ${p} and ${sql.ref(`${alias}.cell_id`)} = any(${w.cellIds}::bigint[])`;
  const rows = sourceRows(w, sources, wanted) ?? sql`select null::bigint as cell_id, null::text as key, null::float8 as value where false`;
  // Every source ran: the fresh rows are all the cell's metrics. Otherwise the keys no source ran for are kept.
  const ownedBy = (alias: string) => (every ? sql`true` : startsWithAny(sql.ref(`${alias}.key`), owned));
  const metrics = every ? 'fresh_metrics' : 'all_metrics';
  const allMetrics = every
    ? sql``
    : sql`all_metrics as materialized (select cell_id, key, value from fresh_metrics union all
      select m.cell_id, m.key, m.value from cell_metrics m where ${mine('m')} and not (${ownedBy('m')})),`;
  const sums = sumsMovedBy(sources).map((s) => s.prefix);
  return sql`${sql.raw(PREPARED)}
    with fresh_metrics as materialized (${rows}),
    ${allMetrics}
    places as materialized (${placesOf(w.cellIds)}),
    gone_metrics as (delete from cell_metrics m where ${mine('m')} and ${ownedBy('m')}
      and not exists (select 1 from fresh_metrics f where f.cell_id = m.cell_id and f.key = m.key)),
    put_metrics as (insert into cell_metrics (cell_id, period, key, value) select cell_id, ${p}, key, value from fresh_metrics
      on conflict (cell_id, period, key) do update set value = excluded.value where cell_metrics.value <> excluded.value),
    fresh as materialized (${evaluateCompliance(w.period, w.cellIds, sql`select cell_id, key, value from ${sql.table(metrics)}`)}),
    old as materialized (select c.cell_id, c.standard_code, c.meets from cell_compliance c where ${mine('c')}),
    gone as (delete from cell_compliance c where ${mine('c')}
      and not exists (select 1 from fresh f where f.cell_id = c.cell_id and f.standard_code = c.standard_code)),
    put as (insert into cell_compliance (cell_id, period, standard_code, meets, x, y, failing, path)
      select cell_id, ${p}, standard_code, meets, x, y, failing, ${overallPath} from fresh
      on conflict (cell_id, period, standard_code) do update set meets = excluded.meets, x = excluded.x, y = excluded.y, failing = excluded.failing, path = excluded.path
      where (cell_compliance.meets, cell_compliance.x, cell_compliance.y, cell_compliance.failing, cell_compliance.path)
        is distinct from (excluded.meets, excluded.x, excluded.y, excluded.failing, excluded.path)),
    ${sums.length ? sumDeltas(p, mine('m'), sums, metrics) : sql``}
    deltas as (
      select coalesce(f.cell_id, o.cell_id) as cell_id, coalesce(f.standard_code, o.standard_code) as code,
        (f.cell_id is not null)::int - (o.cell_id is not null)::int as dt, coalesce(f.meets::int, 0) - coalesce(o.meets::int, 0) as dm
      from fresh f full join old o on o.cell_id = f.cell_id and o.standard_code = f.standard_code),
    rolled as (insert into rollup_deltas (cell_id, period, parent_path, sector, standard_code, dt, dm)
    select d.cell_id, ${p}, u.parent_path, u.sector, d.code, d.dt, d.dm
    from deltas d join places u on u.cell_id = d.cell_id
    where d.dt <> 0 or d.dm <> 0)
    ${
      // The last month's statement hands the transaction back to PostgreSQL's own choice of plans
      // (lockMaterialized forced generic ones), saving the save a round trip of its own. 'auto' is that
      // choice; reading the server's configured value instead (pg_settings.reset_val) built the whole
      // settings view on every save (0.8 ms at scale M).
      endsGenericPlans ? sql`select set_config('plan_cache_mode', 'auto', true)` : sql`select 1`
    }`;
}

/**
 * The refreshed cells' committees (their parent's path) and sector, read by id first: joined to the
 * differences instead, the generic plan guessed hundreds of rows and hashed every unit (9.5 ms a save
 * at scale M, growing with the tree).
 */
const placesOf = (cellIds: number[]) => sql`select u.id as cell_id, coalesce(u.sector, '') as sector, parent.path::text as parent_path
      from units u join units parent on parent.id = u.parent_id where u.id = any(${cellIds}::bigint[])`;

/**
 * The summed roll-ups' part of the refresh: a cell counts with the metrics it has while it is judged in
 * the month (it has an overall verdict), so the difference is its new sums (if judged now) less its
 * old ones (if judged before), queued for each committee above it.
 */
function sumDeltas(p: RawBuilder<unknown>, mine: RawBuilder<unknown>, prefixes: string[], metrics: string) {
  return sql`sum_deltas as (
      select cell_id, key, sum(v) as dv from (
        select a.cell_id, a.key, a.value as v from ${sql.table(metrics)} a
        where ${startsWithAny(sql.ref('a.key'), prefixes)} and exists (select 1 from fresh f where f.cell_id = a.cell_id and f.standard_code = '*')
        union all
        select m.cell_id, m.key, -m.value from cell_metrics m
        where ${mine} and ${startsWithAny(sql.ref('m.key'), prefixes)} and exists (select 1 from old o where o.cell_id = m.cell_id and o.standard_code = '*')) x
      group by 1, 2 having sum(v) <> 0),
    put_sums as (
      insert into rollup_sum_deltas (cell_id, period, parent_path, sector, key, dv)
      select d.cell_id, ${p}, u.parent_path, u.sector, d.key, d.dv
      from sum_deltas d join places u on u.cell_id = d.cell_id),
    `;
}
