/**
 * The HTTP layer in front of Apollo: the JSON body parser with the API's size limit, and the
 * answer to every request it (or anything else before Apollo) refuses. Without these, Express
 * answers a body it cannot parse with its HTML error page — stack trace and file paths included.
 * Here every refusal is a GraphQL error response, `{ errors: [{ message, extensions: { code } }] }`,
 * with a 4xx status, and anything unexpected is logged and answered as a masked INTERNAL error.
 */
import type { Duplex } from 'node:stream';
import express, { type ErrorRequestHandler, type RequestHandler, type Response } from 'express';
import { LIMITS } from '../common/limits.js';
import { ErrorCode, LimitExceededError, SaddleError, type ErrorLogger } from '../errors.js';

/**
 * express.json, limited to `LIMITS.requestBytesMax`; its errors go to `createHttpErrorHandler`.
 * A Content-Length over the limit is answered at once and the connection closed: body-parser
 * alone would refuse it only after reading the whole announced body off the socket.
 */
export function jsonBody(): RequestHandler[] {
  const announcedTooLarge: RequestHandler = (req, res, next) => {
    const announced = Number(req.headers['content-length']);
    if (!(announced > LIMITS.requestBytesMax)) {
      next();
      return;
    }
    res.setHeader('connection', 'close');
    sendGraphQLError(res, 413, tooLarge(announced));
  };
  // strict: only an object (or an array, which Apollo answers "batching disabled") is a request.
  return [announcedTooLarge, express.json({ limit: LIMITS.requestBytesMax, strict: true })];
}

function tooLarge(got: number): LimitExceededError {
  return new LimitExceededError(`the request body (bytes; ${LIMITS.requestBytesMax / 1024 / 1024} MiB)`, LIMITS.requestBytesMax, got);
}

/** What body-parser (via http-errors) attaches to the errors it raises. */
interface BodyParserError {
  status?: unknown;
  type?: unknown;
  message?: unknown;
  charset?: unknown;
  encoding?: unknown;
  length?: unknown;
  limit?: unknown;
}

function isBodyParserError(error: unknown): error is Error & BodyParserError {
  // http-errors sets `status` (and body-parser a `type`, except on zlib's errors, which it wraps as 400s).
  return error instanceof Error && typeof (error as BodyParserError).status === 'number';
}

const EXAMPLE = 'send one JSON object such as {"query": "{ presets { id } }"} with Content-Type: application/json';

/** The client-facing error for a refused request, or undefined when the failure is ours. */
export function requestError(error: unknown): { status: number; error: SaddleError } | undefined {
  if (!isBodyParserError(error)) return undefined;
  const status = error.status as number;
  switch (error.type) {
    case 'entity.parse.failed':
      return { status: 400, error: new SaddleError(ErrorCode.BAD_REQUEST, `the request body is not valid JSON (${error.message}); ${EXAMPLE}`) };
    case 'entity.too.large': {
      // A chunked body has no announced length; body-parser stops reading at the limit.
      const got = Number(error.length);
      return { status: 413, error: tooLarge(Number.isFinite(got) ? got : LIMITS.requestBytesMax + 1) };
    }
    case 'charset.unsupported':
      return {
        status: 415,
        error: new SaddleError(ErrorCode.BAD_REQUEST, `unsupported charset ${JSON.stringify(error.charset ?? '')} in Content-Type; send the body as UTF-8 (Content-Type: application/json; charset=utf-8)`),
      };
    case 'encoding.unsupported':
      return {
        status: 415,
        error: new SaddleError(ErrorCode.BAD_REQUEST, `unsupported Content-Encoding ${JSON.stringify(error.encoding ?? '')}; send the body uncompressed, or as gzip, deflate or br`),
      };
    case 'request.size.invalid':
      return { status: 400, error: new SaddleError(ErrorCode.BAD_REQUEST, 'the request body is not as long as its Content-Length header says; send the true length (or use chunked transfer encoding)') };
    case 'request.aborted':
      return { status: 400, error: new SaddleError(ErrorCode.BAD_REQUEST, 'the client closed the request before its body was complete') };
    default:
      // e.g. a gzip body that does not inflate: the client's bytes, so a 4xx with its reason.
      if (status >= 400 && status < 500) {
        return { status, error: new SaddleError(ErrorCode.BAD_REQUEST, `the request body could not be read (${String(error.message)}); ${EXAMPLE}`) };
      }
      return undefined;
  }
}

/** Writes a GraphQL error response; `extensions.http` is how Apollo carries a status, not part of the answer. */
export function sendGraphQLError(res: Response, status: number, error: SaddleError): void {
  const { http: _http, ...extensions } = error.extensions;
  res.status(status).type('application/json').send(JSON.stringify({ errors: [{ message: error.message, extensions }] }));
}

/**
 * The last middleware of the app: refused requests get their 4xx GraphQL error, anything else
 * is logged with its stack and answered 500 INTERNAL without it.
 */
export function createHttpErrorHandler(logger: ErrorLogger = console): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const refused = requestError(error);
    if (refused) {
      sendGraphQLError(res, refused.status, refused.error);
      return;
    }
    logger.error(`internal error in ${req.method} ${req.path}`, error);
    sendGraphQLError(res, 500, new SaddleError(ErrorCode.INTERNAL, 'Internal server error'));
  };
}

/** The socket of a request Node's HTTP parser refused, and the response already going out on it, if any. */
interface ClientSocket extends Duplex {
  _httpMessage?: { headersSent?: boolean } | null;
}

/**
 * `httpServer.on('clientError')`: a request whose HTTP framing Node cannot parse (a body
 * shorter than its Content-Length, bytes after it, broken headers) gets a JSON error too; Node's
 * default answer is a bare `400 Bad Request`. As in Node's own handler, nothing is written when
 * a response has already started on the socket.
 */
export function answerClientError(error: Error & { code?: string }, socket: ClientSocket): void {
  if (error.code === 'ECONNRESET' || !socket.writable || socket._httpMessage?.headersSent) {
    socket.destroy();
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const reason = status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request';
  const body = JSON.stringify({
    errors: [{ message: `malformed HTTP request (${error.code ?? 'parse error'}): check the request line, headers and that Content-Length matches the body`, extensions: { code: ErrorCode.BAD_REQUEST } }],
  });
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nconnection: close\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}
