/** The rulebook as it stood on a day: the one definition of "in force" every reader uses. */
import { sql, type ExpressionBuilder, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { DB } from '../../db/types.ts';

/** Versions valid on `day`: valid_from <= day < valid_to. */
export const inForce = (day: string) => (eb: ExpressionBuilder<DB, 'standards'>) =>
  eb.and([eb('valid_from', '<=', day), eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', day)])]);

/** The same for the standards row aliased `s` in a larger query. */
export const inForceAs = (s: string, day: string): RawBuilder<boolean> =>
  sql`${sql.ref(`${s}.valid_from`)} <= ${day}::date and (${sql.ref(`${s}.valid_to`)} is null or ${sql.ref(`${s}.valid_to`)} > ${day}::date)`;

export function standardsInForce(db: Db, day: string) {
  return db.selectFrom('standards')
    .select(['code', 'kind', 'params', 'title_en as title', 'title_ko as titleKo', 'scope_unit_id', 'scope_sector'])
    .where(inForce(day)).orderBy('id').execute();
}
