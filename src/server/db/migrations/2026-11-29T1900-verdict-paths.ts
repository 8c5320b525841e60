import { sql, type Kysely } from 'kysely';

/**
 * Each cell's overall verdict ('*') carries the cell's path, in a btree index: the worst cells under a
 * committee become one range scan of that index (the committee's stretch of the tree) instead of
 * finding its cells through the tree's GiST index and probing each one's verdict. The per-cell index
 * of 1800 served only those probes and goes. Moves keep the paths current (compliance/engine.ts).
 * `period` is included so the scan is index-only: a month's partition bounds do not imply `period = X`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table cell_compliance add column path ltree`.execute(db);
  await sql`update cell_compliance c set path = u.path from units u where u.id = c.cell_id and c.standard_code = '*'`.execute(db);
  await sql`drop index cell_compliance_overall_idx`.execute(db);
  await sql`create index cell_compliance_overall_path_idx on cell_compliance (path) include (cell_id, failing, period) where standard_code = '*'`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index cell_compliance_overall_path_idx`.execute(db);
  await sql`create index cell_compliance_overall_idx on cell_compliance (cell_id) include (period, failing) where standard_code = '*'`.execute(
    db,
  );
  await sql`alter table cell_compliance drop column path`.execute(db);
}
