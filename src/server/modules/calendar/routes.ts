import { z } from 'zod';
import { IdParamsSchema } from '../../../shared/schemas/base.ts';
import { CalendarFeedSchema } from '../../../shared/schemas/calendar.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, type RouteModule } from '../../http/route-kit.ts';
import * as calendar from './service.ts';

const tags = ['calendar'];

export const calendarRoutes: RouteModule = (app, { db }) => {
  app.post(
    '/api/v1/me/calendar',
    {
      schema: {
        tags,
        summary: 'A secret iCalendar URL with the meetings of all your cells',
        body: z.object({}).strict().optional(),
        response: { 201: CalendarFeedSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await calendar.createPersonFeed(db, requireActor(req))),
  );

  app.post(
    '/api/v1/cells/:id/calendar',
    {
      schema: {
        tags,
        summary: "A secret iCalendar URL with a cell's meetings",
        params: IdParamsSchema,
        body: z.object({}).strict().optional(),
        response: { 201: CalendarFeedSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await calendar.createCellFeed(db, requireActor(req), req.params.id)),
  );

  app.get(
    '/api/v1/calendar/:file',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'An iCalendar (RFC 5545) feed; the token in the URL is the only key',
        params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{43}\.ics$/, 'not a calendar address') }).strict(),
      },
    },
    async (req, reply) => {
      const body = await calendar.renderFeed(db, req.params.file.slice(0, -4));
      return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(body);
    },
  );
};
