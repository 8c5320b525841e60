/** One mapping from any thrown error to `{ error: { code, message, messageKey, params?, details? } }` and a status. */
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, errorBody, fromDatabaseError } from '../errors.ts';

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => sendError(toAppError(err), err, request, reply));
  app.setNotFoundHandler((request, reply) => {
    const params = { method: request.method, path: request.url.split('?')[0] ?? '' };
    return sendError(new AppError('not_found', 'request.noRoute', { params }), undefined, request, reply);
  });
}

function sendError(appError: AppError, err: unknown, request: FastifyRequest, reply: FastifyReply) {
  if (appError.status >= 500) request.log.error({ err, code: appError.code }, 'request failed');
  // `reason`, not `msg`: pino's own `msg` is the line's message, and a second one was dropped.
  else
    request.log.info(
      { status: appError.status, code: appError.code, messageKey: appError.messageKey, reason: appError.message },
      'request rejected',
    );
  if (appError.headers) reply.headers(appError.headers);
  return reply.status(appError.status).send({ error: errorBody(appError) });
}

/**
 * Fastify's `frameworkErrors`: the router's refusals (an undecodable path, a path segment over
 * maxParamLength) would otherwise be written by Fastify with its own body, where `error` is a string.
 */
export function frameworkErrors(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const appError =
    err.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? new AppError('uri_too_long', 'input.urlTooLong')
      : err.code === 'FST_ERR_BAD_URL'
        ? new AppError('bad_request', 'input.badUrl')
        : toAppError(err);
  return sendError(appError, err, request, reply);
}

/**
 * Node's HTTP parser refusing a request (a malformed request line, headers too large) before Fastify
 * sees it: answered in the same shape, written straight to the socket as nothing else can be.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  // As Node's own handler: a reset peer, or a response already under way, gets nothing more written.
  const inProgress = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
  if (err.code === 'ECONNRESET' || !socket.writable || inProgress) return void socket.destroy();
  const appError =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? new AppError('header_too_large', 'input.headersTooLarge')
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? new AppError('request_timeout', 'input.requestTimeout')
        : new AppError('bad_request', 'input.malformedRequest');
  const body = JSON.stringify({ error: errorBody(appError) });
  const reason = { 408: 'Request Timeout', 431: 'Request Header Fields Too Large' }[appError.status] ?? 'Bad Request';
  socket.end(
    `HTTP/1.1 ${appError.status} ${reason}\r\nconnection: close\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

const FASTIFY_REFUSALS: Record<string, () => AppError> = {
  FST_ERR_CTP_INVALID_JSON_BODY: () => new AppError('bad_request', 'input.badJson'),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => new AppError('bad_request', 'input.emptyJson'),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => new AppError('bad_request', 'input.badContentLength'),
};

function toAppError(err: FastifyError): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const details = err.validation.map((v) => ({
      path: `${err.validationContext ?? ''}${v.instancePath}`.replace(/\//g, '.'),
      message: v.message,
    }));
    const first = details[0];
    return first
      ? new AppError('validation_failed', 'request.invalidInputAt', {
          params: { path: first.path || 'body', issue: first.message ?? '' },
          details,
        })
      : new AppError('validation_failed', 'request.invalidInput', { details });
  }
  if (isResponseSerializationError(err)) return new AppError('internal', 'server.badResponse');
  const db = fromDatabaseError(err);
  if (db) return db;
  const known = err.code ? FASTIFY_REFUSALS[err.code] : undefined;
  if (known) return known();
  const status = err.statusCode ?? 500;
  if (status === 413) return new AppError('payload_too_large', 'request.tooLarge');
  if (status === 415) return new AppError('unsupported_media_type', 'request.notJson');
  // Other refusals by Fastify or a plugin keep their wording; clients show a generic line.
  if (status >= 400 && status < 500)
    return err.message
      ? new AppError('bad_request', 'request.rejected', { params: { reason: err.message } })
      : new AppError('bad_request', 'request.badRequest');
  return new AppError('internal', 'server.failed');
}
