/**
 * The sending jobs. `send` queues have policy `short` (at most one job waiting), so every notify call
 * may ask for one without piling jobs up; a run sends batch after batch for up to half a minute, then
 * asks for the next run at once if more is due, or for a retry run when the earliest backoff ends. A
 * cron run every minute is the safety net (a lost retry job, a sender that died holding claims).
 * Sending itself is idempotent (outbox.ts).
 */
import { sql } from 'kysely';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { JobContext, JobDefinition } from '../../jobs/definitions.ts';
import { define } from '../../jobs/definitions.ts';
import { MAIL_JOB, MAIL_RETRY_JOB, WEBHOOK_JOB, WEBHOOK_RETRY_JOB } from './job-names.ts';
import { sendDueMail, type SendRun } from './mail.ts';
import { nextDue, type OutboxTable } from './outbox.ts';
import { sendDueWebhooks } from './webhook-send.ts';

type Sender = (db: JobContext['db'], config: Config, log: JobContext['log']) => Promise<SendRun>;

/** How long one run keeps sending before it hands over to a next job (other queues get the worker too). */
const RUN_MS = 30_000;
const retries = { retryLimit: 5, retryDelay: 10, retryBackoff: true };

function senderJobs(table: OutboxTable, now: string, later: string, send: Sender) {
  const handle = async (_payload: unknown, { db, log, boss, config }: JobContext) => {
    if (!config) return;
    // Batch after batch while they all go through, for up to half a minute; then hand over.
    const started = Date.now();
    let run: SendRun;
    do run = await send(db, config, log);
    while (run.claimed > 0 && run.failed === 0 && Date.now() - started < RUN_MS);
    if (!boss) return;
    const due = await nextDue(db, table);
    if (!due) return;
    const waitSeconds = Math.ceil((due.getTime() - Date.now()) / 1000);
    if (waitSeconds <= 0) await boss.send(now, {});
    // One retry job per moment it is due for, however many runs (the cron's too) ask for it.
    else await boss.send(later, {}, { startAfter: waitSeconds, singletonKey: String(due.getTime()), singletonSeconds: 3600 });
  };
  return [
    define({ name: now, payload: z.object({}), cron: '* * * * *', queue: { policy: 'short', ...retries }, handle }),
    define({ name: later, payload: z.object({}), queue: { policy: 'standard', ...retries }, handle }),
  ];
}

/**
 * Sent mail and deliveries are kept 30 days (a member's export and an administrator may ask what went
 * out; the sending page's counts are kept apart, in notification_sent_daily), then deleted in slices so no statement holds millions of row locks. Failed ones stay
 * until an administrator has seen them: they are few, and they are the evidence.
 */
export const purgeSent = define({
  name: 'notifications-purge-sent',
  payload: z.object({}),
  cron: '40 3 * * *',
  async handle(_payload, { db, log }) {
    for (const table of ['mail_outbox', 'webhook_deliveries'] as const) {
      let deleted = 0;
      for (;;) {
        const { numAffectedRows } = await sql`delete from ${sql.table(table)} where id in (
          select id from ${sql.table(table)} where state = 'sent' and sent_at < now() - interval '30 days' limit 50000)`.execute(db);
        deleted += Number(numAffectedRows ?? 0);
        if (Number(numAffectedRows ?? 0) < 50_000) break;
      }
      if (deleted) log.info({ table, deleted }, 'sent notifications purged');
    }
  },
});

export const notificationJobs: Array<JobDefinition<z.ZodTypeAny>> = [
  purgeSent,
  ...senderJobs('mail_outbox', MAIL_JOB, MAIL_RETRY_JOB, sendDueMail),
  ...senderJobs('webhook_deliveries', WEBHOOK_JOB, WEBHOOK_RETRY_JOB, sendDueWebhooks),
];
