import { sql, type Kysely } from 'kysely';

/** The committee depths that get an index of their cells in name order (compliance/subtree.ts). */
const DEPTHS = [1, 2, 3, 4];

/**
 * For each committee depth d, the cells under each committee of that depth in name order: an index on
 * the cell's ancestor at depth d (the first d + 1 labels of its path), then name and id, covering what
 * a drill-down page reads. The first page of any such committee is then one short range of an index,
 * where it used to gather every cell under the committee and sort them (2 to 5 thousand under a
 * level-2 committee at scale L) to keep a hundred.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const d of DEPTHS) {
    await sql
      .raw(`create index units_cells_under_depth${d}_idx on units ((subpath(path, 0, ${d + 1})), name, id)
      include (code, opened_on, closed_on, path) where kind = 'cell' and nlevel(path) > ${d + 1}`)
      .execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const d of DEPTHS) await sql.raw(`drop index units_cells_under_depth${d}_idx`).execute(db);
}
