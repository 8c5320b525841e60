import { sql, type Kysely } from 'kysely';

/**
 * Notifications (issue 11, decision 0018): one event per notify call (its kind, i18n payload and link,
 * stored once), one in-app row per recipient keyed by person first, per-member preferences, a mail
 * outbox of one row per recipient message, and outgoing webhooks with their deliveries. No foreign key
 * from the per-recipient tables to people or events: a reminder to millions is one INSERT … SELECT,
 * and a foreign key makes that several times slower (issue 11's measurements). Erasure deletes a
 * person's rows explicitly.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create table notification_events (
  id bigserial primary key,
  kind text not null check (kind ~ '^[a-z][a-z0-9_.-]*$'),
  payload jsonb not null check (jsonb_typeof(payload) = 'object' and payload ? 'key'),
  link text,
  dedupe_key text,
  created_at timestamptz not null default now()
)`.execute(db);
  await sql`create unique index notification_events_dedupe on notification_events (kind, dedupe_key) where dedupe_key is not null`.execute(
    db,
  );
  await sql`
create table notifications (
  person_id bigint not null,
  event_id bigint not null,
  read_at timestamptz,
  primary key (person_id, event_id)
)`.execute(db);
  await sql`create index notifications_unread on notifications (person_id, event_id) where read_at is null`.execute(db);
  await sql`
create table notification_preferences (
  person_id bigint primary key references people (id) on delete cascade,
  email_opt_out boolean not null default false,
  language text check (language in ('en', 'ko')),
  updated_at timestamptz not null default now()
)`.execute(db);
  await sql`
create table mail_outbox (
  id bigserial primary key,
  event_id bigint not null,
  person_id bigint not null,
  to_address text not null,
  language text not null check (language in ('en', 'ko')),
  state text not null default 'queued' check (state in ('queued', 'sending', 'sent', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_attempt_at timestamptz,
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  unique (event_id, person_id)
)`.execute(db);
  await sql`create index mail_outbox_due on mail_outbox (next_attempt_at) where state in ('queued', 'sending')`.execute(db);
  await sql`create index mail_outbox_person on mail_outbox (person_id)`.execute(db);
  // The sending page counts what waits and what failed from these partial indexes, never the sent rows.
  await sql`create index mail_outbox_failed on mail_outbox (last_attempt_at) where state = 'failed'`.execute(db);
  await sql`
create table webhook_endpoints (
  id bigserial primary key,
  url text not null check (url ~ '^https?://'),
  secret text not null,
  description text,
  event_kinds text[] not null default '{}',
  enabled boolean not null default true,
  created_at timestamptz not null default now(),
  created_by bigint,
  updated_at timestamptz not null default now()
)`.execute(db);
  await sql`
create table webhook_deliveries (
  id bigserial primary key,
  endpoint_id bigint not null references webhook_endpoints (id) on delete cascade,
  event_id bigint not null,
  recipient_ids bigint[] not null default '{}',
  state text not null default 'queued' check (state in ('queued', 'sending', 'sent', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_attempt_at timestamptz,
  last_status integer,
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
)`.execute(db);
  await sql`create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where state in ('queued', 'sending')`.execute(db);
  await sql`create index webhook_deliveries_failed on webhook_deliveries (last_attempt_at) where state = 'failed'`.execute(db);
  // What was sent, per channel and day, kept by the senders: the sending page reads this, not millions of rows.
  await sql`
create table notification_sent_daily (
  channel text not null check (channel in ('mail', 'webhook')),
  day date not null,
  sent bigint not null default 0,
  primary key (channel, day)
)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'webhook_deliveries',
    'webhook_endpoints',
    'mail_outbox',
    'notification_preferences',
    'notifications',
    'notification_events',
  ]) {
    await sql`drop table ${sql.table(t)}`.execute(db);
  }
}
