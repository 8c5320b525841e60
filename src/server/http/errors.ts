/** One mapping from any thrown error to `{ error: { code, message, messageKey, params?, details? } }` and a status. */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, errorBody, fromDatabaseError } from '../errors.ts';

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const appError = toAppError(err);
    if (appError.status >= 500) request.log.error({ err }, 'request failed');
    else request.log.info({ code: appError.code, msg: appError.message }, 'request rejected');
    if (appError.headers) reply.headers(appError.headers);
    return reply.status(appError.status).send({ error: errorBody(appError) });
  });
  app.setNotFoundHandler((request, reply) => {
    const params = { method: request.method, path: request.url.split('?')[0] ?? '' };
    return reply.status(404).send({ error: errorBody(new AppError('not_found', 'request.noRoute', { params })) });
  });
}

function toAppError(err: FastifyError): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const details = err.validation.map((v) => ({
      path: `${err.validationContext ?? ''}${v.instancePath}`.replace(/\//g, '.'),
      message: v.message,
    }));
    const first = details[0];
    return first
      ? new AppError('validation_failed', 'request.invalidInputAt', { params: { path: first.path || 'body', issue: first.message ?? '' }, details })
      : new AppError('validation_failed', 'request.invalidInput', { details });
  }
  if (isResponseSerializationError(err)) return new AppError('internal', 'server.badResponse');
  const db = fromDatabaseError(err);
  if (db) return db;
  const status = err.statusCode ?? 500;
  if (status === 413) return new AppError('payload_too_large', 'request.tooLarge');
  if (status === 415) return new AppError('unsupported_media_type', 'request.notJson');
  // Fastify's own refusals (a body that is not JSON, …) keep their wording; clients show a generic line.
  if (status >= 400 && status < 500) return err.message ? new AppError('bad_request', 'request.rejected', { params: { reason: err.message } }) : new AppError('bad_request', 'request.badRequest');
  return new AppError('internal', 'server.failed');
}
