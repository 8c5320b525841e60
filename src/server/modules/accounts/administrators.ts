/**
 * The organization always keeps an administrator: without one, nobody can grant administration again
 * and only the command line repairs it. Every change that takes administration away (revoking an admin
 * grant, erasing the person whose account holds one) asks here first, inside its own transaction.
 */
import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/types.ts';
import { conflict } from '../../errors.ts';

/** One advisory lock for all such changes: two of them cannot both count the other's grant as the one left. */
const ADMINISTRATORS_LOCK = 7_301_001;

export type LosingAdministration = { grantIds?: number[]; accountIds?: number[] };

const activeAdminGrants = (trx: Transaction<DB>) =>
  trx
    .selectFrom('grants as g')
    .innerJoin('accounts as a', 'a.id', 'g.account_id')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('g.role', '=', 'admin')
    .where('g.revoked_at', 'is', null)
    .where('a.disabled_at', 'is', null);

/** Throws 409 when the change would leave no active administrator grant on an enabled account. */
export async function assertAdministratorRemains(trx: Transaction<DB>, losing: LosingAdministration): Promise<void> {
  const grantIds = losing.grantIds ?? [];
  const accountIds = losing.accountIds ?? [];
  if (grantIds.length === 0 && accountIds.length === 0) return;
  const touched = await activeAdminGrants(trx)
    .where((eb) => eb.or([eb('g.id', 'in', [0, ...grantIds]), eb('g.account_id', 'in', [0, ...accountIds])]))
    .executeTakeFirstOrThrow();
  if (touched.n === 0) return;
  await sql`select pg_advisory_xact_lock(${ADMINISTRATORS_LOCK})`.execute(trx);
  // Read after the lock: under read committed this sees every change committed by the one before us.
  const left = await activeAdminGrants(trx)
    .where('g.id', 'not in', [0, ...grantIds])
    .where('g.account_id', 'not in', [0, ...accountIds])
    .executeTakeFirstOrThrow();
  if (left.n === 0) throw conflict('administrators.lastOne');
}
