import { sql } from 'kysely';
import { formatErrorMessage } from '../../../shared/error-messages.ts';
import { ErrorSchema } from '../../../shared/schemas/base.ts';
import { HealthSchema } from '../../../shared/schemas/health.ts';
import type { RouteModule } from '../../http/route-kit.ts';

export const healthRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: { tags: ['meta'], summary: 'Liveness and database reachability', response: { 200: HealthSchema, 503: ErrorSchema } },
    },
    async (_req, reply) => {
      try {
        await sql`select 1`.execute(ctx.db);
      } catch {
        const messageKey = 'server.databaseDown';
        return reply.status(503).send({ error: { code: 'database_unavailable', message: formatErrorMessage(messageKey), messageKey } });
      }
      return { status: 'ok' as const, database: { mode: ctx.databaseMode, version: ctx.databaseVersion } };
    },
  );
};
