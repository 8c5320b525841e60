/**
 * The webhook sender: POSTs each due delivery as JSON to its endpoint, signed with the endpoint's
 * secret (HMAC-SHA256 over the raw body, which carries the same timestamp as the header, so a replayed
 * body is recognisable). Non-2xx answers, timeouts and refused connections are retried with backoff.
 */
import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import type { SendRun } from './mail.ts';
import { refusePrivateTarget } from './address-guard.ts';
import { claimDue, countSent, settleFailed, settleSent } from './outbox.ts';

export const SIGNATURE_HEADER = 'x-cellwork-signature';
export const TIMESTAMP_HEADER = 'x-cellwork-timestamp';
const BATCH = 50;

/** `sha256=<hex>`: what a receiver recomputes over the raw body with the shared secret. */
export function signBody(secret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

export async function sendDueWebhooks(db: Database, config: Pick<Config, 'notifications'>, log: Logger): Promise<SendRun> {
  const ids = await claimDue(db, 'webhook_deliveries', BATCH);
  const run: SendRun = { sent: 0, failed: 0, claimed: ids.length };
  if (ids.length === 0) return run;
  const rows = await db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_endpoints as w', 'w.id', 'd.endpoint_id')
    .innerJoin('notification_events as e', 'e.id', 'd.event_id')
    .select(['d.id', 'd.event_id', 'w.url', 'w.secret', 'w.enabled', 'e.kind', 'e.payload', 'e.link', 'e.created_at'])
    .where('d.id', 'in', ids)
    .orderBy('d.id')
    .execute();
  for (const row of rows) {
    if (!row.enabled) {
      await settleFailed(db, 'webhook_deliveries', [row.id], 'endpoint disabled', { ...config.notifications, maxAttempts: 0 });
      run.failed++;
      continue;
    }
    const { rows: recipients } = await sql<{ personId: number; phone: string | null; language: string | null }>`
select p.id as "personId", p.phone, np.language
from webhook_deliveries d
join people p on p.id = any(d.recipient_ids)
left join notification_preferences np on np.person_id = p.id
where d.id = ${row.id}
order by p.id`.execute(db);
    const timestamp = Math.floor(Date.now() / 1000);
    const body = JSON.stringify({
      deliveryId: row.id,
      timestamp,
      event: { id: row.event_id, kind: row.kind, payload: row.payload, link: row.link, createdAt: row.created_at },
      recipients,
    });
    let status: number | null = null;
    try {
      const refused = config.notifications.webhookAllowPrivate ? null : await refusePrivateTarget(row.url);
      if (refused) {
        // Failed for good at once: retrying would not change where the name points often enough to matter.
        await settleFailed(db, 'webhook_deliveries', [row.id], refused, { ...config.notifications, maxAttempts: 0 });
        log.warn({ url: row.url, err: refused }, 'webhook delivery refused: private address');
        run.failed++;
        continue;
      }
      const res = await fetch(row.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Cellwork-Webhook/1',
          [SIGNATURE_HEADER]: signBody(row.secret, body),
          [TIMESTAMP_HEADER]: String(timestamp),
          'x-cellwork-event': row.kind,
          'x-cellwork-delivery': String(row.id),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(config.notifications.webhookTimeoutMs),
      });
      status = res.status;
      await res.body?.cancel().catch(() => undefined);
      if (status >= 200 && status < 300) {
        if (await settleSent(db, 'webhook_deliveries', row.id, { lastStatus: status })) run.sent++;
        continue;
      }
      await settleFailed(db, 'webhook_deliveries', [row.id], `HTTP ${status}`, config.notifications, { lastStatus: status });
    } catch (err) {
      const e = err as { name?: string; message?: string; cause?: { code?: string } };
      const message =
        e.name === 'TimeoutError'
          ? `timed out after ${config.notifications.webhookTimeoutMs / 1000} s`
          : (e.cause?.code ?? e.message ?? String(err));
      await settleFailed(db, 'webhook_deliveries', [row.id], message, config.notifications, { lastStatus: status });
      log.warn({ url: row.url, err: message }, 'webhook delivery failed; it will be retried');
    }
    run.failed++;
  }
  await countSent(db, 'webhook_deliveries', run.sent);
  return run;
}
