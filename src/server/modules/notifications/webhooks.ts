/**
 * Outgoing webhook endpoints (administrators only) and the sending state of mail and webhooks. An
 * endpoint's secret is generated here (or given) and shown once; it is needed in clear to sign, so it is
 * stored as given but never read back through the API.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { requireCentralAdministrator } from '../../access/policies.ts';
import type { Config } from '../../config.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import type { Selectable } from 'kysely';
import type { WebhookEndpointsTable } from '../../db/types.ts';
import { badRequest, notFound } from '../../errors.ts';
import { isPrivateUrlHost } from './address-guard.ts';
import { recordAudit } from '../audit/service.ts';
import { sendInTransaction } from '../../jobs/enqueue.ts';
import { MAIL_JOB, WEBHOOK_JOB } from './job-names.ts';
import type PgBoss from 'pg-boss';
import type {
  CreateWebhook,
  SendingState,
  UpdateWebhook,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
} from '../../../shared/schemas/notifications.ts';

const newSecret = () => `whsec_${randomBytes(24).toString('base64url')}`;

const present = (r: Selectable<WebhookEndpointsTable>): WebhookEndpoint => ({
  id: r.id,
  url: r.url,
  description: r.description,
  eventKinds: r.event_kinds,
  enabled: r.enabled,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

export async function listWebhooks(db: Db, actor: Actor): Promise<{ items: WebhookEndpoint[] }> {
  requireCentralAdministrator(actor);
  const rows = await db.selectFrom('webhook_endpoints').selectAll().orderBy('id').execute();
  return { items: rows.map(present) };
}

/** The SSRF guard on save: a literal private address or localhost is refused unless the switch allows it. */
function checkUrl(url: string | undefined, policy: { webhookAllowPrivate: boolean }): void {
  if (url !== undefined && !policy.webhookAllowPrivate && isPrivateUrlHost(url)) throw badRequest('webhook.privateAddress');
}

