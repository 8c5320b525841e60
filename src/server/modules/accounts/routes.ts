import { z } from 'zod';
import { AccountSchema, CreateAccountSchema, CreateGrantSchema, GrantSchema } from '../../../shared/schemas/accounts.ts';
import { IdParamsSchema, pageOf, PageQuerySchema } from '../../../shared/schemas/base.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, type RouteModule } from '../../http/route-kit.ts';
import * as accounts from './service.ts';

const tags = ['accounts'];

export const accountRoutes: RouteModule = (app, { db }) => {
  app.get(
    '/api/v1/accounts',
    {
      schema: {
        tags,
        summary: 'Accounts you administer, with their grants',
        querystring: PageQuerySchema,
        response: { 200: pageOf(AccountSchema), ...errorResponses },
      },
    },
    async (req) => accounts.listAccounts(db, requireActor(req), req.query),
  );

  app.post(
    '/api/v1/accounts',
    {
      schema: { tags, summary: 'Create a sign-in account', body: CreateAccountSchema, response: { 201: AccountSchema, ...errorResponses } },
    },
    async (req, reply) => reply.status(201).send(await accounts.createAccount(db, requireActor(req), req.body)),
  );

  app.post(
    '/api/v1/accounts/:id/grants',
    {
      schema: {
        tags,
        summary: "Grant a role on a unit's subtree",
        params: IdParamsSchema,
        body: CreateGrantSchema,
        response: { 201: GrantSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await accounts.createGrant(db, requireActor(req), req.params.id, req.body)),
  );

  app.delete(
    '/api/v1/grants/:id',
    {
      schema: {
        tags,
        summary: 'Revoke a grant; it stops working on the next request',
        params: IdParamsSchema,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await accounts.revokeGrant(db, requireActor(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
};
