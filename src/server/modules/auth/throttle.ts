/**
 * Sign-in throttling, stored in PostgreSQL so it holds across restarts and processes (decision 0008).
 * Every attempt is counted before its password is checked, in one statement that counts and returns
 * the counts, so concurrent attempts cannot all slip under a limit: the row lock of the upsert orders
 * them. Over a limit the attempt is refused unchecked until the key's window ends.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';

const WINDOW_MS = 15 * 60_000;
const WINDOW = `${WINDOW_MS} milliseconds`;

/**
 * Attempts per 15 minutes. `pair` (one address guessing one account) is the limit a person who forgot
 * their password meets; `account` (from every address) stops distributed guessing; `ip` (every account
 * from one address) stops spraying, set high so colleagues behind one NAT are not shut out together.
 */
export const LIMITS = { pair: 10, account: 50, ip: 100 } as const;

export type ThrottleKeys = { pair: string; account: string; ip: string };

export function throttleKeys(login: string, ip: string): ThrottleKeys {
  return { pair: `pair:${ip}|${login}`, account: `account:${login}`, ip: `ip:${ip}` };
}

/** Counts one attempt against every key; throws 429 when any key is past its limit. */
export async function countAttempt(db: Db, keys: ThrottleKeys): Promise<void> {
  const { rows } = await sql<{ key: string; failures: number; retry: number }>`
    insert into sign_in_throttle as t (key, failures, window_started_at)
    values (${keys.pair}, 1, now()), (${keys.account}, 1, now()), (${keys.ip}, 1, now())
    on conflict (key) do update set
      failures = case when t.window_started_at < now() - ${WINDOW}::interval then 1 else t.failures + 1 end,
      window_started_at = case when t.window_started_at < now() - ${WINDOW}::interval then now() else t.window_started_at end
    returning t.key, t.failures, ceil(extract(epoch from t.window_started_at + ${WINDOW}::interval - now()))::int as retry`.execute(db);
  const limitOf = new Map<string, number>([
    [keys.pair, LIMITS.pair],
    [keys.account, LIMITS.account],
    [keys.ip, LIMITS.ip],
  ]);
  const over = rows.filter((r) => r.failures > limitOf.get(r.key)!);
  if (over.length === 0) return;
  const seconds = Math.max(1, ...over.map((r) => r.retry));
  throw new AppError('rate_limited', 'auth.tooManyAttempts', {
    params: { seconds },
    details: { retryAfterSeconds: seconds },
    headers: { 'retry-after': String(seconds) },
  });
}

/**
 * A successful sign-in proves the password, so the account's own counts start again, and the address
 * gets its attempt back: only failures should add up against an address.
 */
export async function countSuccess(db: Db, keys: ThrottleKeys): Promise<void> {
  await db.deleteFrom('sign_in_throttle').where('key', 'in', [keys.pair, keys.account]).execute();
  await db.updateTable('sign_in_throttle').set({ failures: sql<number>`greatest(failures - 1, 0)` }).where('key', '=', keys.ip).execute();
}
