/**
 * The write side of notifications, for other modules: called inside the caller's transaction, it
 * records the event once, one in-app row per recipient, the mail to send and the webhook deliveries,
 * all set-based, and enqueues the sending jobs through the same transaction (jobs/enqueue.ts). Nothing
 * is sent unless the caller commits, and nothing is ever sent from inside a transaction: the jobs send
 * later, from the outbox (mail.ts, webhook-send.ts). Decision 0018.
 */
import { sql, type Expression, type RawBuilder, type Transaction } from 'kysely';
import type PgBoss from 'pg-boss';
import type { Config } from '../../config.ts';
import { inCallersTransaction, type Db } from '../../db/database.ts';
import type { DB } from '../../db/types.ts';
import { sendInTransaction } from '../../jobs/enqueue.ts';
import { MAIL_JOB, WEBHOOK_JOB } from './job-names.ts';

/** What the reader is told: an i18n key (en.json / ko.json, and mail-text.ts for mail) and its params. */
export type NotificationPayload = { key: string; params?: Record<string, string | number> };

export type NotifyInput = {
  /** A short code naming what happened, e.g. `directive.reminder`; webhooks subscribe by it. */
  kind: string;
  payload: NotificationPayload;
  /** Where the notification leads in the web app, a path such as `/directives/42`. */
  link?: string | null;
  /**
   * Makes the call idempotent: a second call with the same kind and key reuses the event and notifies
   * only people not yet notified of it (a reminder job that runs twice sends once).
   */
  dedupeKey?: string | null;
  /**
   * Confidential (an integrity case, decision 0029): in-app and mail to the person only, never to a
   * webhook endpoint, which forwards events to systems outside the person's own account.
   */
  confidential?: boolean;
};

/** Any select whose rows have a `person_id` column: a Kysely query builder or a `sql` fragment. */
export type RecipientQuery = Expression<{ person_id: number | null }> | RawBuilder<{ person_id: number | null }>;

export type NotifyResult = { eventId: number; notified: number; mailed: number; webhookDeliveries: number };

export type Notifier = {
  /** Notifies the given people (a short list: ids travel as one array parameter). */
  notifyPeople(trx: Transaction<DB>, input: NotifyInput & { personIds: readonly number[] }): Promise<NotifyResult>;
  /** Notifies everyone the select returns, in one INSERT … SELECT per table, however many they are. */
  notifyWhere(trx: Transaction<DB>, input: NotifyInput & { recipients: RecipientQuery }): Promise<NotifyResult>;
};

/** Recipients per webhook delivery: a gateway gets a reminder to millions as pages of this many. */
export const WEBHOOK_CHUNK = 500;

export function createNotifier(deps: { boss: PgBoss | undefined; config: Pick<Config, 'language' | 'notifications'> }): Notifier {
  const notifyWhere: Notifier['notifyWhere'] = async (trx, input) => {
    if (!inCallersTransaction(trx)) throw new Error('notifyWhere runs inside the caller’s transaction');
    const eventId = await recordEvent(trx, input);
    const mailOn = deps.config.notifications.mail !== null;
    const hooksOn = !input.confidential && (await hasEndpointFor(trx, input.kind));
    // Duplicates in the select need no DISTINCT: ON CONFLICT DO NOTHING skips a person's second row.
    const insert = sql`insert into notifications (person_id, event_id)
  select r.person_id, ${eventId}::bigint from (${input.recipients}) as r where r.person_id is not null
  on conflict do nothing`;
    let rows: Array<{ notified: number; mailed: number; hooks: number }>;
    if (!mailOn && !hooksOn) {
      // In-app only (the common case without SMTP): a plain INSERT … SELECT, nothing carried onwards.
      const result = await insert.execute(trx);
      rows = [{ notified: Number(result.numAffectedRows ?? 0), mailed: 0, hooks: 0 }];
    } else {
      ({ rows } = await sql<{ notified: number; mailed: number; hooks: number }>`
with ins as (${insert} returning person_id)${mailOn ? mailCte(eventId, deps.config.language) : sql``}${hooksOn ? hooksCte(eventId, input.kind) : sql``}
select (select count(*) from ins)::int as notified,
  ${mailOn ? sql`(select count(*) from mail)::int` : sql`0`} as mailed,
  ${hooksOn ? sql`(select count(*) from hooks)::int` : sql`0`} as hooks`.execute(trx));
    }
    const r = rows[0] ?? { notified: 0, mailed: 0, hooks: 0 };
    if (deps.boss) {
      if (r.mailed > 0) await sendInTransaction(deps.boss, trx, MAIL_JOB, {});
      if (r.hooks > 0) await sendInTransaction(deps.boss, trx, WEBHOOK_JOB, {});
    }
    return { eventId, notified: r.notified, mailed: r.mailed, webhookDeliveries: r.hooks };
  };
  return {
    notifyWhere,
    notifyPeople: (trx, { personIds, ...input }) =>
      notifyWhere(trx, { ...input, recipients: sql<{ person_id: number }>`select unnest(${[...personIds]}::bigint[]) as person_id` }),
  };
}

async function recordEvent(trx: Transaction<DB>, input: NotifyInput): Promise<number> {
  const values = {
    kind: input.kind,
    payload: JSON.stringify(input.payload),
    link: input.link ?? null,
    dedupe_key: input.dedupeKey ?? null,
  };
  const inserted = await trx
    .insertInto('notification_events')
    .values(values)
    .onConflict((oc) => oc.columns(['kind', 'dedupe_key']).where('dedupe_key', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return inserted.id;
  const existing = await trx
    .selectFrom('notification_events')
    .select('id')
    .where('kind', '=', input.kind)
    .where('dedupe_key', '=', input.dedupeKey ?? '')
    .executeTakeFirstOrThrow();
  return existing.id;
}

async function hasEndpointFor(db: Db, kind: string): Promise<boolean> {
  const row = await db
    .selectFrom('webhook_endpoints')
    .select('id')
    .where('enabled', '=', true)
    .where((eb) => eb.or([sql<boolean>`cardinality(event_kinds) = 0`, sql<boolean>`${kind} = any(event_kinds)`]))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Mail for recipients with an address who did not opt out, in their language or the organization's. */
const mailCte = (eventId: number, language: string) => sql`, mail as (
  insert into mail_outbox (event_id, person_id, to_address, language)
  select ${eventId}::bigint, p.id, p.email, coalesce(np.language, ${language})
  from ins join people p on p.id = ins.person_id
  left join notification_preferences np on np.person_id = p.id
  where p.email is not null and p.email <> '' and not coalesce(np.email_opt_out, false)
  on conflict do nothing
  returning 1
)`;

/** One delivery per subscribed endpoint and page of WEBHOOK_CHUNK recipients, listed by id. */
const hooksCte = (eventId: number, kind: string) => sql`, hooks as (
  insert into webhook_deliveries (endpoint_id, event_id, recipient_ids)
  select e.id, ${eventId}::bigint, array_agg(c.person_id order by c.person_id)
  from (select person_id, (row_number() over (order by person_id) - 1) / ${WEBHOOK_CHUNK} as chunk from ins) as c
  cross join webhook_endpoints e
  where e.enabled and (cardinality(e.event_kinds) = 0 or ${kind} = any(e.event_kinds))
  group by e.id, c.chunk
  returning 1
)`;
