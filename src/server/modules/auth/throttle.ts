/**
 * Sign-in throttling per account and per client address, stored in PostgreSQL so it holds across
 * restarts and processes. After too many failures in a window the key is blocked until the window ends.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';

const WINDOW_MS = 15 * 60_000;
export const LIMITS = { account: 10, ip: 50 } as const;

export const accountKey = (login: string) => `account:${login}`;
export const ipKey = (ip: string) => `ip:${ip}`;

export async function assertNotBlocked(db: Db, keys: string[]): Promise<void> {
  const blocked = await db.selectFrom('sign_in_throttle').select('blocked_until')
    .where('key', 'in', keys).where('blocked_until', '>', new Date())
    .orderBy('blocked_until', 'desc').executeTakeFirst();
  if (blocked?.blocked_until) {
    const seconds = Math.max(1, Math.ceil((blocked.blocked_until.getTime() - Date.now()) / 1000));
    throw new AppError('rate_limited', 'auth.tooManyAttempts', { params: { seconds }, details: { retryAfterSeconds: seconds }, headers: { 'retry-after': String(seconds) } });
  }
}

export async function recordFailure(db: Db, key: string, limit: number): Promise<void> {
  await sql`
    insert into sign_in_throttle as t (key, failures, window_started_at)
    values (${key}, 1, now())
    on conflict (key) do update set
      failures = case when t.window_started_at < now() - ${`${WINDOW_MS} milliseconds`}::interval then 1 else t.failures + 1 end,
      window_started_at = case when t.window_started_at < now() - ${`${WINDOW_MS} milliseconds`}::interval then now() else t.window_started_at end,
      blocked_until = case
        when t.window_started_at >= now() - ${`${WINDOW_MS} milliseconds`}::interval and t.failures + 1 >= ${limit}
        then t.window_started_at + ${`${WINDOW_MS} milliseconds`}::interval
        else t.blocked_until end`.execute(db);
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom('sign_in_throttle').where('key', '=', key).execute();
}
