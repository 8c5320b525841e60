/**
 * Jobs enqueued inside the caller's transaction (the write-side contract for modules, docs/modules.md):
 * pg-boss writes the job row through the same connection, so the job exists exactly when the write
 * that asked for it commits; a rolled-back write leaves no job behind, and a committed one cannot lose
 * its job to a crash between the commit and a separate send. For fan-outs such as a directive's
 * deliveries: the handler does the heavy work later, in the background.
 */
import { CompiledQuery } from 'kysely';
import type PgBoss from 'pg-boss';
import type { Db } from '../db/database.ts';

/** pg-boss's `db` option (`executeSql`) over a Kysely transaction's connection. */
export function bossDbOf(trx: Db): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[]) {
      const result = await trx.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: result.rows as unknown[] };
    },
  };
}

/** Sends job `name` through `trx`; the job's id, or null when pg-boss refused it (a singleton already queued). */
export function sendInTransaction(
  boss: PgBoss,
  trx: Db,
  name: string,
  data: object,
  options: PgBoss.SendOptions = {},
): Promise<string | null> {
  return boss.send(name, data, { ...options, db: bossDbOf(trx) });
}
