import { sql } from 'kysely';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Database } from '../db/database.ts';

export type JobDefinition<P extends z.ZodTypeAny> = {
  name: string;
  payload: P;
  /** Cron schedule for periodic jobs. */
  cron?: string;
  /** Must be idempotent: a job may run twice after a crash. */
  handle(payload: z.infer<P>, ctx: { db: Database; log: Logger }): Promise<void>;
};

const define = <P extends z.ZodTypeAny>(d: JobDefinition<P>) => d as unknown as JobDefinition<z.ZodTypeAny>;

export const purgeExpiredSessions = define({
  name: 'purge-expired-sessions',
  payload: z.object({}),
  cron: '17 * * * *',
  async handle(_payload, { db, log }) {
    const result = await db.deleteFrom('sessions')
      .where((eb) => eb.or([
        eb('expires_at', '<', sql<Date>`now() - interval '7 days'`),
        eb('ended_at', '<', sql<Date>`now() - interval '7 days'`),
      ]))
      .executeTakeFirst();
    log.info({ deleted: Number(result.numDeletedRows) }, 'expired sessions purged');
  },
});

export const jobDefinitions: Array<JobDefinition<z.ZodTypeAny>> = [purgeExpiredSessions];
