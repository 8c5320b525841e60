/**
 * The sending jobs. `send` queues have policy `short` (at most one job waiting), so every notify call
 * may ask for one without piling jobs up; a run sends one batch, then asks for the next at once if more
 * is due, or for a retry run when the earliest backoff ends. A cron run every minute is the safety net
 * (a lost retry job, a sender that died holding claims). Sending itself is idempotent (outbox.ts).
 */
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { JobContext, JobDefinition } from '../../jobs/definitions.ts';
import { define } from '../../jobs/definitions.ts';
import { MAIL_JOB, MAIL_RETRY_JOB, WEBHOOK_JOB, WEBHOOK_RETRY_JOB } from './job-names.ts';
import { sendDueMail, type SendRun } from './mail.ts';
import { nextDue, type OutboxTable } from './outbox.ts';
import { sendDueWebhooks } from './webhook-send.ts';

type Sender = (db: JobContext['db'], config: Config, log: JobContext['log']) => Promise<SendRun>;

const retries = { retryLimit: 5, retryDelay: 10, retryBackoff: true };

function senderJobs(table: OutboxTable, now: string, later: string, send: Sender) {
  const handle = async (_payload: unknown, { db, log, boss, config }: JobContext) => {
    if (!config) return;
    const run = await send(db, config, log);
    if (!boss || run.claimed === 0) return;
    const due = await nextDue(db, table);
    if (!due) return;
    const waitSeconds = Math.ceil((due.getTime() - Date.now()) / 1000);
    if (waitSeconds <= 0) await boss.send(now, {});
    else await boss.send(later, {}, { startAfter: waitSeconds, singletonKey: String(due.getTime()) });
  };
  return [
    define({ name: now, payload: z.object({}), cron: '* * * * *', queue: { policy: 'short', ...retries }, handle }),
    define({ name: later, payload: z.object({}), queue: { policy: 'standard', ...retries }, handle }),
  ];
}

export const notificationJobs: Array<JobDefinition<z.ZodTypeAny>> = [
  ...senderJobs('mail_outbox', MAIL_JOB, MAIL_RETRY_JOB, sendDueMail),
  ...senderJobs('webhook_deliveries', WEBHOOK_JOB, WEBHOOK_RETRY_JOB, sendDueWebhooks),
];
