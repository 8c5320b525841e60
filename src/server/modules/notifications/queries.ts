/**
 * A member's side: their notifications (unread first, newest first, keyset-paged), marking them read,
 * their settings. Every query is keyed by the actor's own person id, so nobody reaches another's rows.
 */
import { sql } from 'kysely';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { decodeCursor, pageFrom } from '../../http/pagination.ts';
import type { NotificationPage, NotificationSettings, UpdateNotificationSettings } from '../../../shared/schemas/notifications.ts';
import { badRequest, notFound } from '../../errors.ts';

export async function unreadCount(db: Db, personId: number): Promise<number> {
  const { n } = await db
    .selectFrom('notifications')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('person_id', '=', personId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return n;
}

export async function listNotifications(
  db: Db,
  personId: number | null,
  q: { limit: number; cursor?: string; unreadOnly?: 'true' | 'false' },
): Promise<NotificationPage> {
  const after = decodeCursor(q.cursor);
  if (after && after[0] !== 'u' && after[0] !== 'r') throw badRequest('request.badCursor'); // another list's cursor
  if (personId === null) return { items: [], nextCursor: null, unread: 0 };
  // Unread ('u') before read ('r'); within each, the newest event first.
  let query = db
    .selectFrom('notifications as n')
    .innerJoin('notification_events as e', 'e.id', 'n.event_id')
    .select([
      'e.id',
      'e.kind',
      'e.payload',
      'e.link',
      'e.created_at',
      'n.read_at',
      sql<'u' | 'r'>`case when n.read_at is null then 'u' else 'r' end`.as('bucket'),
    ])
    .where('n.person_id', '=', personId)
    .orderBy(sql`n.read_at is not null`)
    .orderBy('n.event_id', 'desc')
    .limit(q.limit + 1);
  if (q.unreadOnly === 'true') query = query.where('n.read_at', 'is', null);
  if (after) {
    const [bucket, id] = after;
    query =
      bucket === 'u'
        ? query.where((eb) => eb.or([eb('n.read_at', 'is not', null), eb.and([eb('n.read_at', 'is', null), eb('n.event_id', '<', id)])]))
        : query.where('n.read_at', 'is not', null).where('n.event_id', '<', id);
  }
  const rows = await query.execute();
  const page = pageFrom(rows, q.limit, (r) => [r.bucket, r.id]);
  return {
    items: page.items.map((r) => ({
      id: r.id,
      kind: r.kind,
      payload: r.payload,
      link: r.link,
      createdAt: r.created_at.toISOString(),
      readAt: r.read_at?.toISOString() ?? null,
    })),
    nextCursor: page.nextCursor,
    unread: await unreadCount(db, personId),
  };
}

/** Marks one notification read (idempotent: its first reading time is kept); 404 when it is not the person's. */
export async function markRead(db: Db, personId: number | null, eventId: number): Promise<{ marked: number; unread: number }> {
  if (personId === null) throw notFound('notification.notFound');
  const row = await db
    .updateTable('notifications')
    .set({ read_at: sql<Date>`coalesce(read_at, now())` })
    .where('person_id', '=', personId)
    .where('event_id', '=', eventId)
    .returning('read_at')
    .executeTakeFirst();
  if (!row) throw notFound('notification.notFound');
  return { marked: 1, unread: await unreadCount(db, personId) };
}

export async function markAllRead(db: Db, personId: number | null): Promise<{ marked: number; unread: number }> {
  if (personId === null) return { marked: 0, unread: 0 };
  const result = await db
    .updateTable('notifications')
    .set({ read_at: sql<Date>`now()` })
    .where('person_id', '=', personId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return { marked: Number(result.numUpdatedRows), unread: 0 };
}

export async function readSettings(db: Db, personId: number | null, config: Pick<Config, 'notifications'>): Promise<NotificationSettings> {
  if (personId === null) throw notFound('notification.noPerson');
  const row = await db
    .selectFrom('people as p')
    .leftJoin('notification_preferences as np', 'np.person_id', 'p.id')
    .select(['p.email', 'np.email_opt_out', 'np.language'])
    .where('p.id', '=', personId)
    .executeTakeFirst();
  if (!row) throw notFound('notification.noPerson');
  return {
    emailOptOut: row.email_opt_out ?? false,
    language: row.language ?? null,
    email: row.email,
    mailEnabled: config.notifications.mail !== null,
  };
}

export async function updateSettings(
  db: Db,
  personId: number | null,
  input: UpdateNotificationSettings,
  config: Pick<Config, 'notifications'>,
): Promise<NotificationSettings> {
  if (personId === null) throw notFound('notification.noPerson');
  const values = {
    person_id: personId,
    email_opt_out: input.emailOptOut,
    ...(input.language === undefined ? {} : { language: input.language }),
  };
  await db
    .insertInto('notification_preferences')
    .values(values)
    .onConflict((oc) => oc.column('person_id').doUpdateSet({ ...values, updated_at: sql<Date>`now()` }))
    .execute();
  return readSettings(db, personId, config);
}

/** For the person's data export: their notification settings, what they were notified of, the mail sent them. */
export async function notificationsForExport(db: Db, personId: number) {
  const [settings, notifications, mail] = await Promise.all([
    db
      .selectFrom('notification_preferences')
      .select(['email_opt_out', 'language', 'updated_at'])
      .where('person_id', '=', personId)
      .executeTakeFirst(),
    db
      .selectFrom('notifications as n')
      .innerJoin('notification_events as e', 'e.id', 'n.event_id')
      .select(['e.kind', 'e.payload', 'e.link', 'e.created_at', 'n.read_at'])
      .where('n.person_id', '=', personId)
      .orderBy('n.event_id')
      .execute(),
    db
      .selectFrom('mail_outbox')
      .select(['event_id', 'to_address', 'language', 'state', 'created_at', 'sent_at'])
      .where('person_id', '=', personId)
      .orderBy('id')
      .execute(),
  ]);
  return { settings: settings ?? null, notifications, mail };
}

/** Erasure: a person's notifications, preferences and unsent mail go with their data. */
export async function eraseNotificationsOf(db: Db, personId: number): Promise<void> {
  await db.deleteFrom('notifications').where('person_id', '=', personId).execute();
  await db.deleteFrom('notification_preferences').where('person_id', '=', personId).execute();
  await db.deleteFrom('mail_outbox').where('person_id', '=', personId).execute();
}
