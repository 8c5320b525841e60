/**
 * The derived tables are partitioned by month (migration 2026-11-29T1300, decision 0006). A rebuild
 * fills fresh, unindexed build tables, indexes them with one sort each and swaps them in: readers see
 * the old month until the rebuild commits, and nothing is deleted row by row.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { nextPeriod, type Period } from './periods.ts';

export type DerivedTable = 'cell_metrics' | 'cell_compliance' | 'unit_rollups' | 'unit_sums';

/** Each table's primary key, then any secondary index; the same as the partitioned parent's, so ATTACH adopts them. */
const INDEXES: Record<DerivedTable, string[]> = {
  cell_metrics: ['(cell_id, period, key)'],
  cell_compliance: [
    '(cell_id, period, standard_code)',
    `(period, failing desc) where standard_code = '*'`,
    `(path) include (cell_id, failing, period) where standard_code = '*'`,
  ],
  unit_rollups: ['(unit_id, period, standard_code, sector)'],
  unit_sums: ['(unit_id, period, key, sector)'],
};

const PERIOD_RE = /^\d{4}-\d{2}-01$/;

export function partitionName(table: DerivedTable, period: Period): string {
  if (!PERIOD_RE.test(period)) throw new Error(`not a period: ${period}`);
  return `${table}_y${period.slice(0, 4)}m${period.slice(5, 7)}`;
}

/**
 * An empty table shaped like the month's partition, holding only that month (the CHECK lets ATTACH
 * skip its validation scan). Returns its name.
 */
export async function createBuildTable(db: Db, table: DerivedTable, period: Period): Promise<string> {
  const name = `${partitionName(table, period)}_build`;
  await sql
    .raw(`create table ${name} (like ${table} including defaults,
    check (period >= date '${period}' and period < date '${nextPeriod(period)}'))`)
    .execute(db);
  return name;
}

/**
 * Indexes the filled build tables, then puts them in place of the month's partitions. Replacing an
 * existing partition locks its parent exclusively until commit, so this is the rebuild's last step and
 * takes the parents' locks at once, in one order.
 */
export async function swapIn(db: Db, period: Period, builds: Record<DerivedTable, string>): Promise<void> {
  const tables = Object.keys(builds) as DerivedTable[];
  for (const table of tables) {
    const [primary, ...secondary] = INDEXES[table];
    await sql.raw(`alter table ${builds[table]} add primary key ${primary}`).execute(db);
    for (const columns of secondary) await sql.raw(`create index on ${builds[table]} ${columns}`).execute(db);
  }
  const names = tables.map((t) => partitionName(t, period));
  const { rows } = await sql<{ name: string }>`select n as name from unnest(${names}::text[]) n where to_regclass(n) is not null`.execute(
    db,
  );
  const existing = new Set(rows.map((r) => r.name));
  if (existing.size) await sql.raw(`lock table ${tables.join(', ')} in access exclusive mode`).execute(db);
  for (const [i, table] of tables.entries()) {
    const name = names[i]!;
    if (existing.has(name)) await sql.raw(`alter table ${table} detach partition ${name}; drop table ${name}`).execute(db);
    await sql
      .raw(`alter table ${builds[table]} rename to ${name};
      alter table ${table} attach partition ${name} for values from ('${period}') to ('${nextPeriod(period)}')`)
      .execute(db);
  }
}

/**
 * VACUUM (and ANALYZE) a rebuilt month's partitions, after the rebuild has committed: it sets the
 * visibility map, so per-cell probes of the overall verdicts become index-only scans. Cannot run
 * inside a transaction; a rebuild made inside a request is left to autovacuum.
 */
export async function vacuumPeriod(db: Db, period: Period): Promise<void> {
  for (const table of ['cell_metrics', 'cell_compliance', 'unit_rollups', 'unit_sums'] as const) {
    await sql.raw(`vacuum (analyze) ${partitionName(table, period)}`).execute(db);
  }
}
