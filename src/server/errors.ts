/** The one error type: a stable code, a user-facing message and one HTTP status. */
export type ErrorCode =
  | 'bad_request' | 'validation_failed' | 'unauthenticated' | 'invalid_credentials' | 'csrf_failed'
  | 'not_found' | 'conflict' | 'version_conflict' | 'rate_limited' | 'import_rejected'
  | 'payload_too_large' | 'unsupported_media_type' | 'internal';

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400, validation_failed: 400, unauthenticated: 401, invalid_credentials: 401,
  csrf_failed: 403, not_found: 404, conflict: 409, version_conflict: 409, rate_limited: 429,
  import_rejected: 422, payload_too_large: 413, unsupported_media_type: 415, internal: 500,
};

export class AppError extends Error {
  readonly status: number;
  constructor(readonly code: ErrorCode, message: string, readonly details?: unknown, readonly headers?: Record<string, string>) {
    super(message);
    this.status = STATUS[code];
  }
}

export const notFound = (what = 'Not found') => new AppError('not_found', what);
export const badRequest = (message: string, details?: unknown) => new AppError('bad_request', message, details);
export const conflict = (message: string, details?: unknown) => new AppError('conflict', message, details);

/**
 * Turns PostgreSQL constraint violations into named errors at the data layer, so a client that sends a
 * duplicate or a dangling reference gets a 4xx and never a 500.
 */
export function fromDatabaseError(err: unknown): AppError | undefined {
  if (typeof err !== 'object' || err === null || !('code' in err)) return undefined;
  const e = err as { code?: string; constraint?: string; detail?: string };
  switch (e.code) {
    case '23505': return conflict(uniqueMessage(e.constraint), { constraint: e.constraint });
    case '23503': return badRequest('A referenced object does not exist', { constraint: e.constraint });
    case '23514': return badRequest('A value breaks a rule of the data', { constraint: e.constraint });
    case '23502': return badRequest('A required value is missing', { constraint: e.constraint });
    case '22P02': case '22007': case '22008': case '22003': case '22001':
      return badRequest('A value has the wrong form');
    case '40001': case '40P01': return new AppError('version_conflict', 'The data changed meanwhile; try again');
    default: return undefined;
  }
}

function uniqueMessage(constraint: string | undefined): string {
  if (constraint?.includes('code')) return 'That code is already in use';
  if (constraint?.includes('login')) return 'That login is already in use';
  if (constraint?.includes('member_no')) return 'That member number is already in use';
  if (constraint?.includes('open_membership')) return 'The person already belongs to a cell';
  return 'That already exists';
}
