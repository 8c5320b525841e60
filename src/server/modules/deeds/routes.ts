/** Laudable deeds (issue 15): thin routes; the rules are in service.ts. */
import { z } from 'zod';
import { IdParamsSchema } from '../../../shared/schemas/base.ts';
import { DeedListQuerySchema, DeedPageSchema, DeedSchema, PublishDeedSchema, RecordDeedSchema } from '../../../shared/schemas/deeds.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, type RouteModule } from '../../http/route-kit.ts';
import * as deeds from './service.ts';

const tags = ['deeds'];
const CreatedSchema = z.object({ id: z.number() });
const EmptyBodySchema = z.object({}).strict().optional();

export const deedRoutes: RouteModule = (app, { db }) => {
  app.post(
    '/api/v1/cells/:id/deeds',
    {
      schema: {
        tags,
        summary: 'Record a laudable deed of the cell or of members on its roll (its secretary, officials over it)',
        params: IdParamsSchema,
        body: RecordDeedSchema,
        response: { 201: CreatedSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await deeds.recordDeed(db, requireActor(req), req.params.id, req.body)),
  );

  app.get(
    '/api/v1/cells/:id/deeds',
    {
      schema: {
        tags,
        summary: "The cell's laudable deeds, newest first",
        params: IdParamsSchema,
        querystring: DeedListQuerySchema,
        response: { 200: DeedPageSchema, ...errorResponses },
      },
    },
    async (req) => deeds.listCellDeeds(db, requireActor(req), req.params.id, req.query),
  );

  app.post(
    '/api/v1/deeds/:id/publish',
    {
      schema: {
        tags,
        summary: "Publish a deed to a committee's subtree (an official of a committee above the cell): it shows on its members' boards",
        params: IdParamsSchema,
        body: PublishDeedSchema,
        response: { 200: DeedSchema, ...errorResponses },
      },
    },
    async (req) => deeds.publishDeed(db, requireActor(req), req.params.id, req.body ?? {}),
  );

  app.post(
    '/api/v1/deeds/:id/unpublish',
    {
      schema: {
        tags,
        summary: 'Withdraw a published deed from the boards (who manages the committee it was published to)',
        params: IdParamsSchema,
        body: EmptyBodySchema,
        response: { 200: DeedSchema, ...errorResponses },
      },
    },
    async (req) => deeds.unpublishDeed(db, requireActor(req), req.params.id),
  );

  app.get(
    '/api/v1/me/deeds-board',
    {
      schema: {
        tags,
        summary: 'The deeds published to the committees above your cells, newest first (the board on your home page)',
        querystring: DeedListQuerySchema,
        response: { 200: DeedPageSchema, ...errorResponses },
      },
    },
    async (req) => deeds.listMyBoard(db, requireActor(req), req.query),
  );
};
