/** Directives a bench made, removed at its end so a kept dataset stays as it was. */
import { sql } from 'kysely';
import type { Db } from '../../src/server/db/database.ts';

export async function dropDirectives(db: Db, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  for (const table of ['directive_deliveries', 'directive_reach', 'directive_rounds']) {
    await sql`delete from ${sql.table(table)} where directive_id = any(${ids}::bigint[])`.execute(db);
  }
  await sql`delete from directives where id = any(${ids}::bigint[])`.execute(db);
}
