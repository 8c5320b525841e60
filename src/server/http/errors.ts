/** One mapping from any thrown error to `{ error: { code, message, details } }` and a status. */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, fromDatabaseError } from '../errors.ts';

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const appError = toAppError(err);
    if (appError.status >= 500) request.log.error({ err }, 'request failed');
    else request.log.info({ code: appError.code, msg: appError.message }, 'request rejected');
    if (appError.headers) reply.headers(appError.headers);
    const body: { code: string; message: string; details?: unknown } = { code: appError.code, message: appError.message };
    if (appError.details !== undefined) body.details = appError.details;
    return reply.status(appError.status).send({ error: body });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` } }));
}

function toAppError(err: FastifyError): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const details = err.validation.map((v) => ({
      path: `${err.validationContext ?? ''}${v.instancePath}`.replace(/\//g, '.'),
      message: v.message,
    }));
    const first = details[0];
    return new AppError('validation_failed', first ? `Invalid input at ${first.path || 'body'}: ${first.message}` : 'Invalid input', details);
  }
  if (isResponseSerializationError(err)) return new AppError('internal', 'The server produced an invalid response');
  const db = fromDatabaseError(err);
  if (db) return db;
  const status = err.statusCode ?? 500;
  if (status === 413) return new AppError('payload_too_large', 'The request body is too large');
  if (status === 415) return new AppError('unsupported_media_type', 'Send JSON (content-type: application/json)');
  if (status >= 400 && status < 500) return new AppError('bad_request', err.message || 'Bad request');
  return new AppError('internal', 'Something went wrong on the server');
}
