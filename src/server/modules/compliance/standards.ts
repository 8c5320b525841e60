/** The rulebook as it stood on a day: the one definition of "in force" every reader uses. */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';

/** The versions of standard row `s` (an alias, or the table's name) valid on `day`: valid_from <= day < valid_to. */
export const inForce = (s: string, day: string | RawBuilder<unknown>): RawBuilder<boolean> => {
  const d = typeof day === 'string' ? sql`${day}::date` : day;
  return sql<boolean>`${sql.ref(`${s}.valid_from`)} <= ${d} and (${sql.ref(`${s}.valid_to`)} is null or ${sql.ref(`${s}.valid_to`)} > ${d})`;
};

export function standardsInForce(db: Db, day: string) {
  return db.selectFrom('standards')
    .select(['code', 'kind', 'params', 'title_en as title', 'title_ko as titleKo', 'scope_unit_id', 'scope_sector'])
    .where(inForce('standards', day)).orderBy('id').execute();
}
