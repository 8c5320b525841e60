/** The sending jobs' queue names (jobs.ts defines them; service.ts enqueues them). */
/** Sends due mail now; at most one waits in the queue (policy `short`), so notify calls never pile jobs up. */
export const MAIL_JOB = 'notifications-send-mail';
/** The same work later: the retry of mail that failed, started after its backoff. */
export const MAIL_RETRY_JOB = 'notifications-retry-mail';
export const WEBHOOK_JOB = 'notifications-send-webhooks';
export const WEBHOOK_RETRY_JOB = 'notifications-retry-webhooks';
