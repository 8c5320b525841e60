import { sql } from 'kysely';
import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';

/**
 * What a handler may use: the database (outside any transaction); when run by the queue (always, in
 * production) also the queue itself and the configuration. Tests may call a handler with db and log only.
 */
export type JobContext = { db: Database; log: Logger; boss?: PgBoss; config?: Config };

export type JobDefinition<P extends z.ZodTypeAny> = {
  name: string;
  payload: P;
  /** Cron schedule for periodic jobs. */
  cron?: string;
  /** The queue's policy and retries (pg-boss createQueue options); pg-boss's defaults when absent. */
  queue?: Omit<PgBoss.Queue, 'name'>;
  /** How often a worker looks for new jobs (pg-boss's default, 2 s, unless a job is waited for on screen). */
  pollingIntervalSeconds?: number;
  /** Must be idempotent: a job may run twice after a crash. */
  handle(payload: z.infer<P>, ctx: JobContext): Promise<void>;
};

export const define = <P extends z.ZodTypeAny>(d: JobDefinition<P>) => d as unknown as JobDefinition<z.ZodTypeAny>;

export const purgeExpiredSessions = define({
  name: 'purge-expired-sessions',
  payload: z.object({}),
  cron: '17 * * * *',
  async handle(_payload, { db, log }) {
    const result = await db
      .deleteFrom('sessions')
      .where((eb) =>
        eb.or([eb('expires_at', '<', sql<Date>`now() - interval '7 days'`), eb('ended_at', '<', sql<Date>`now() - interval '7 days'`)]),
      )
      .executeTakeFirst();
    log.info({ deleted: Number(result.numDeletedRows) }, 'expired sessions purged');
  },
});

/**
 * A month in progress is judged on "so far", and time alone changes that (review gaps grow, actions
 * fall due), so the current month is rebuilt every night; in the first days of a month the previous
 * one is rebuilt too, closing it with its final figures. Idempotent: a rebuild from the raw rows.
 */
export const recomputeCurrentPeriod = define({
  name: 'recompute-current-period',
  payload: z.object({}),
  cron: '15 0 * * *',
  async handle(_payload, { db, log }) {
    const { materializePeriod } = await import('../modules/compliance/engine.ts');
    const { vacuumPeriod } = await import('../modules/compliance/partitions.ts');
    const { periodOf, previousPeriod, todayIso } = await import('../modules/compliance/periods.ts');
    const today = todayIso();
    const periods = [periodOf(today), ...(Number(today.slice(8)) <= 3 ? [previousPeriod(periodOf(today))] : [])];
    for (const period of periods) {
      const started = Date.now();
      await materializePeriod(db, period);
      await vacuumPeriod(db, period);
      log.info({ period, ms: Date.now() - started }, 'period recomputed');
    }
  },
});

/**
 * On a month's last evening, the next month is built ahead (empty, judged as of midnight), so the
 * first dashboard read after midnight finds it ready instead of building it inside the request (about
 * a minute at scale L). Writes after midnight then keep it current, and the 00:15 rebuild follows.
 * `today` may be given to run it as of another day. Idempotent: a month already built is left alone.
 */
export const prepareNextPeriod = define({
  name: 'prepare-next-period',
  payload: z.object({
    today: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  }),
  cron: '30 23 * * *',
  async handle(payload, { db, log }) {
    const { materializePeriod } = await import('../modules/compliance/engine.ts');
    const { vacuumPeriod } = await import('../modules/compliance/partitions.ts');
    const { addDays, nextPeriod, periodOf, todayIso } = await import('../modules/compliance/periods.ts');
    const today = payload.today ?? todayIso();
    if (periodOf(addDays(today, 1)) === periodOf(today)) return; // not the month's last day
    const period = nextPeriod(periodOf(today));
    const started = Date.now();
    await materializePeriod(db, period, today, true);
    await vacuumPeriod(db, period);
    log.info({ period, ms: Date.now() - started }, 'next period prepared');
  },
});

/** A directive's fan-out (decision 0016): resumable from its cursor, so a retry or a second runner is harmless. */
export const directiveFanOut = define({
  name: 'directive-fan-out',
  payload: z.object({ directiveId: z.number().int(), round: z.number().int() }),
  // An official watches the reach page fill after publishing: picked up within half a second.
  pollingIntervalSeconds: 0.5,
  async handle(payload, { db, log, boss, config: given }) {
    const { runFanOut } = await import('../modules/directives/fanout.ts');
    const { jobNotifier } = await import('../modules/directives/notify.ts');
    const { loadConfig } = await import('../config.ts');
    const config = loadConfig();
    const notifier = jobNotifier({ boss, config: given });
    const { sendInTransaction } = await import('./enqueue.ts');
    await runFanOut(db, payload.directiveId, payload.round, {
      batchCells: config.fanOutBatchCells,
      pauseMs: config.fanOutPauseMs,
      log,
      notifier,
      onDone: boss ? (trx) => sendInTransaction(boss, trx, directiveNotifyPublished.name, payload).then(() => undefined) : undefined,
    });
  },
});

/** After a round's fan-out: everyone it reached is told (in-app, mail, webhooks), once (its key). */
export const directiveNotifyPublished = define({
  name: 'directive-notify-published',
  payload: z.object({ directiveId: z.number().int(), round: z.number().int() }),
  async handle(payload, { db, boss, config: given }) {
    const { jobNotifier, notifyRoundDelivered } = await import('../modules/directives/notify.ts');
    await db
      .transaction()
      .execute((trx) => notifyRoundDelivered(trx, jobNotifier({ boss, config: given }), payload.directiveId, payload.round));
  },
});

/** Integrity cases closed longer ago than the centre's rule are purged, nightly (decision 0029). Idempotent. */
export const purgeClosedCases = define({
  name: 'purge-closed-cases',
  payload: z.object({}),
  cron: '40 2 * * *',
  async handle(_payload, { db, log }) {
    const { purgeClosedCases: purge } = await import('../modules/cases/retention.ts');
    log.info(await purge(db), 'closed cases purged');
  },
});

export const jobDefinitions: Array<JobDefinition<z.ZodTypeAny>> = [
  purgeExpiredSessions,
  recomputeCurrentPeriod,
  prepareNextPeriod,
  directiveFanOut,
  directiveNotifyPublished,
  purgeClosedCases,
];
