/** Offline use (issue 16): the sync of a device's outbox, the offline pack, and the paper roll (sheet and CSV). */
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { IdParamsSchema } from '../../../shared/schemas/base.ts';
import { OfflinePackSchema, SYNC_MAX_BYTES, SyncRequestSchema, SyncResponseSchema } from '../../../shared/schemas/sync.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, type RouteModule } from '../../http/route-kit.ts';
import { ErrorSchema } from '../../../shared/schemas/base.ts';
import { MeetingSchema } from '../../../shared/schemas/meetings.ts';
import { AppError } from '../../errors.ts';
import { reportLanguage } from '../reports/labels.ts';
import { getOfflinePack } from './pack.ts';
import { ROLL_CSV_MAX_BYTES, uploadRollCsv } from './roll-csv.ts';
import { syncBatch } from './service.ts';
import { attendanceSheet } from './sheet.ts';

const tags = ['sync'];

export const syncRoutes: RouteModule = (app, { db, config }) => {
  app.post(
    '/api/v1/sync',
    {
      bodyLimit: SYNC_MAX_BYTES,
      schema: {
        tags,
        summary:
          "Apply a device's outbox: each operation once, in order, in its own transaction; a replay answers duplicate (at most 500 operations, 4 MB)",
        body: SyncRequestSchema,
        response: { 200: SyncResponseSchema, 413: ErrorSchema, ...errorResponses },
      },
    },
    async (req) => ({ results: await syncBatch(db, requireActor(req), req.body.operations, config.timeZone) }),
  );

  app.get(
    '/api/v1/cells/:id/offline-pack',
    {
      schema: {
        tags,
        summary:
          "What a device keeps to record the cell's meetings offline: roll (names and ids), kinds, quorum, next meetings, directives awaiting briefing (titles)",
        params: IdParamsSchema,
        response: { 200: OfflinePackSchema, ...errorResponses },
      },
    },
    async (req) => getOfflinePack(db, requireActor(req), req.params.id),
  );

  app.get(
    '/api/v1/meetings/:id/attendance-sheet.pdf',
    {
      schema: {
        tags,
        summary: "The meeting's printable attendance sheet: the roll on its day in name order with boxes, its code and a QR code of its id",
        params: IdParamsSchema,
        querystring: z.object({ lang: z.enum(['en', 'ko']).optional() }).strict(),
        response: errorResponses,
      },
    },
    async (req, reply) => {
      const language = reportLanguage(req.query.lang, req.headers['accept-language']);
      const { pdf, code } = await attendanceSheet(db, requireActor(req), req.params.id, language, config.timeZone);
      reply
        .header('content-disposition', `inline; filename="attendance-${code}.pdf"`)
        .header('content-language', language)
        .header('vary', 'Accept-Language');
      return reply.type('application/pdf').send(pdf as never);
    },
  );

  app.post(
    '/api/v1/meetings/:id/attendance.csv',
    {
      bodyLimit: ROLL_CSV_MAX_BYTES,
      schema: {
        tags,
        summary:
          "Record the whole roll from a paper roll as CSV (content-type text/csv; header personId or name, status, reason): the attendance API's checks, all lines or none",
        params: IdParamsSchema,
        querystring: z.object({ version: z.coerce.number().int().positive() }).strict(),
        response: { 200: MeetingSchema, 413: ErrorSchema, 415: ErrorSchema, ...errorResponses },
      },
    },
    async (req) => {
      const text = await readText(req.body);
      return uploadRollCsv(db, requireActor(req), req.params.id, text, req.query.version);
    },
  );
};

/** The CSV body: a stream (text/csv, see the imports module's parser) read whole; it is small (bodyLimit). */
async function readText(body: unknown): Promise<string> {
  if (typeof (body as Readable | undefined)?.pipe !== 'function') throw new AppError('unsupported_media_type', 'import.notCsv');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as Readable) {
    size += (chunk as Buffer).length;
    // Stop reading at the limit: a paper roll is a few kilobytes.
    if (size > ROLL_CSV_MAX_BYTES) throw new AppError('payload_too_large', 'request.tooLarge');
    chunks.push(Buffer.from(chunk as Buffer));
  }
  return Buffer.concat(chunks).toString('utf8');
}
