import { z } from 'zod';
import { IdParamsSchema } from '../../../shared/schemas/base.ts';
import { CreatePersonSchema, PersonSchema, TransferPersonSchema, UpdatePersonSchema } from '../../../shared/schemas/people.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, type RouteModule } from '../../http/route-kit.ts';
import { erasePerson, exportMyData } from './privacy.ts';
import * as people from './service.ts';

const tags = ['people'];

export const peopleRoutes: RouteModule = (app, { db, feedbackKey }) => {
  app.get(
    '/api/v1/people/:id',
    {
      schema: {
        tags,
        summary: 'A person and their memberships over time',
        params: IdParamsSchema,
        response: { 200: PersonSchema, ...errorResponses },
      },
    },
    async (req) => people.getPerson(db, requireActor(req), req.params.id),
  );

  app.post(
    '/api/v1/people',
    {
      schema: { tags, summary: 'Add a person to a cell', body: CreatePersonSchema, response: { 201: PersonSchema, ...errorResponses } },
    },
    async (req, reply) => reply.status(201).send(await people.createPerson(db, requireActor(req), req.body)),
  );

  app.patch(
    '/api/v1/people/:id',
    {
      schema: {
        tags,
        summary: "Edit a person's record",
        params: IdParamsSchema,
        body: UpdatePersonSchema,
        response: { 200: PersonSchema, ...errorResponses },
      },
    },
    async (req) => people.updatePerson(db, requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/people/:id/transfer',
    {
      schema: {
        tags,
        summary: 'Transfer a person to another cell (a new membership; history kept)',
        params: IdParamsSchema,
        body: TransferPersonSchema,
        response: { 200: PersonSchema, ...errorResponses },
      },
    },
    async (req) => people.transferPerson(db, requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/people/:id/erase',
    {
      schema: {
        tags,
        summary: 'Erase a person (administrators): details blanked, accounts disabled, history kept anonymous',
        params: IdParamsSchema,
        body: z.object({}).strict(),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await erasePerson(db, requireActor(req), req.params.id, feedbackKey);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/me/export',
    {
      schema: {
        tags: ['session'],
        summary: 'Everything held about you, as a JSON download',
        response: { 200: z.record(z.string(), z.unknown()), ...errorResponses },
      },
    },
    async (req, reply) => {
      const data = await exportMyData(db, requireActor(req), feedbackKey);
      return reply.header('content-disposition', 'attachment; filename="cellwork-my-data.json"').send(data);
    },
  );
};
