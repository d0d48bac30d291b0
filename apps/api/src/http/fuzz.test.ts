/**
 * Every malformed request of the fuzz corpus (fuzz-corpus.json), sent over a raw socket to a real
 * server: each must be answered with a JSON GraphQL error carrying a code a client can switch
 * on, and nothing of the server's insides (no stack trace, no file path, no HTML error page).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_VISIBLE_CODES } from '../errors.js';
import { rawRequest, type RawResponse } from '../test-utils/raw-http.js';
import { startTestServer, type TestServer } from '../test-utils/server.js';

interface FuzzCase {
  name: string;
  method?: string;
  path?: string;
  headers?: Record<string, string | null>;
  body?: string;
  bodyHex?: string;
  oversize?: number;
  contentLength?: number;
  chunked?: boolean;
  halfClose?: boolean;
  /** `data`: a request that only looks odd and is served (a BOM, an empty charset); `why` says why. */
  answer?: 'data';
  why?: string;
  /** Where the answer is fixed by the contract, not just "a JSON error". */
  expectStatus?: number;
  expectCode?: string;
}

const corpus = JSON.parse(readFileSync(new URL('./fuzz-corpus.json', import.meta.url), 'utf8')) as { cases: FuzzCase[] };

function bodyOf(fuzz: FuzzCase): Buffer | undefined {
  if (fuzz.bodyHex !== undefined) return Buffer.from(fuzz.bodyHex, 'hex');
  if (fuzz.oversize !== undefined) {
    const head = '{"query":"{ presets { id } }","variables":{"pad":"';
    const tail = '"}}';
    return Buffer.from(head + 'a'.repeat(fuzz.oversize - head.length - tail.length) + tail);
  }
  return fuzz.body === undefined ? undefined : Buffer.from(fuzz.body, 'utf8');
}

/** What a stack trace, a file path or an HTML error page looks like in a response. */
const LEAK = /\n\s+at |\bat [\w.<>]+ \(|node_modules|\/(?:work|home|tmp|usr|src|app)\/|[A-Za-z]:\\|\.(?:ts|js|mjs|cjs):\d+|<html|<pre>|<!DOCTYPE|"stacktrace"/i;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ workers: 1 });
});
afterAll(async () => {
  await server.close();
});

describe('malformed requests to /graphql (fuzz corpus)', () => {
  it('the corpus holds the cases the issue names', () => {
    const names = corpus.cases.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const needed of ['NaN', 'a string', 'body over 20 MB with Content-Length', 'charset latin1', 'unknown Content-Encoding', 'subscription over HTTP']) {
      expect(names).toContain(needed);
    }
  });

  it.each(corpus.cases.map((c) => [c.name, c] as const))('%s → JSON with a code, no stack', async (_name, fuzz) => {
    const body = bodyOf(fuzz);
    const response: RawResponse = await rawRequest(server.url, {
      method: fuzz.method ?? 'POST',
      path: fuzz.path ?? '/graphql',
      headers: { 'content-type': 'application/json', ...fuzz.headers },
      ...(body && { body }),
      ...(fuzz.contentLength !== undefined && { contentLength: fuzz.contentLength }),
      ...(fuzz.chunked && { chunked: true }),
      ...(fuzz.halfClose && { halfClose: true }),
    });
    const summary = `${response.status} ${response.headers['content-type'] ?? '(no content-type)'}: ${response.body.slice(0, 300)}`;
    expect(response.body, summary).not.toMatch(LEAK);
    expect(response.headers['content-type'], summary).toMatch(/^application\/(graphql-response\+)?json/);
    const parsed = JSON.parse(response.body) as { data?: unknown; errors?: { message?: unknown; extensions?: { code?: unknown } }[] };
    if (fuzz.answer === 'data') {
      expect(response.status, summary).toBe(200);
      expect(parsed.errors, summary).toBeUndefined();
      expect(parsed.data, summary).toBeTruthy();
      return;
    }
    const error = parsed.errors?.[0];
    expect(error, summary).toBeDefined();
    expect(typeof error?.message, summary).toBe('string');
    expect(CLIENT_VISIBLE_CODES, summary).toContain(error?.extensions?.code);
    if (fuzz.expectStatus !== undefined) expect(response.status, summary).toBe(fuzz.expectStatus);
    else {
      expect(response.status, summary).toBeGreaterThanOrEqual(400);
      expect(response.status, summary).toBeLessThan(500);
    }
    if (fuzz.expectCode !== undefined) expect(error?.extensions?.code, summary).toBe(fuzz.expectCode);
  });
});
