/**
 * The one error type: a stable code, one HTTP status, and a message key from the shared catalog
 * (src/shared/error-messages.ts) with its params, from which the English message is built. Taking a key
 * rather than free text is what keeps every error translatable by clients.
 */
import { formatErrorMessage, type ErrorMessageKey, type ErrorParams, type ParamName } from '../shared/error-messages.ts';

export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthenticated'
  | 'invalid_credentials'
  | 'csrf_failed'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'version_conflict'
  | 'rate_limited'
  | 'import_rejected'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'uri_too_long'
  | 'header_too_large'
  | 'request_timeout'
  | 'service_unavailable'
  | 'internal';

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  version_conflict: 409,
  rate_limited: 429,
  import_rejected: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  uri_too_long: 414,
  header_too_large: 431,
  request_timeout: 408,
  service_unavailable: 503,
  internal: 500,
};

type Options = { details?: unknown; headers?: Record<string, string> };
/** Params are required exactly when the message needs some, and only those are allowed. */
export type ErrorExtras<K extends ErrorMessageKey> = [ParamName<K>] extends [never]
  ? [options?: Options & { params?: never }]
  : [options: Options & { params: Record<ParamName<K>, string | number> }];

export class AppError<K extends ErrorMessageKey = ErrorMessageKey> extends Error {
  readonly status: number;
  readonly params?: ErrorParams;
  readonly details?: unknown;
  readonly headers?: Record<string, string>;
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: K,
    ...[options]: ErrorExtras<K>
  ) {
    super(formatErrorMessage(messageKey, options?.params));
    this.status = STATUS[code];
    this.params = options?.params;
    this.details = options?.details;
    this.headers = options?.headers;
  }
}

export const notFound = <K extends ErrorMessageKey>(key: K, ...extras: ErrorExtras<K>) => new AppError('not_found', key, ...extras);
export const badRequest = <K extends ErrorMessageKey>(key: K, ...extras: ErrorExtras<K>) => new AppError('bad_request', key, ...extras);
/** Allowed to see it, not to do this with it (an out-of-scope object is 404, never this). */
export const forbidden = <K extends ErrorMessageKey>(key: K, ...extras: ErrorExtras<K>) => new AppError('forbidden', key, ...extras);
export const conflict = <K extends ErrorMessageKey>(key: K, ...extras: ErrorExtras<K>) => new AppError('conflict', key, ...extras);

/** The `error` member of a response body: only the fields there are, in a stable order. */
export function errorBody(err: AppError): {
  code: string;
  message: string;
  messageKey: ErrorMessageKey;
  params?: ErrorParams;
  details?: unknown;
} {
  return {
    code: err.code,
    message: err.message,
    messageKey: err.messageKey,
    ...(err.params === undefined ? {} : { params: err.params }),
    ...(err.details === undefined ? {} : { details: err.details }),
  };
}

/**
 * Turns PostgreSQL constraint violations into named errors at the data layer, so a client that sends a
 * duplicate or a dangling reference gets a 4xx and never a 500.
 */
export function fromDatabaseError(err: unknown): AppError | undefined {
  if (typeof err !== 'object' || err === null || !('code' in err)) return undefined;
  const e = err as { code?: string; constraint?: string; detail?: string };
  const details = { constraint: e.constraint };
  switch (e.code) {
    case '23505':
      return conflict(uniqueMessage(e.constraint), { details });
    case '23503':
      return badRequest('db.missingReference', { details });
    case '23514':
      return badRequest('db.ruleBroken', { details });
    case '23502':
      return badRequest('db.valueMissing', { details });
    // 22021 and 22P05: a character the database cannot hold (a NUL byte in a text parameter).
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22001':
    case '22021':
    case '22P05':
      return badRequest('db.wrongForm');
    case '40001':
    case '40P01':
      return new AppError('version_conflict', 'db.changedMeanwhile');
    default:
      return undefined;
  }
}

function uniqueMessage(constraint: string | undefined) {
  if (constraint?.includes('code')) return 'db.codeTaken';
  if (constraint?.includes('login')) return 'db.loginTaken';
  if (constraint?.includes('member_no')) return 'db.memberNoTaken';
  if (constraint?.includes('open_membership')) return 'db.alreadyInCell';
  return 'db.duplicate';
}
