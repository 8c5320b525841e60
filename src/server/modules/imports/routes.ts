import type { Readable } from 'node:stream';
import { z } from 'zod';
import { ErrorSchema, IdParamsSchema } from '../../../shared/schemas/base.ts';
import { ImportStatusSchema } from '../../../shared/schemas/imports.ts';
import { AppError } from '../../errors.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, type RouteModule } from '../../http/route-kit.ts';
import { importMembers } from './service.ts';
import { getImportStatus } from './progress.ts';

const tags = ['imports'];
const MAX_CSV_BYTES = 2 * 1024 ** 3;

export const importRoutes: RouteModule = (app, { db, pool }) => {
  // The body stays a stream: rows flow into PostgreSQL as they arrive, whatever the file's size.
  app.addContentTypeParser(['text/csv', 'application/csv'], (_req, payload, done) => done(null, payload));

  app.post(
    '/api/v1/units/:id/imports',
    {
      bodyLimit: MAX_CSV_BYTES,
      schema: {
        tags,
        summary: 'Import members from a CSV body (content-type text/csv); all lines land or none',
        params: IdParamsSchema,
        querystring: z.object({ importId: z.uuid() }).strict(),
        response: { 200: ImportStatusSchema, 422: ErrorSchema, ...errorResponses },
      },
    },
    async (req) => {
      if (typeof (req.body as Readable | undefined)?.pipe !== 'function') {
        throw new AppError('unsupported_media_type', 'import.notCsv');
      }
      const length = Number(req.headers['content-length']);
      return importMembers(db, pool, requireActor(req), {
        importId: req.query.importId,
        unitId: req.params.id,
        source: req.body as Readable,
        totalBytes: Number.isFinite(length) && length > 0 ? length : null,
      });
    },
  );

  app.get(
    '/api/v1/imports/:importId',
    {
      schema: {
        tags,
        summary: 'Progress and result of one of your imports',
        params: z.object({ importId: z.uuid() }).strict(),
        response: { 200: ImportStatusSchema, ...errorResponses },
      },
    },
    async (req) => getImportStatus(db, req.params.importId, requireActor(req).accountId),
  );
};
