/**
 * One HTTP/1.1 request over a bare socket, for tests that must send what `fetch` refuses to:
 * a Content-Length that lies, raw bytes, no Content-Type. The server may answer (and close)
 * before the body is sent; whatever it answered is returned.
 */
import { connect } from 'node:net';

export interface RawRequest {
  method: string;
  path: string;
  /** A `null` value is not sent. */
  headers: Record<string, string | null>;
  body?: Buffer;
  /** Sent as the Content-Length header instead of the body's length. */
  contentLength?: number;
  /** Send the body as one chunk with Transfer-Encoding: chunked (no Content-Length). */
  chunked?: boolean;
  /**
   * End the sending side after the body (TCP half-close), as a client that gives up does; a body
   * shorter than its Content-Length is then seen as cut short instead of awaited. Default false:
   * the socket stays open until the server answers and closes it (`connection: close`).
   */
  halfClose?: boolean;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function rawRequest(url: string, request: RawRequest, timeoutMs = 30_000): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  const body = request.body ?? Buffer.alloc(0);
  const lines = [`${request.method} ${request.path} HTTP/1.1`, `host: ${hostname}:${port}`, 'connection: close'];
  for (const [name, value] of Object.entries(request.headers)) if (value !== null) lines.push(`${name}: ${value}`);
  if (request.chunked) lines.push('transfer-encoding: chunked');
  else if (request.body !== undefined || request.contentLength !== undefined) lines.push(`content-length: ${request.contentLength ?? body.length}`);
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  const payload = request.chunked ? Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')]) : body;

  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const received: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`rawRequest: no complete answer within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    // The server may close while the body is still going out (e.g. a body over the limit).
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      try {
        resolve(parseResponse(Buffer.concat(received)));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    socket.write(head);
    if (request.halfClose) socket.end(payload);
    else socket.write(payload);
  });
}

function parseResponse(raw: Buffer): RawResponse {
  const split = raw.indexOf('\r\n\r\n');
  if (split < 0) throw new Error(`rawRequest: the server closed without a complete response (${raw.length} bytes: ${JSON.stringify(raw.toString('latin1').slice(0, 200))})`);
  const [statusLine = '', ...headerLines] = raw.subarray(0, split).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1]);
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = raw.subarray(split + 4);
  if (headers['transfer-encoding'] === 'chunked') body = dechunk(body);
  return { status, headers, body: body.toString('utf8') };
}

function dechunk(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const end = data.indexOf('\r\n', at);
    if (end < 0) break;
    const size = parseInt(data.subarray(at, end).toString('latin1'), 16);
    if (!(size > 0)) break;
    parts.push(data.subarray(end + 2, end + 2 + size));
    at = end + 2 + size + 2;
  }
  return Buffer.concat(parts);
}
