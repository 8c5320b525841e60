/** Signing in and out, the signed-in actor's own view, password changes and API tokens. */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { loadActor, type Actor } from '../../access/actor.ts';
import { isCentralAdministrator } from '../../access/policies.ts';
import { inTransaction, type Db } from '../../db/database.ts';
import { AppError, notFound } from '../../errors.ts';
import { hashToken, newToken } from '../../http/auth.ts';
import type { Me } from '../../../shared/schemas/accounts.ts';
import { recordAudit } from '../audit/service.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords.ts';
import { passwordProblem, assertAcceptablePassword } from './password-policy.ts';
import { countAttempt, countSuccess, throttleKeys } from './throttle.ts';

const invalid = () => new AppError('invalid_credentials', 'auth.wrongCredentials');

export type SignInInput = {
  login: string;
  password: string;
  ip: string;
  userAgent?: string;
  maxAgeMs: number;
  /** The server runs on an external database (DATABASE_URL): a real deployment, where demo passwords are refused. */
  external: boolean;
};

export async function signIn(db: Db, input: SignInInput) {
  const login = input.login.trim().toLowerCase();
  const keys = throttleKeys(login, input.ip);
  await countAttempt(db, keys);
  const account = await db
    .selectFrom('accounts')
    .select(['id', 'login', 'person_id', 'password_hash', 'disabled_at', 'demo'])
    .where('login', '=', login)
    .executeTakeFirst();
  const ok = await verifyPassword(account?.password_hash ?? (await dummyPasswordHash()), input.password);
  if (!account || !ok || account.disabled_at) throw invalid();
  // The demo's password is published; on a real deployment a demo account keeps out until it has a real one.
  if (account.demo && input.external && passwordProblem(input.password)) throw new AppError('invalid_credentials', 'password.demoRefused');
  await countSuccess(db, keys);
  const token = newToken();
  const csrfToken = randomBytes(24).toString('base64url');
  const session = await db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      account_id: account.id,
      csrf_token: csrfToken,
      expires_at: new Date(Date.now() + input.maxAgeMs),
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 400) ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const actor = await loadActor(
    db,
    { id: account.id, login: account.login, personId: account.person_id },
    { csrfToken, sessionId: session.id },
  );
  return { token, actor };
}

export async function signOut(db: Db, actor: Actor): Promise<void> {
  if (actor.sessionId === null) return;
  await db.updateTable('sessions').set({ ended_at: sql<Date>`now()` }).where('id', '=', actor.sessionId).execute();
}

export async function getMe(db: Db, actor: Actor): Promise<Me> {
  const [person, cells, grantUnits, root] = await Promise.all([
    actor.personId === null
      ? undefined
      : db.selectFrom('people').select(['id', 'full_name as fullName']).where('id', '=', actor.personId).executeTakeFirst(),
    actor.personId === null
      ? []
      : db
          .selectFrom('memberships as m')
          .innerJoin('units as u', 'u.id', 'm.cell_id')
          .select(['u.id', 'u.name', 'm.role'])
          .where('m.person_id', '=', actor.personId)
          .where('m.to_date', 'is', null)
          .execute(),
    db
      .selectFrom('units')
      .select(['id', 'name', 'kind', sql<string>`path::text`.as('path')])
      .where('id', 'in', [0, ...[...actor.grants, ...actor.handlerGrants].map((g) => g.unitId ?? 0)])
      .execute(),
    isCentralAdministrator(actor)
      ? db.selectFrom('units').select(['id', 'name', 'kind']).where('parent_id', 'is', null).executeTakeFirst()
      : undefined,
  ]);
  const unitById = new Map(grantUnits.map((u) => [u.id, u]));
  const roots = isCentralAdministrator(actor)
    ? root
      ? [root]
      : []
    : grantUnits.filter((u) => actor.readPaths.includes(u.path)).map(({ id, name, kind }) => ({ id, name, kind }));
  return {
    account: { id: actor.accountId, login: actor.login },
    person: person ?? null,
    grants: actor.grants.map((g) => {
      const u = g.unitId === null ? undefined : unitById.get(g.unitId);
      return { id: g.id, role: g.role, access: g.access, unit: u ? { id: u.id, name: u.name, kind: u.kind } : null };
    }),
    cells,
    roots,
    handles: actor.handlerGrants.flatMap((g) => {
      const u = g.unitId === null ? undefined : unitById.get(g.unitId);
      return u ? [{ id: u.id, name: u.name, kind: u.kind }] : [];
    }),
    csrfToken: actor.csrfToken,
  };
}

export function changePassword(db: Db, actor: Actor, input: { currentPassword: string; newPassword: string }): Promise<void> {
  return inTransaction(db, async (trx) => {
    const account = await trx
      .selectFrom('accounts')
      .select('password_hash')
      .where('id', '=', actor.accountId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (!(await verifyPassword(account.password_hash, input.currentPassword))) throw invalid();
    assertAcceptablePassword(input.newPassword);
    await trx
      .updateTable('accounts')
      .set({ password_hash: await hashPassword(input.newPassword), password_changed_at: sql<Date>`now()` })
      .where('id', '=', actor.accountId)
      .execute();
    // Every other session ends; the one that changed the password stays signed in.
    let others = trx
      .updateTable('sessions')
      .set({ ended_at: sql<Date>`now()` })
      .where('account_id', '=', actor.accountId)
      .where('ended_at', 'is', null);
    if (actor.sessionId !== null) others = others.where('id', '!=', actor.sessionId);
    await others.execute();
    await recordAudit(trx, actor, { action: 'account.password', entity: 'account', entityId: actor.accountId });
  });
}

export async function createApiToken(db: Db, actor: Actor, name: string) {
  const token = `cw_${newToken()}`;
  const row = await db
    .insertInto('api_tokens')
    .values({ account_id: actor.accountId, name, token_hash: hashToken(token) })
    .returning(['id', 'name', 'created_at'])
    .executeTakeFirstOrThrow();
  await recordAudit(db, actor, { action: 'api_token.create', entity: 'api_token', entityId: row.id, after: { name } });
  return { id: row.id, name: row.name, createdAt: row.created_at.toISOString(), token };
}

export async function listApiTokens(db: Db, actor: Actor) {
  const rows = await db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at', 'last_used_at'])
    .where('account_id', '=', actor.accountId)
    .where('revoked_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdAt: r.created_at.toISOString(),
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
  }));
}

export async function revokeApiToken(db: Db, actor: Actor, id: number): Promise<void> {
  const r = await db
    .updateTable('api_tokens')
    .set({ revoked_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('account_id', '=', actor.accountId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw notFound('token.notFound');
  await recordAudit(db, actor, { action: 'api_token.revoke', entity: 'api_token', entityId: id });
}
