import { AuditPageSchema, AuditQuerySchema } from '../../../shared/schemas/audit.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, type RouteModule } from '../../http/route-kit.ts';
import { readAudit } from './read.ts';

const tags = ['audit'];

export const auditRoutes: RouteModule = (app, { db, config }) => {
  app.get(
    '/api/v1/audit',
    {
      schema: {
        tags,
        summary:
          'The audit trail, newest first: who changed what, when, before and after (administrators: all; officials: their subtrees). Each read is audited',
        querystring: AuditQuerySchema,
        response: { 200: AuditPageSchema, ...errorResponses },
      },
    },
    async (req) => readAudit(db, requireActor(req), req.query, config.timeZone),
  );
};
