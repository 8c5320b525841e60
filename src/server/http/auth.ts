/**
 * Who is asking: a session cookie (with CSRF check on state-changing requests) or a bearer API token.
 * Every route is signed-in only unless its config says `public: true`.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { buildActor, liveGrantsJson, type Actor } from '../access/actor.ts';
import { PREPARED } from '../db/database.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';

export const SESSION_COOKIE = 'cw_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Touch last_seen_at at most this often, so reads do not each write. */
const TOUCH_EVERY_MS = 60_000;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Route answers without a signed-in actor. */
    public?: boolean;
  }
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest();
export const newToken = () => randomBytes(32).toString('base64url');

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated', 'auth.signInFirst');
  return request.actor;
}

export function registerAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    request.actor = await authenticate(ctx, request);
  });
  app.addHook('preHandler', async (request) => {
    // The API proper; the OpenAPI document and its docs page are public.
    if (!request.url.startsWith('/api/v1/') || request.routeOptions.config.public) return;
    requireActor(request);
  });
}

async function authenticate(ctx: AppContext, request: FastifyRequest): Promise<Actor | null> {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return authenticateToken(ctx, header.slice(7).trim());
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  const now = Date.now();
  // One prepared statement per request: the session, its account and the account's live grants.
  const {
    rows: [row],
  } = await sql<SessionRow>`${sql.raw(PREPARED)}
    select s.id, s.csrf_token, s.last_seen_at, a.id as "accountId", a.login, a.person_id as "personId", ${liveGrantsJson('a.id')} as grants
    from sessions s join accounts a on a.id = s.account_id
    where s.token_hash = ${hashToken(token)} and s.ended_at is null and s.expires_at > ${new Date(now)}
      and s.last_seen_at > ${new Date(now - ctx.config.sessionIdleMs)} and a.disabled_at is null`.execute(ctx.db);
  if (!row) return null;
  if (!SAFE_METHODS.has(request.method)) checkCsrf(request, row.csrf_token);
  if (now - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    await ctx.db.updateTable('sessions').set({ last_seen_at: sql<Date>`now()` }).where('id', '=', row.id).execute();
  }
  return buildActor({ id: row.accountId, login: row.login, personId: row.personId }, row.grants, {
    csrfToken: row.csrf_token,
    sessionId: row.id,
  });
}

type SessionRow = {
  id: number;
  csrf_token: string;
  last_seen_at: Date;
  accountId: number;
  login: string;
  personId: number | null;
  grants: Parameters<typeof buildActor>[1];
};

function checkCsrf(request: FastifyRequest, expected: string): void {
  const sent = request.headers[CSRF_HEADER];
  const ok = typeof sent === 'string' && sent.length === expected.length && timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
  if (!ok) throw new AppError('csrf_failed', 'auth.csrf', { params: { header: CSRF_HEADER } });
}

async function authenticateToken(ctx: AppContext, token: string): Promise<Actor | null> {
  const row = await ctx.db
    .selectFrom('api_tokens as t')
    .innerJoin('accounts as a', 'a.id', 't.account_id')
    .select(['t.id', 't.last_used_at', 'a.id as accountId', 'a.login', 'a.person_id as personId', liveGrantsJson('a.id').as('grants')])
    .where('t.token_hash', '=', hashToken(token))
    .where('t.revoked_at', 'is', null)
    .where('a.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new AppError('unauthenticated', 'auth.badToken');
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > TOUCH_EVERY_MS) {
    await ctx.db.updateTable('api_tokens').set({ last_used_at: sql<Date>`now()` }).where('id', '=', row.id).execute();
  }
  return buildActor({ id: row.accountId, login: row.login, personId: row.personId }, row.grants, { csrfToken: null, sessionId: null });
}
