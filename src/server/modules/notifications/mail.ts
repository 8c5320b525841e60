/**
 * The mail sender: one job run sends up to `mailBatch` due messages over one SMTP connection, outside
 * any transaction, from the outbox (outbox.ts claims and settles). An SMTP server that cannot be
 * reached leaves the whole batch queued with a backoff; a message the server refuses is retried alone.
 */
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import { renderMail } from './mail-text.ts';
import { claimDue, countSent, settleFailed, settleSent } from './outbox.ts';

export type SendRun = { sent: number; failed: number; claimed: number };

/** Errors that say nothing about one message but about the server: the rest of the batch waits too. */
const CONNECTION_ERRORS = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'ECONNRESET', 'EAUTH', 'ETLS']);

export async function sendDueMail(db: Database, config: Pick<Config, 'notifications'>, log: Logger): Promise<SendRun> {
  const settings = config.notifications;
  if (!settings.mail) return { sent: 0, failed: 0, claimed: 0 };
  const ids = await claimDue(db, 'mail_outbox', settings.mailBatch);
  if (ids.length === 0) return { sent: 0, failed: 0, claimed: 0 };
  const rows = await db
    .selectFrom('mail_outbox as m')
    .innerJoin('notification_events as e', 'e.id', 'm.event_id')
    .leftJoin('people as p', 'p.id', 'm.person_id')
    .select(['m.id', 'm.to_address', 'm.language', 'e.payload', 'e.link', 'p.full_name'])
    .where('m.id', 'in', ids)
    .orderBy('m.id')
    .execute();
  const transport = nodemailer.createTransport({
    url: settings.mail.url,
    pool: true,
    maxConnections: 1,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  const run: SendRun = { sent: 0, failed: 0, claimed: ids.length };
  try {
    for (const [i, row] of rows.entries()) {
      const url = row.link && settings.publicUrl ? `${settings.publicUrl}${row.link}` : null;
      const mail = renderMail(row.payload, row.language, { name: row.full_name ?? '', url });
      try {
        await transport.sendMail({
          from: settings.mail.from,
          to: row.to_address,
          subject: mail.subject,
          text: mail.text,
          // The same id on a resend after a crash between sending and settling: receivers can tell.
          messageId: `<outbox-${row.id}@cellwork>`,
        });
        if (await settleSent(db, 'mail_outbox', row.id)) run.sent++;
      } catch (err) {
        const e = err as { code?: string; message?: string; responseCode?: number };
        const message = `${e.code ?? 'ERROR'}${e.responseCode ? ` ${e.responseCode}` : ''}: ${e.message ?? String(err)}`;
        if (e.code && CONNECTION_ERRORS.has(e.code)) {
          const rest = rows.slice(i).map((r) => r.id);
          await settleFailed(db, 'mail_outbox', rest, message, settings);
          run.failed += rest.length;
          log.warn({ err: message, waiting: rest.length }, 'mail server unreachable; mail stays queued');
          break;
        }
        // 5xx: the server refused this message for good (no such mailbox, say); trying again will not help.
        const permanent = e.responseCode !== undefined && e.responseCode >= 500 && e.responseCode < 600;
        await settleFailed(db, 'mail_outbox', [row.id], message, permanent ? { ...settings, maxAttempts: 0 } : settings);
        run.failed++;
      }
    }
  } finally {
    transport.close();
  }
  await countSent(db, 'mail_outbox', run.sent);
  return run;
}
