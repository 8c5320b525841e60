/**
 * Accounts and grants. Managers see and administer accounts tied to their subtree (its person on the
 * roll of a cell there, or a grant there) and grant roles only to those; only an administrator grants
 * administration. A revoked grant stops working on the next request because the
 * actor is rebuilt from live grants every time.
 */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { isCentralAdministrator, mayManageAccounts, requireCentralAdministrator } from '../../access/policies.ts';
import { pathInScope, personInScope } from '../../access/scope.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { badRequest, notFound } from '../../errors.ts';
import { decodeCursor, pageFrom } from '../../http/pagination.ts';
import type { Account, Grant } from '../../../shared/schemas/accounts.ts';
import type { GrantAccess, GrantRole } from '../../../shared/enums.ts';
import { recordAudit } from '../audit/service.ts';
import { revokeLapsedFeeds } from '../calendar/service.ts';
import { assertAdministratorRemains } from './administrators.ts';
import { assertAcceptablePassword } from '../auth/password-policy.ts';
import { hashPassword } from '../auth/passwords.ts';

function requireManager(actor: Actor): void {
  if (!mayManageAccounts(actor)) throw notFound('common.notFound');
}

/** Accounts the actor administers: tied to a person or a grant inside the actor's managed subtrees. */
function accountsInScope(db: Db, actor: Actor) {
  return db.selectFrom('accounts as a').where((eb) =>
    isCentralAdministrator(actor)
      ? sql<boolean>`true`
      : eb.or([
          personInScope(actor, 'a.person_id', 'manage')(eb),
          eb.exists(
            eb
              .selectFrom('grants as sg')
              .innerJoin('units as su', 'su.id', 'sg.unit_id')
              .select(sql`1`.as('one'))
              .whereRef('sg.account_id', '=', 'a.id')
              .where('sg.revoked_at', 'is', null)
              // A handler grant ties an account to nobody's subtree: handlers are the centre's to name (decision 0029).
              .where('sg.role', '!=', 'handler')
              .where(pathInScope(actor, 'su.path', 'manage')),
          ),
        ]),
  );
}

/** The accounts' live grants; handler grants only for the central administrator, who alone gives them (decision 0029). */
async function grantsOf(db: Db, actor: Actor, accountIds: number[]): Promise<Map<number, Grant[]>> {
  const map = new Map<number, Grant[]>();
  if (accountIds.length === 0) return map;
  const rows = await db
    .selectFrom('grants as g')
    .leftJoin('units as u', 'u.id', 'g.unit_id')
    .select(['g.id', 'g.account_id', 'g.role', 'g.access', 'u.id as unitId', 'u.name as unitName', 'u.kind as unitKind'])
    .where('g.account_id', 'in', accountIds)
    .where('g.revoked_at', 'is', null)
    .$if(!isCentralAdministrator(actor), (q) => q.where('g.role', '!=', 'handler'))
    .orderBy('g.id')
    .execute();
  for (const r of rows) {
    const list = map.get(r.account_id) ?? [];
    list.push({
      id: r.id,
      role: r.role,
      access: r.access,
      unit: r.unitId === null ? null : { id: r.unitId, name: r.unitName!, kind: r.unitKind! },
    });
    map.set(r.account_id, list);
  }
  return map;
}

export async function listAccounts(db: Db, actor: Actor, page: { limit: number; cursor?: string }) {
  requireManager(actor);
  const after = decodeCursor(page.cursor);
  let q = accountsInScope(db, actor)
    // The person's name only where the actor may see the person: an official's grant can be in the
    // actor's subtree while the official is on the roll of a cell elsewhere.
    .leftJoin('people as p', (join) => join.onRef('p.id', '=', 'a.person_id').on(personInScope(actor, 'p.id', 'read')))
    .select(['a.id', 'a.login', 'a.person_id', 'a.disabled_at', 'p.full_name']);
  if (after) q = q.where(sql<boolean>`(a.login, a.id) > (${after[0]}, ${after[1]})`);
  const rows = await q
    .orderBy('a.login')
    .orderBy('a.id')
    .limit(page.limit + 1)
    .execute();
  const result = pageFrom(rows, page.limit, (r) => [r.login, r.id]);
  const grants = await grantsOf(
    db,
    actor,
    result.items.map((r) => r.id),
  );
  return {
    items: result.items.map(
      (r): Account => ({
        id: r.id,
        login: r.login,
        name: r.full_name ?? r.login,
        personId: r.person_id,
        personName: r.full_name,
        disabled: r.disabled_at !== null,
        grants: grants.get(r.id) ?? [],
      }),
    ),
    nextCursor: result.nextCursor,
  };
}

