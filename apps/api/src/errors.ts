/**
 * The API's errors: one code enum, one class per code, all extending GraphQLError so clients
 * read `extensions.code` (and for bad input `extensions.path` and `extensions.allowed`).
 * Anything else thrown inside a resolver is an internal error: logged with its stack, and
 * replaced by a generic INTERNAL error in the response (see `formatError`).
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  /** Too many wrong tokens from this client address: wait `extensions.retryAfterSeconds` (HTTP 429, Retry-After). */
  RATE_LIMITED = 'RATE_LIMITED',
  LIMIT_EXCEEDED = 'LIMIT_EXCEEDED',
  /** The request is valid but the thing is in a state that does not allow it (e.g. finishing a finished run). */
  CONFLICT = 'CONFLICT',
  /**
   * The HTTP request itself cannot be read: not JSON, an unsupported charset or Content-Encoding,
   * a subscription over HTTP. The same code Apollo gives the requests it refuses itself.
   */
  BAD_REQUEST = 'BAD_REQUEST',
  /** The server's disk (or database) is full: nothing of the request was stored; resend it once space is freed. */
  STORAGE_FULL = 'STORAGE_FULL',
  /** Something the server needs for this request is not installed (Chromium for a PDF export); the message says how to get it. */
  UNAVAILABLE = 'UNAVAILABLE',
  INTERNAL = 'INTERNAL',
}

/** Codes Apollo and graphql-js produce themselves; they are the client's fault and pass through. */
const PASS_THROUGH_CODES = new Set(['BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE']);

/** Every `extensions.code` a client can receive: Saddle's own and the ones passed through. */
export const CLIENT_VISIBLE_CODES: readonly string[] = [...new Set([...Object.values(ErrorCode), ...PASS_THROUGH_CODES])];

export class SaddleError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}, httpStatus?: number) {
    super(message, { extensions: { code, ...extensions, ...(httpStatus && { http: { status: httpStatus } }) } });
  }
}

export class BadInputError extends SaddleError {
  /**
   * @param path where the bad value is, from the argument down: `['input', 'overrides', 'optimizer.lr']`.
   * @param allowed what would have been accepted, in words or as the list of allowed values.
   */
  constructor(message: string, path: (string | number)[], allowed?: string | readonly string[]) {
    super(ErrorCode.BAD_USER_INPUT, message, { path, ...(allowed !== undefined && { allowed }) });
  }
}

export class NotFoundError extends SaddleError {
  constructor(kind: 'Experiment' | 'Run' | 'Preset' | 'Token' | 'Suite' | 'Report' | 'RunAnalysis', id: string) {
    super(ErrorCode.NOT_FOUND, `${kind} ${JSON.stringify(id)} does not exist`, { kind, id });
  }
}

export class UnauthenticatedError extends SaddleError {
  constructor(message = 'A bearer token is required: send `Authorization: Bearer <token>` (create one with `saddle token create`).') {
    super(ErrorCode.UNAUTHENTICATED, message, {}, 401);
  }
}

export class ForbiddenError extends SaddleError {
  constructor(message: string) {
    super(ErrorCode.FORBIDDEN, message, {}, 403);
  }
}

export class RateLimitedError extends SaddleError {
  constructor(retryAfterMs: number) {
    const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    super(ErrorCode.RATE_LIMITED, `Too many failed token checks from this address; try again in ${retryAfterSeconds} s with a valid token (\`saddle token create\`).`, {
      retryAfterSeconds,
      // Apollo turns extensions.http into the response's status and headers (a Map is required).
      http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    });
  }
}

export class LimitExceededError extends SaddleError {
  /**
   * @param httpStatus for limits checked before execution (query depth and cost: 400, a body over
   * the size limit: 413). A limit a resolver hits stays a field error in a 200 response.
   */
  constructor(what: string, limit: number, got: number, httpStatus?: number) {
    super(ErrorCode.LIMIT_EXCEEDED, `${what} is limited to ${limit}, got ${got}`, { limit, got }, httpStatus);
  }
}

export class ConflictError extends SaddleError {
  constructor(message: string) {
    super(ErrorCode.CONFLICT, message);
  }
}

/**
 * A write the database refused for want of space (SQLite's SQLITE_FULL, PostgreSQL's 53100
 * disk_full). The message says what was being stored; `cause` keeps the database's own error
 * for the log. Clients see the message and code, never the cause (it may hold file paths).
 */
export class StorageFullError extends SaddleError {
  constructor(
    what: string,
    override readonly cause: unknown,
  ) {
    super(ErrorCode.STORAGE_FULL, `disk full while ${what}: nothing of it was stored; free space on the server's data disk and send it again`);
  }
}

export interface ErrorLogger {
  error(message: string, error: unknown): void;
}

/**
 * Apollo's `formatError`: known errors go out as they are; internal ones are logged and replaced,
 * so stack traces, SQL and file paths never reach a client.
 */
export function createErrorFormatter(logger: ErrorLogger = console) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    if (original instanceof SaddleError) {
      // The server's problem, not the client's: the operator must hear of it, with the database's own error.
      if (original instanceof StorageFullError) logger.error(original.message, original.cause);
      // `http` is how Apollo learns the status and headers; it is not part of the answer.
      const { http: _http, ...extensions } = original.extensions;
      return { ...formatted, extensions };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PASS_THROUGH_CODES.has(code)) return formatted;
    // Errors graphql-js and Apollo raise themselves (variable coercion, ...) carry no original error.
    if (error instanceof GraphQLError && !error.originalError) {
      return { ...formatted, extensions: { ...formatted.extensions, code: code === 'BAD_USER_INPUT' || code === undefined ? ErrorCode.BAD_USER_INPUT : code } };
    }
    logger.error(`internal error in ${formatted.path?.join('.') ?? 'request'}`, original);
    return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: ErrorCode.INTERNAL } };
  };
}
