/**
 * The actor: who is asking, and the subtrees they may read and manage. Built fresh on every request
 * from the live grants, so a revoked grant stops working on the next request.
 */
import { sql } from 'kysely';
import type { GrantAccess, GrantRole } from '../../shared/enums.ts';
import type { Db } from '../db/database.ts';

export type ActorGrant = {
  id: number;
  role: GrantRole;
  access: GrantAccess;
  unitId: number | null;
  /** ltree path of the grant's unit; null for admin (the whole tree). */
  path: string | null;
};

export type Actor = {
  accountId: number;
  login: string;
  personId: number | null;
  /**
   * The grants that open units, people and dashboards. Handler grants are never here: they open
   * integrity cases and nothing else (decision 0029), so no code that reads grants can mistake one
   * for access. They are in `handlerGrants`.
   */
  grants: ActorGrant[];
  /** Handler grants (integrity cases only): the committees whose subtrees' cases the actor handles. */
  handlerGrants: ActorGrant[];
  /** The whole tree is in scope (an admin grant). */
  all: boolean;
  /** Subtree roots the actor may read / manage (ltree paths). */
  readPaths: string[];
  managePaths: string[];
  /** Subtree roots whose people's personal data (contact details, absence reasons, follow-ups) the actor may read: see fields.ts. */
  personalPaths: string[];
  /** The session's CSRF token; null when authenticated by an API token. */
  csrfToken: string | null;
  sessionId: number | null;
};

/**
 * Grants that open the personal data of the people in a subtree: a cell's officers and the officials
 * above it need it for their work; a member grant shows cell-mates' names only (docs/decisions/0013).
 */
function seesPersonalData(g: ActorGrant): boolean {
  return g.role !== 'member';
}

/** Grants that confer management of a subtree. A member grant only ever reads. */
function manages(g: ActorGrant): boolean {
  if (g.role === 'admin') return true;
  if (g.role === 'member') return false;
  return g.access === 'manage';
}

export async function loadActor(
  db: Db,
  account: { id: number; login: string; personId: number | null },
  session: { csrfToken: string | null; sessionId: number | null },
): Promise<Actor> {
  // The same definition of a live grant as the per-request read (liveGrantsJson), so the two cannot drift.
  const {
    rows: [row],
  } = await sql<{ grants: ActorGrant[] }>`select ${liveGrantsJson('a.id')} as grants from accounts a where a.id = ${account.id}`.execute(
    db,
  );
  const rows = row?.grants ?? [];
  return buildActor(account, rows, session);
}

/**
 * The live grants of the account whose id is `accountId` (a column reference) as one JSON array, in
 * grant order: lets the request's authentication read the session, the account and the grants in one
 * statement instead of two round trips.
 */
export const liveGrantsJson = (accountId: string) => sql<ActorGrant[]>`coalesce((
  select json_agg(json_build_object('id', g.id, 'role', g.role, 'access', g.access, 'unitId', g.unit_id, 'path', u.path::text) order by g.id)
  from grants g left join units u on u.id = g.unit_id
  where g.account_id = ${sql.ref(accountId)} and g.revoked_at is null), '[]'::json)`;

export function buildActor(
  account: { id: number; login: string; personId: number | null },
  liveGrants: ActorGrant[],
  session: { csrfToken: string | null; sessionId: number | null },
): Actor {
  const grants = liveGrants.filter((g) => g.role !== 'handler');
  const all = grants.some((g) => g.role === 'admin');
  const paths = (pick: (g: ActorGrant) => boolean) =>
    minimalRoots(grants.filter((g) => g.path !== null && pick(g)).map((g) => g.path as string));
  return {
    accountId: account.id,
    login: account.login,
    personId: account.personId,
    grants,
    handlerGrants: liveGrants.filter((g) => g.role === 'handler' && g.path !== null),
    all,
    readPaths: paths(() => true),
    managePaths: paths(manages),
    personalPaths: paths(seesPersonalData),
    csrfToken: session.csrfToken,
    sessionId: session.sessionId,
  };
}

/** Drop paths that lie inside another path of the list: fewer OR branches in every scoped query. */
export function minimalRoots(paths: string[]): string[] {
  const unique = [...new Set(paths)].sort((a, b) => a.length - b.length);
  const roots: string[] = [];
  for (const p of unique) if (!roots.some((r) => p === r || p.startsWith(`${r}.`))) roots.push(p);
  return roots;
}

export function canManagePath(actor: Actor, path: string): boolean {
  return actor.all || actor.managePaths.some((r) => path === r || path.startsWith(`${r}.`));
}

/** The actor may read the personal data of the people under `path` (decision 0013): its officials, with that grant. */
export function canSeePersonalPath(actor: Actor, path: string): boolean {
  return actor.all || actor.personalPaths.some((r) => path === r || path.startsWith(`${r}.`));
}

export function canReadPath(actor: Actor, path: string): boolean {
  return actor.all || actor.readPaths.some((r) => path === r || path.startsWith(`${r}.`));
}

/** The command line acts with no account: it has the whole tree, and audit rows record no account. */
export const SYSTEM_ACCOUNT_ID = 0;
export function systemActor(): Actor {
  return {
    accountId: SYSTEM_ACCOUNT_ID,
    login: 'cellwork-cli',
    personId: null,
    grants: [],
    handlerGrants: [],
    all: true,
    readPaths: [],
    managePaths: [],
    personalPaths: [],
    csrfToken: null,
    sessionId: null,
  };
}
/** The account id to store for an actor (null for the command line). */
export const storedAccountId = (actor: Pick<Actor, 'accountId'>) => (actor.accountId === SYSTEM_ACCOUNT_ID ? null : actor.accountId);
