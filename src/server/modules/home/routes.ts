import { MyHomeSchema, MyMeetingsQuerySchema, MyMeetingsSchema } from '../../../shared/schemas/home.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, type RouteModule } from '../../http/route-kit.ts';
import { getMyHome, listMyNextMeetings } from './service.ts';

export const homeRoutes: RouteModule = (app, { db }) => {
  app.get(
    '/api/v1/me/meetings',
    {
      schema: {
        tags: ['home'],
        summary: 'The next meetings of your cells, soonest first',
        querystring: MyMeetingsQuerySchema,
        response: { 200: MyMeetingsSchema, ...errorResponses },
      },
    },
    async (req) => listMyNextMeetings(db, requireActor(req), req.query.limit),
  );

  app.get(
    '/api/v1/me/home',
    {
      schema: {
        tags: ['home'],
        summary: 'Your home page in one request: open assignments, next meetings, open actions, directives to acknowledge',
        response: { 200: MyHomeSchema, ...errorResponses },
      },
    },
    async (req) => getMyHome(db, requireActor(req)),
  );
};
