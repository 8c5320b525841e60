import { sql, type Kysely } from 'kysely';

/** Cells in name order: the first page of a drill-down under a large committee stops early (compliance/subtree.ts). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index units_cell_name_idx on units (name, id) where kind = 'cell'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index units_cell_name_idx`.execute(db);
}
