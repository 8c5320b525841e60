/**
 * Directives' notifications (decision 0018): members are told when a directive reaches them, and
 * reminded before its deadline (reminders.ts). Every call is set-based (one notifyWhere per fan-out
 * batch, per joining batch, per reminded round) and keyed by directive and round, so a resumed fan-out
 * or a re-run job notifies nobody twice.
 */
import { sql, type Transaction } from 'kysely';
import type PgBoss from 'pg-boss';
import { loadConfig, type Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { DB } from '../../db/types.ts';
import { createNotifier, type Notifier } from '../notifications/service.ts';

export const PUBLISHED_KIND = 'directive.published';
export const publishedKey = (directiveId: number, round: number) => `directive:${directiveId}:round:${round}:published`;

let fallback: Notifier | undefined;
/**
 * The notifier for callers that have no job queue at hand (the membership hook, tests' fan-outs): the
 * configuration from the environment, no queue, so queued mail goes out with the sender's cron run
 * (every minute) instead of at once.
 */
export function defaultNotifier(): Notifier {
  fallback ??= createNotifier({ boss: undefined, config: loadConfig() });
  return fallback;
}

/** The notifier a job should use: its queue and configuration when run by the queue. */
export function jobNotifier(ctx: { boss?: PgBoss; config?: Config }): Notifier {
  return ctx.boss && ctx.config ? createNotifier({ boss: ctx.boss, config: ctx.config }) : defaultNotifier();
}

async function titleOf(trx: Db, directiveId: number): Promise<string> {
  const row = await trx.selectFrom('directives').select('title').where('id', '=', directiveId).executeTakeFirst();
  return row?.title ?? '';
}

const published = (directiveId: number, round: number, title: string) => ({
  kind: PUBLISHED_KIND,
  payload: { key: 'notifications.kinds.directivePublished', params: { title } },
  link: '/inbox',
  dedupeKey: publishedKey(directiveId, round),
});

/**
 * A round's fan-out ended: everyone it reached is told, in one INSERT … SELECT over the round's
 * deliveries (the directive's partition); people told already (joiners, a job run twice) are skipped
 * by the notification's key.
 */
export async function notifyRoundDelivered(trx: Transaction<DB>, notifier: Notifier, directiveId: number, round: number): Promise<void> {
  await notifier.notifyWhere(trx, {
    ...published(directiveId, round, await titleOf(trx, directiveId)),
    recipients: sql<{ person_id: number }>`select person_id from directive_deliveries
      where directive_id = ${directiveId} and round = ${round}`,
  });
}

/** People who joined got deliveries of these rounds: they are told, once per directive and round. */
export async function notifyJoinersDelivered(
  trx: Transaction<DB>,
  notifier: Notifier,
  rounds: Array<{ directiveId: number; round: number }>,
  personIds: number[],
): Promise<void> {
  for (const { directiveId, round } of rounds) {
    await notifier.notifyWhere(trx, {
      ...published(directiveId, round, await titleOf(trx, directiveId)),
      recipients: sql<{ person_id: number }>`select person_id from directive_deliveries
        where directive_id = ${directiveId} and round = ${round} and person_id = any(${personIds}::bigint[])`,
    });
  }
}
