/** The rulebook as it stood on a day: the one definition of "in force" every reader uses. */
import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { DB } from '../../db/types.ts';

/** Versions valid on `day`: valid_from <= day < valid_to. */
export const inForce = (day: string) => (eb: ExpressionBuilder<DB, 'standards'>) =>
  eb.and([eb('valid_from', '<=', day), eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', day)])]);

export function standardsInForce(db: Db, day: string) {
  return db.selectFrom('standards')
    .select(['code', 'kind', 'params', 'title_en as title', 'title_ko as titleKo', 'scope_unit_id', 'scope_sector'])
    .where(inForce(day)).orderBy('id').execute();
}
