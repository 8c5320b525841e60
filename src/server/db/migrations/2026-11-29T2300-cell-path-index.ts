import { sql, type Kysely } from 'kysely';

/**
 * The cells under a committee, with what a drill-down page reads of them, as one range of a btree
 * (compliance/subtree.ts, `cellsInNameOrder`): an index-only scan, where the tree's GiST index gives a
 * bitmap of heap pages to visit, which a busy server is less likely to hold in memory.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index units_cell_path_idx on units (path) include (name, id, code, opened_on, closed_on) where kind = 'cell'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index units_cell_path_idx`.execute(db);
}
