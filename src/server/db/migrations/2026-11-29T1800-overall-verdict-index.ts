import { sql, type Kysely } from 'kysely';

/**
 * Each cell's overall verdict ('*') with its failing count, by cell: the worst cells under a committee
 * probe one small index per cell (an index-only scan once the month's partition is vacuumed) instead
 * of fetching every verdict row from the table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index cell_compliance_overall_idx on cell_compliance (cell_id) include (period, failing) where standard_code = '*'`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index cell_compliance_overall_idx`.execute(db);
}