export function createWebhook(
  db: Db,
  actor: Actor,
  input: CreateWebhook,
  policy: { webhookAllowPrivate: boolean },
): Promise<WebhookEndpointWithSecret> {
  requireCentralAdministrator(actor);
  checkUrl(input.url, policy);
  return inTransaction(db, async (trx) => {
    const secret = input.secret ?? newSecret();
    const row = await trx
      .insertInto('webhook_endpoints')
      .values({
        url: input.url,
        secret,
        description: input.description ?? null,
        event_kinds: input.eventKinds,
        enabled: input.enabled,
        created_by: actor.accountId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const endpoint = present(row);
    await recordAudit(trx, actor, { action: 'webhook.create', entity: 'webhook', entityId: row.id, after: endpoint });
    return { ...endpoint, secret };
  });
}

export function updateWebhook(
  db: Db,
  actor: Actor,
  id: number,
  input: UpdateWebhook,
  policy: { webhookAllowPrivate: boolean },
): Promise<WebhookEndpoint | WebhookEndpointWithSecret> {
  requireCentralAdministrator(actor);
  checkUrl(input.url, policy);
  return inTransaction(db, async (trx) => {
    const before = await trx.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw notFound('webhook.notFound');
    const secret = input.rotateSecret ? newSecret() : input.secret;
    const row = await trx
      .updateTable('webhook_endpoints')
      .set({
        ...(input.url === undefined ? {} : { url: input.url }),
        ...(input.description === undefined ? {} : { description: input.description }),
        ...(input.eventKinds === undefined ? {} : { event_kinds: input.eventKinds }),
        ...(input.enabled === undefined ? {} : { enabled: input.enabled }),
        ...(secret === undefined ? {} : { secret }),
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const endpoint = present(row);
    await recordAudit(trx, actor, {
      action: 'webhook.update',
      entity: 'webhook',
      entityId: id,
      before: present(before),
      after: { ...endpoint, ...(secret === undefined ? {} : { secretChanged: true }) },
    });
    return input.rotateSecret && secret ? { ...endpoint, secret } : endpoint;
  });
}

export function deleteWebhook(db: Db, actor: Actor, id: number): Promise<void> {
  requireCentralAdministrator(actor);
  return inTransaction(db, async (trx) => {
    const row = await trx.deleteFrom('webhook_endpoints').where('id', '=', id).returningAll().executeTakeFirst();
    if (!row) throw notFound('webhook.notFound');
    await recordAudit(trx, actor, { action: 'webhook.delete', entity: 'webhook', entityId: id, before: present(row) });
  });
}

type Counts = { queued: number; sending: number; failed: number; next: Date | null };

/**
 * Waiting and failed rows are counted from their partial indexes; sent ones come from the senders' daily
 * counts (the last 30 days, as long as sent rows are kept), so the page never counts millions of rows.
 */
async function channelState(db: Db, table: 'mail_outbox' | 'webhook_deliveries') {
  const channel = table === 'mail_outbox' ? 'mail' : 'webhook';
  const { rows } = await sql<Counts & { sent: number }>`
select
  (select count(*)::int from ${sql.table(table)} where state = 'queued') as queued,
  (select count(*)::int from ${sql.table(table)} where state = 'sending') as sending,
  (select count(*)::int from ${sql.table(table)} where state = 'failed') as failed,
  (select min(next_attempt_at) from ${sql.table(table)} where state in ('queued', 'sending')) as next,
  (select coalesce(sum(sent), 0)::int from notification_sent_daily
    where channel = ${channel} and day > (now() at time zone 'UTC')::date - 30) as sent`.execute(db);
  const errors = await sql<{ id: number; state: string; attempts: number; last_error: string; at: Date }>`
(select id, state, attempts, last_error, coalesce(last_attempt_at, created_at) as at from ${sql.table(table)}
  where state = 'failed' order by last_attempt_at desc nulls last limit 10)
union all
(select id, state, attempts, last_error, coalesce(last_attempt_at, created_at) from ${sql.table(table)}
  where state in ('queued', 'sending') and last_error is not null order by next_attempt_at limit 10)
order by at desc, id desc limit 10`.execute(db);
  const c = rows[0] ?? { queued: 0, sending: 0, sent: 0, failed: 0, next: null };
  return {
    queued: c.queued,
    sending: c.sending,
    sent: c.sent,
    failed: c.failed,
    nextAttemptAt: c.next?.toISOString() ?? null,
    lastErrors: errors.rows.map((e) => ({ id: e.id, state: e.state, attempts: e.attempts, error: e.last_error, at: e.at.toISOString() })),
  };
}

/**
 * Puts every failed message (or webhook delivery) back in the queue with a fresh count of attempts, and
 * wakes the sender in the same transaction: after the mail server was down for longer than the retries
 * lasted, say. Idempotent: a second call finds nothing failed.
 */
export function retryFailed(db: Db, actor: Actor, boss: PgBoss | undefined, channel: 'mail' | 'webhooks'): Promise<{ requeued: number }> {
  requireCentralAdministrator(actor);
  const table = channel === 'mail' ? 'mail_outbox' : 'webhook_deliveries';
  return inTransaction(db, async (trx) => {
    const result = await trx
      .updateTable(table)
      .set({ state: 'queued', attempts: 0, next_attempt_at: sql<Date>`now()` })
      .where('state', '=', 'failed')
      .executeTakeFirst();
    const requeued = Number(result.numUpdatedRows);
    if (requeued > 0 && boss) await sendInTransaction(boss, trx, channel === 'mail' ? MAIL_JOB : WEBHOOK_JOB, {});
    await recordAudit(trx, actor, {
      action: 'notifications.retry',
      entity: 'sending',
      entityId: null,
      unitId: null,
      after: { channel, requeued },
    });
    return { requeued };
  });
}

/** The administrator's view of what is waiting, sent and failed, and why the last ones failed. */
export async function readSendingState(db: Db, actor: Actor, config: Pick<Config, 'notifications'>): Promise<SendingState> {
  requireCentralAdministrator(actor);
  const { n } = await db
    .selectFrom('webhook_endpoints')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('enabled', '=', true)
    .executeTakeFirstOrThrow();
  return {
    mail: { enabled: config.notifications.mail !== null, ...(await channelState(db, 'mail_outbox')) },
    webhooks: { endpoints: n, ...(await channelState(db, 'webhook_deliveries')) },
  };
}
