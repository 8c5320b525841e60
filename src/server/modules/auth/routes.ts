import { z } from 'zod';
import { ChangePasswordSchema, CreateApiTokenSchema, MeSchema, SignInSchema } from '../../../shared/schemas/accounts.ts';
import { ErrorSchema, IdParamsSchema } from '../../../shared/schemas/base.ts';
import { requireActor, SESSION_COOKIE } from '../../http/auth.ts';
import { errorResponses, type RouteModule } from '../../http/route-kit.ts';
import * as auth from './service.ts';

const tags = ['session'];
const TokenSchema = z.object({ id: z.number(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() });

export const authRoutes: RouteModule = (app, { db, config }) => {
  app.post(
    '/api/v1/session',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Sign in; sets the session cookie',
        body: SignInSchema,
        response: { 200: MeSchema, 400: ErrorSchema, 401: ErrorSchema, 429: ErrorSchema },
      },
    },
    async (req, reply) => {
      const { token, actor } = await auth.signIn(db, {
        ...req.body,
        ip: req.ip,
        userAgent: req.headers['user-agent'],
        maxAgeMs: config.sessionMaxMs,
        external: config.databaseUrl !== undefined,
      });
      const secure = config.secureCookies === 'always' || (config.secureCookies === 'auto' && req.protocol === 'https');
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure,
        maxAge: Math.floor(config.sessionMaxMs / 1000),
      });
      return auth.getMe(db, actor);
    },
  );

  app.delete(
    '/api/v1/session',
    {
      schema: { tags, summary: 'Sign out', response: { 204: z.null(), ...errorResponses } },
    },
    async (req, reply) => {
      await auth.signOut(db, requireActor(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/me',
    {
      schema: {
        tags,
        summary: 'The signed-in account, its person, grants, cells and where to start browsing',
        response: { 200: MeSchema, ...errorResponses },
      },
    },
    async (req) => auth.getMe(db, requireActor(req)),
  );

  app.post(
    '/api/v1/me/password',
    {
      schema: {
        tags,
        summary: 'Change your password; your other sessions end',
        body: ChangePasswordSchema,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await auth.changePassword(db, requireActor(req), req.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/me/tokens',
    {
      schema: {
        tags,
        summary: 'Your API tokens (for integrations)',
        response: { 200: z.object({ items: z.array(TokenSchema) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await auth.listApiTokens(db, requireActor(req)) }),
  );

  app.post(
    '/api/v1/me/tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token; it is shown once',
        body: CreateApiTokenSchema,
        response: { 201: TokenSchema.omit({ lastUsedAt: true }).extend({ token: z.string() }), ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await auth.createApiToken(db, requireActor(req), req.body.name)),
  );

  app.delete(
    '/api/v1/me/tokens/:id',
    {
      schema: { tags, summary: 'Revoke one of your API tokens', params: IdParamsSchema, response: { 204: z.null(), ...errorResponses } },
    },
    async (req, reply) => {
      await auth.revokeApiToken(db, requireActor(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
};
