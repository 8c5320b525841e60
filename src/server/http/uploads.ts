/**
 * Reading an upload: one file of a multipart request, at most ATTACHMENT_MAX_BYTES (decision 0020).
 * Shared by directive attachments and case evidence so both keep the same limits and errors.
 */
import type { FastifyRequest } from 'fastify';
import { ATTACHMENT_MAX_BYTES } from '../../shared/schemas/directives.ts';
import { AppError } from '../errors.ts';

/** The one file of a multipart request, whole in memory (at most the limit), or a clear 400/413/415. */
export async function readOneFile(req: FastifyRequest): Promise<{ fileName: string | undefined; content: Buffer }> {
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
