/**
 * The roll-up folder (decision 0022). A write judges its cell at once and queues the difference it
 * makes to the committees above it (refresh.ts: rollup_deltas, rollup_sum_deltas, with the cell's
 * parent path then); the folder adds a batch of them up the tree, summed per committee, and deletes
 * them, in one transaction. So a save touches no committee row (the root's rows were every save's
 * bottleneck), committees' figures follow within a moment, and a crash loses nothing: a difference
 * is either still queued or already added, never both.
 *
 * Locks: the folder holds the queued months shared, as writers do; a month's rebuild holds it
 * exclusively and drops that month's queue (its verdicts are rebuilt from the raw rows anyway). A
 * tree change folds everything first (`foldAllRollups`), so queued paths never outlive a move.
 * The verdicts' differences also go to the counts modules keep over them (VerdictFollower, plugin.ts),
 * in the same statement.
 */
import { sql } from 'kysely';
import type { Logger } from 'pino';
import { inTransaction, type Db } from '../../db/database.ts';
import { FOLLOWERS } from '../rulebook-registry.ts';

/** The followers' statements over `taken`, as CTEs of the fold's statement (a no-op CTE when none). */
const followersOfTaken = () =>
  sql.join([sql`followed as (select 1)`, ...FOLLOWERS.map((f, i) => sql`${sql.raw(`follower_${i}`)} as (${f.fold})`)], sql`, `);

/** Rows folded in one transaction: big enough to sum many saves' differences, small enough to stay brief. */
const BATCH = 20_000;

/**
 * Folds up to `batch` queued differences of each kind; returns how many rows were folded. `wait`:
 * take rows other folders hold too, after they commit (a tree change must see the queue empty).
 */
export function foldRollups(db: Db, batch = BATCH, wait = false): Promise<number> {
  return inTransaction(db, async (trx) => {
    const { rows } = await sql<{ period: string }>`
      select period::text, pg_advisory_xact_lock_shared(hashtext('rollup:' || to_char(period, 'YYYY-MM-DD'))) is not null as locked
      from (select distinct period from rollup_deltas union select distinct period from rollup_sum_deltas order by 1 offset 0) p`.execute(
      trx,
    );
    if (rows.length === 0) return 0;
    const periods = rows.map((r) => r.period);
    const skip = wait ? sql`` : sql`skip locked`;
    const counts = await sql<{ n: number }>`
      with taken as (
        delete from rollup_deltas where (cell_id, id) in (
          select cell_id, id from rollup_deltas where period = any(${periods}::date[]) order by id limit ${batch} for update ${skip})
        returning cell_id, period, parent_path, sector, standard_code, dt, dm),
      ${followersOfTaken()},
      put as (
        insert into unit_rollups (unit_id, period, standard_code, sector, cells_total, cells_meeting)
        select anc::bigint, t.period, t.standard_code, s.sector, sum(t.dt), sum(t.dm)
        from taken t
        cross join lateral unnest(string_to_array(t.parent_path, '.')) as anc
        cross join lateral (values ('*'), (t.sector)) as s(sector)
        group by 1, 2, 3, 4 order by 1, 2, 3, 4
        on conflict (unit_id, period, standard_code, sector) do update set
          cells_total = unit_rollups.cells_total + excluded.cells_total,
          cells_meeting = unit_rollups.cells_meeting + excluded.cells_meeting)
      select count(*)::int as n from taken`.execute(trx);
    const sums = await sql<{ n: number }>`
      with taken as (
        delete from rollup_sum_deltas where (cell_id, id) in (
          select cell_id, id from rollup_sum_deltas where period = any(${periods}::date[]) order by id limit ${batch} for update ${skip})
        returning period, parent_path, sector, key, dv),
      put as (
        insert into unit_sums (unit_id, period, key, sector, value)
        select anc::bigint, t.period, t.key, s.sector, sum(t.dv)
        from taken t
        cross join lateral unnest(string_to_array(t.parent_path, '.')) as anc
        cross join lateral (values ('*'), (t.sector)) as s(sector)
        group by 1, 2, 3, 4 order by 1, 2, 3, 4
        on conflict (unit_id, period, key, sector) do update set value = unit_sums.value + excluded.value)
      select count(*)::int as n from taken`.execute(trx);
    return (counts.rows[0]?.n ?? 0) + (sums.rows[0]?.n ?? 0);
  });
}

/** Folds until the queue is empty (tests, a tree change's transaction, shutting down). */
export async function foldAllRollups(db: Db, wait = true): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await foldRollups(db, BATCH, wait);
    total += n;
    if (n === 0) return total;
  }
}

/** A month's rebuild recomputes its roll-ups from the cells' verdicts: that month's queue is moot. */
export async function dropQueuedRollups(db: Db, period: string): Promise<void> {
  await sql`with a as (delete from rollup_deltas where period = ${period}::date)
    delete from rollup_sum_deltas where period = ${period}::date`.execute(db);
}

async function anyQueued(db: Db): Promise<boolean> {
  const { rows } = await sql<{ any: boolean }>`
    select exists (select 1 from rollup_deltas) or exists (select 1 from rollup_sum_deltas) as any`.execute(db);
  return rows[0]?.any === true;
}

export type RollupFolder = { stop(): Promise<void> };

/**
 * Folds every `intervalMs` while the process runs; several processes may each run one (they take
 * disjoint rows). A failed round is logged and retried on the next tick.
 */
export function startRollupFolder(db: Db, log: Logger, intervalMs: number): RollupFolder {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = (async () => {
      try {
        // Idle, a tick is one cheap read, not a transaction.
        let folded = (await anyQueued(db)) ? 1 : 0;
        while (!stopped && folded > 0) folded = await foldRollups(db);
      } catch (err) {
        if (!stopped) log.warn({ err }, 'folding roll-ups failed; retrying');
      }
      if (!stopped) timer = setTimeout(tick, intervalMs);
    })();
  };
  timer = setTimeout(tick, intervalMs);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
