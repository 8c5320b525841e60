/**
 * Claiming and settling outbox rows (mail_outbox, webhook_deliveries), shared by the two senders. A
 * sender claims due rows with FOR UPDATE SKIP LOCKED in a short transaction of its own (state
 * `sending`, due again when a lease ends), sends outside any transaction, then settles each row with an update that only
 * matches its own claim: a row is marked sent exactly once, and two senders never take the same row.
 * A sender that dies mid-batch leaves its rows `sending`; they are due again when the lease ends.
 */
import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';

export type OutboxTable = 'mail_outbox' | 'webhook_deliveries';

/** How long a claim holds before another sender may take the row again. */
const LEASE = '5 minutes';

export async function claimDue(db: Database, table: OutboxTable, limit: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
update ${sql.table(table)} set state = 'sending', attempts = attempts + 1, last_attempt_at = now(), next_attempt_at = now() + ${LEASE}::interval
where id in (
  select id from ${sql.table(table)}
  where state in ('queued', 'sending') and next_attempt_at <= now()
  order by next_attempt_at
  limit ${limit}
  for update skip locked
)
returning id`.execute(db);
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

export async function settleSent(db: Database, table: OutboxTable, id: number, extra: { lastStatus?: number } = {}): Promise<boolean> {
  const { rows } = await sql<{ id: number }>`
update ${sql.table(table)} set state = 'sent', sent_at = now(), last_error = null
  ${table === 'webhook_deliveries' ? sql`, last_status = ${extra.lastStatus ?? null}` : sql``}
where id = ${id} and state = 'sending'
returning id`.execute(db);
  return rows.length === 1;
}

/** Back to the queue after `retrySeconds · 2^(attempts-1)` (an hour at most), or failed for good. */
export async function settleFailed(
  db: Database,
  table: OutboxTable,
  ids: number[],
  error: string,
  policy: { retrySeconds: number; maxAttempts: number },
  extra: { lastStatus?: number | null } = {},
): Promise<void> {
  if (ids.length === 0) return;
  await sql`
update ${sql.table(table)} set
  state = case when attempts >= ${policy.maxAttempts} then 'failed' else 'queued' end,
  next_attempt_at = now() + least(3600, ${policy.retrySeconds}::float8 * power(2, attempts - 1)) * interval '1 second',
  last_error = ${error.slice(0, 1000)}
  ${table === 'webhook_deliveries' ? sql`, last_status = ${extra.lastStatus ?? null}` : sql``}
where id = any(${ids}::bigint[]) and state = 'sending'`.execute(db);
}

/** When the next queued row (or lapsed claim) falls due (null: nothing waits), for scheduling the retry job. */
export async function nextDue(db: Database, table: OutboxTable): Promise<Date | null> {
  const { rows } = await sql<{ at: Date }>`
select next_attempt_at as at from ${sql.table(table)} where state in ('queued', 'sending') order by next_attempt_at limit 1`.execute(db);
  return rows[0]?.at ?? null;
}

/** Adds a run's sent messages to today's count for the sending page. */
export async function countSent(db: Database, table: OutboxTable, n: number): Promise<void> {
  if (n <= 0) return;
  const channel = table === 'mail_outbox' ? 'mail' : 'webhook';
  await sql`insert into notification_sent_daily (channel, day, sent) values (${channel}, (now() at time zone 'UTC')::date, ${n})
    on conflict (channel, day) do update set sent = notification_sent_daily.sent + excluded.sent`.execute(db);
}
