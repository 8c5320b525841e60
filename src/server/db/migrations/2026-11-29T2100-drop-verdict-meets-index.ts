import { sql, type Kysely } from 'kysely';

/**
 * The index of verdicts by (period, standard, meets) is dropped: no read uses it (the drill-down finds a
 * committee's cells first and probes their verdicts by primary key; the worst cells read the failing
 * count's and the path's indexes), yet every monthly rebuild built it (about 5 s at scale L) and every
 * change of a verdict rewrote it, which also kept such updates from being HOT.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index cell_compliance_period_idx`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create index cell_compliance_period_idx on cell_compliance (period, standard_code, meets)`.execute(db);
}
