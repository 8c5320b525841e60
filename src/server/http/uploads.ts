/**
 * Uploads and downloads of files (decision 0020), shared by directive attachments and case evidence so
 * both keep the same limits, errors and download headers: one file a multipart request, at most
 * ATTACHMENT_MAX_BYTES, refused past the limit before anything is stored.
 */
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { IdParamsSchema } from '../../shared/schemas/base.ts';
import { ATTACHMENT_MAX_BYTES } from '../../shared/schemas/directives.ts';
import type { Actor } from '../access/actor.ts';
import { AppError } from '../errors.ts';
import { contentDisposition } from '../modules/directives/attachments.ts';
import { requireActor } from './auth.ts';
import { errorResponses, type App } from './route-kit.ts';

export type UploadedFile = { fileName: string | undefined; content: Buffer };

/** The one file of a multipart request, whole in memory (at most the limit), or a clear 400/413/415. */
export async function readOneFile(req: FastifyRequest): Promise<UploadedFile> {
  try {
    const part = await req.file();
    if (!part) throw new AppError('bad_request', 'attachment.noFile');
    return { fileName: part.filename, content: await part.toBuffer() };
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      throw new AppError('payload_too_large', 'attachment.tooLarge', { params: { maxMb: ATTACHMENT_MAX_BYTES / 1024 / 1024 } });
    }
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw new AppError('unsupported_media_type', 'attachment.noFile');
    throw new AppError('bad_request', 'attachment.noFile');
  }
}

/**
 * `POST path` (params `{ id }`) taking one file: multipart only in its own scope, one part, the size
 * limit; answers 201 with what `handle` returns (described by `response`).
 */
export function registerUploadRoute(
  app: App,
  path: string,
  schema: { tags: string[]; summary: string; response: z.ZodTypeAny },
  handle: (actor: Actor, id: number, file: UploadedFile) => Promise<unknown>,
): void {
  app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    await scope.register(multipart, { limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 0, parts: 1 } });
    scope.post(
      path,
      {
        bodyLimit: ATTACHMENT_MAX_BYTES + 64 * 1024,
        schema: {
          tags: schema.tags,
          summary: schema.summary,
          consumes: ['multipart/form-data'],
          params: IdParamsSchema,
          response: { 201: schema.response, ...errorResponses },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        const file = await readOneFile(req);
        return reply.status(201).send(await handle(actor, req.params.id, file));
      },
    );
  });
}

/** Sends a stored file as a download: never rendered inline, never sniffed, never cached by the browser. */
export function sendDownload(reply: FastifyReply, file: { fileName: string; contentType: string; content: Buffer }) {
  return reply
    .type(file.contentType)
    .header('content-disposition', contentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(file.content);
}
