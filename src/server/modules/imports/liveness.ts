/**
 * Telling a live import from one whose process is gone, without clocks: the connection that runs an
 * import holds a session-level advisory lock on it from before its row says `running` until after
 * its row says how it ended. PostgreSQL drops the lock when that connection ends, so a `running` row
 * whose lock nobody holds belongs to a process that died (kill -9, a crash, a lost connection) and
 * whose transaction was rolled back whole. This stays right when several server processes share one
 * database: each sees the others' live imports through pg_locks. (It needs session-level locks, so a
 * pooler in transaction mode in front of PostgreSQL would break it.)
 */
import { sql } from 'kysely';
import type pg from 'pg';
import type { Db } from '../../db/database.ts';

/** First key of the two-key advisory lock space, kept for imports ("IMP"). */
const IMPORT_LOCKS = 0x494d50;
// The second key hashes the id as PostgreSQL spells the uuid (lower case), whatever case the client used.
const LOCK_KEYS = `$1, hashtext($2::uuid::text)`;

export const INTERRUPTED_MESSAGE = 'interrupted: the server process running it stopped; nothing was imported';

/** Takes the import's lock on this connection; false when someone already holds it (the same id running). */
export async function claimImport(client: pg.PoolClient, importId: string): Promise<boolean> {
  const { rows } = await client.query<{ ok: boolean }>(`select pg_try_advisory_lock(${LOCK_KEYS}) as ok`, [IMPORT_LOCKS, importId]);
  return rows[0]?.ok === true;
}

/** Lets go of the lock; a connection that cannot is destroyed, so no pooled connection keeps it. */
export async function releaseImport(client: pg.PoolClient, importId: string): Promise<void> {
  try {
    await client.query(`select pg_advisory_unlock(${LOCK_KEYS})`, [IMPORT_LOCKS, importId]);
    client.release();
  } catch (err) {
    client.release(err instanceof Error ? err : true);
  }
}

/** Marks `running` imports (one, or all) whose lock nobody holds as failed: interrupted. */
export async function markInterruptedImports(db: Db, importId?: string): Promise<number> {
  let q = db
    .updateTable('imports')
    .set({ status: 'failed', failure: 'interrupted', message: INTERRUPTED_MESSAGE, finished_at: sql<Date>`now()` })
    .where('status', '=', 'running')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom(sql<{ locktype: string }>`pg_locks`.as('l'))
            .select(sql`1`.as('one'))
            .where(sql<boolean>`l.locktype = 'advisory' and l.granted and l.objsubid = 2
          and l.database = (select oid from pg_database where datname = current_database())
          and l.classid = ${IMPORT_LOCKS}::oid and l.objid = hashtext(imports.id::text)::oid`),
        ),
      ),
    );
  if (importId !== undefined) q = q.where('id', '=', importId);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
