/** Summing per-parent figures up the committee tree, one level at a time (decision 0006, point 10). */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';

type Direct = {
  /** A temp table (unit_id, depth, parent_id, <group>, sector, <values>) of sums per parent committee. */
  direct: string;
  /** The column that tells figures apart besides the sector: standard_code, or a summed metric's key. */
  group: string;
  /** The columns summed. */
  values: string[];
};

/**
 * Every committee's figures from the per-parent sums in `direct`, one level of the tree at a time
 * from the deepest: a committee's figures are its own cells' sums plus its child committees'
 * figures. Each row is summed once into its parent, where spreading every sum to all its ancestors at
 * once aggregated five times the rows (10 s at scale L). `store` then reads them from `rollup_levels`.
 */
export async function sumUpTheTree(db: Db, { direct, group, values }: Direct, store: RawBuilder<unknown>): Promise<void> {
  const d = sql.table(direct);
  const g = sql.ref(group);
  const cols = sql.join(values.map((v) => sql.ref(v)));
  const sums = sql.join(values.map((v) => sql`sum(${sql.ref(v)}) as ${sql.ref(v)}`));
  const aValues = sql.join(values.map((v) => sql.ref(`a.${v}`)));
  await sql`analyze ${d}`.execute(db);
  await sql`create temp table rollup_levels (like ${d}) on commit drop`.execute(db);
  const {
    rows: [deepest],
  } = await sql<{ d: number | null }>`select max(depth) as d from ${d}`.execute(db);
  for (let depth = deepest?.d ?? -1; depth >= 0; depth--) {
    await sql`insert into rollup_levels (unit_id, depth, parent_id, ${g}, sector, ${cols})
      select a.unit_id, ${depth}, u.parent_id, ${sql.ref(`a.${group}`)}, a.sector, ${aValues}
      from (select unit_id, ${g}, sector, ${sums}
        from (select unit_id, ${g}, sector, ${cols} from ${d} where depth = ${depth}
          union all
          select parent_id, ${g}, sector, ${cols} from rollup_levels where depth = ${depth + 1}) x
        group by 1, 2, 3) a
      join units u on u.id = a.unit_id`.execute(db);
  }
  await store.execute(db);
  await sql`drop table ${d}, rollup_levels`.execute(db); // a later rebuild in this transaction makes its own
}