export function createAccount(
  db: Db,
  actor: Actor,
  input: { login: string; password: string; personId?: number | null },
): Promise<Account> {
  requireManager(actor);
  assertAcceptablePassword(input.password);
  return inTransaction(db, async (trx) => {
    const person = input.personId
      ? await trx
          .selectFrom('people as p')
          .select(['p.id', 'p.full_name'])
          .where('p.id', '=', input.personId)
          .where(personInScope(actor, 'p.id', 'manage'))
          .executeTakeFirst()
      : undefined;
    if (input.personId && !person) throw notFound('person.notFound');
    const row = await trx
      .insertInto('accounts')
      .values({
        login: input.login,
        password_hash: await hashPassword(input.password),
        person_id: input.personId ?? null,
      })
      .returning(['id', 'login', 'person_id'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'account.create', entity: 'account', entityId: row.id, after: row });
    const personName = person?.full_name ?? null;
    return {
      id: row.id,
      login: row.login,
      name: personName ?? row.login,
      personId: row.person_id,
      personName,
      disabled: false,
      grants: [],
    };
  });
}

export function createGrant(
  db: Db,
  actor: Actor,
  accountId: number,
  input: { role: GrantRole; access: GrantAccess; unitId?: number | null },
): Promise<Grant> {
  requireManager(actor);
  return inTransaction(db, async (trx) => {
    // Only to accounts the actor administers; any other id is the same 404 as one that does not exist,
    // so granting cannot be used to find out which accounts exist (decision 0010).
    const account = await accountsInScope(trx, actor).select('a.id').where('a.id', '=', accountId).executeTakeFirst();
    if (!account) throw notFound('account.notFound');
    if (input.role === 'admin') {
      requireCentralAdministrator(actor);
      if (input.unitId) throw badRequest('grant.adminTakesNoUnit');
    } else if (input.role === 'handler') {
      // Handlers read the most sensitive data there is: only the centre names them (decision 0029).
      requireCentralAdministrator(actor);
      if (!input.unitId) throw badRequest('grant.needsUnit');
    } else if (!input.unitId) throw badRequest('grant.needsUnit');
    const unit = input.unitId
      ? await trx
          .selectFrom('units as u')
          .select(['u.id', 'u.name', 'u.kind'])
          .where('u.id', '=', input.unitId)
          .where(pathInScope(actor, 'u.path', 'manage'))
          .executeTakeFirst()
      : undefined;
    if (input.unitId && !unit) throw notFound('unit.notFound');
    if ((input.role === 'member' || input.role === 'secretary') && unit?.kind !== 'cell') throw badRequest('grant.needsCell');
    if (input.role === 'official' && unit?.kind !== 'committee') throw badRequest('grant.needsCommittee');
    if (input.role === 'handler' && unit?.kind !== 'committee') throw badRequest('grant.handlerNeedsCommittee');
    // A handler grant's access is always 'read': it never manages anything (actor.ts keeps it out of every scope).
    const access: GrantAccess =
      input.role === 'member' || input.role === 'handler'
        ? 'read'
        : input.role === 'admin' || input.role === 'secretary'
          ? 'manage'
          : input.access;
    const row = await trx
      .insertInto('grants')
      .values({
        account_id: accountId,
        role: input.role,
        access,
        unit_id: unit?.id ?? null,
        created_by: actor.accountId,
      })
      .returning(['id', 'role', 'access'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'grant.create',
      entity: 'grant',
      entityId: row.id,
      after: { accountId, role: row.role, access, unitId: unit?.id ?? null },
      // Who handles cases is the administrators' to read, not the officials' of that subtree.
      ...(row.role === 'handler' ? { unitId: null } : {}),
    });
    return { id: row.id, role: row.role, access: row.access, unit: unit ? { id: unit.id, name: unit.name, kind: unit.kind } : null };
  });
}

export function revokeGrant(db: Db, actor: Actor, grantId: number): Promise<void> {
  requireManager(actor);
  return inTransaction(db, async (trx) => {
    const grant = await trx
      .selectFrom('grants as g')
      .leftJoin('units as u', 'u.id', 'g.unit_id')
      .select(['g.id', 'g.account_id', 'g.role', 'g.access', 'g.unit_id'])
      .where('g.id', '=', grantId)
      .where('g.revoked_at', 'is', null)
      .where((eb) =>
        isCentralAdministrator(actor)
          ? sql<boolean>`true`
          : eb.and([eb('g.role', 'not in', ['admin', 'handler']), pathInScope(actor, 'u.path', 'manage')]),
      )
      .executeTakeFirst();
    if (!grant) throw notFound('grant.notFound');
    await assertAdministratorRemains(trx, { grantIds: [grantId] });
    await trx.updateTable('grants').set({ revoked_at: sql<Date>`now()`, revoked_by: actor.accountId }).where('id', '=', grantId).execute();
    await revokeLapsedFeeds(trx, grant.account_id);
    await recordAudit(trx, actor, {
      action: 'grant.revoke',
      entity: 'grant',
      entityId: grantId,
      before: grant,
      ...(grant.role === 'handler' ? { unitId: null } : {}),
    });
  });
}
