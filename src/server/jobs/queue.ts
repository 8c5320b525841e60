/**
 * The job queue: pg-boss on the same PostgreSQL. Jobs are definitions (name, zod payload, idempotent
 * handler); periodic work is scheduled by pg-boss's cron.
 */
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { ConnectionOptions, Database } from '../db/database.ts';
import { isMaterialized } from '../modules/compliance/engine.ts';
import { periodOf, todayIso } from '../modules/compliance/periods.ts';
import { notificationJobs } from '../modules/notifications/jobs.ts';
import { resumeFanOuts } from '../modules/directives/fanout.ts';
import { directiveJobs } from '../modules/directives/reminders.ts';
import { jobDefinitions, recomputeCurrentPeriod } from './definitions.ts';

export type Jobs = { boss: PgBoss; stop(): Promise<void> };

export async function startJobs(connection: ConnectionOptions, db: Database, log: Logger, config: Config): Promise<Jobs> {
  const { host, port, user, password, database, connectionString } = connection;
  const boss = new PgBoss({
    host,
    port,
    user,
    database,
    connectionString,
    max: 3,
    schema: 'pgboss',
    password: typeof password === 'string' ? password : undefined,
  });
  boss.on('error', (err) => log.warn({ err }, 'job queue error'));
  await boss.start();
  const ctx = { db, log, boss, config };
  for (const def of [...jobDefinitions, ...notificationJobs, ...directiveJobs]) {
    await boss.createQueue(def.name, { ...def.queue, name: def.name });
    await boss.work(def.name, { pollingIntervalSeconds: def.pollingIntervalSeconds ?? 2 }, async (batch) => {
      for (const job of batch) await def.handle(def.payload.parse(job.data ?? {}), ctx);
    });
    if (def.cron) await boss.schedule(def.name, def.cron, {});
  }
  // Back after a stop across a month's end (or first started): the month in progress is built in the
  // background now, not by the first dashboard read.
  const current = periodOf(todayIso());
  if (!(await isMaterialized(db, current))) {
    await boss.send(recomputeCurrentPeriod.name, {}, { singletonKey: current });
  }
  // A directive's fan-out cut short by a crash continues from its cursor.
  const resumed = await resumeFanOuts(db, boss);
  if (resumed) log.info({ resumed }, 'directive fan-outs resumed');
  return {
    boss,
    async stop() {
      await boss.stop({ graceful: true, timeout: 5_000 });
    },
  };
}
