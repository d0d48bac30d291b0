/**
 * Guessing tokens against a real server (tokens required): after the default 10 wrong tokens a
 * minute, an address gets 429 RATE_LIMITED with Retry-After, on HTTP and on the socket, even for a
 * right token; another address is not affected. Plus the limiter's window on a fake clock.
 */
import { request } from 'node:http';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from '../test-utils/server.js';
import { FailedAuthLimiter } from './failed-auth-limiter.js';
import { createToken } from './token.service.js';

let server: TestServer;
let readToken: string;
beforeAll(async () => {
  server = await startTestServer({ auth: 'required' });
  readToken = (await createToken(server.runtime.store, 'read', 'dashboard')).token;
});
afterAll(async () => {
  await server.close();
});

/** A POST with this token from this local address (127.0.0.x are all this machine on Linux). */
function post(token: string, localAddress = '127.0.0.1'): Promise<{ status: number; retryAfter: string | undefined; body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } }> {
  return new Promise((resolve, reject) => {
    const req = request(server.url, { method: 'POST', localAddress, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'], body: JSON.parse(text) as never }));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ query: '{ presets { id } }' }));
  });
}

function wrongToken(i: number): string {
  return `sdl_${'0'.repeat(32)}_guess${i}`;
}

describe('failed authentication is rate limited per client address', () => {
  it('answers 429 RATE_LIMITED with Retry-After after 10 wrong tokens, to right tokens too, on HTTP and WebSocket', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await post(wrongToken(i))).status);
    expect(statuses).toEqual([...Array<number>(10).fill(401), 429, 429]);

    const blocked = await post(readToken);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.retryAfter)).toBeGreaterThan(0);
    expect(blocked.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/Too many failed token checks.*try again in \d+ s/), extensions: { code: 'RATE_LIMITED', retryAfterSeconds: Number(blocked.retryAfter) } });
    expect(blocked.body.errors?.[0]?.extensions).not.toHaveProperty('http');

    const closed = await new Promise<number>((resolve) => {
      const client = createClient({
        url: server.url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${readToken}` },
        retryAttempts: 0,
        on: { closed: (event) => resolve((event as { code: number }).code) },
      });
      client.subscribe({ query: '{ presets { id } }' }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    });
    expect(closed).toBe(4429);

    // Another client address is counted on its own.
    const other = await post(readToken, '127.0.0.2');
    expect(other.status).toBe(200);
  });
});

describe('FailedAuthLimiter', () => {
  it('refuses after maxFailures within the window and forgets when it ends', () => {
    let now = 1_000;
    const limiter = new FailedAuthLimiter({ maxFailures: 3, windowMs: 60_000, now: () => now });
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfterMs('a')).toBe(0);
      limiter.recordFailure('a');
    }
    expect(limiter.retryAfterMs('a')).toBe(60_000);
    expect(limiter.retryAfterMs('b')).toBe(0);
    now += 59_000;
    expect(limiter.retryAfterMs('a')).toBe(1_000);
    now += 1_000;
    expect(limiter.retryAfterMs('a')).toBe(0);
    limiter.recordFailure('a');
    expect(limiter.retryAfterMs('a')).toBe(0);
  });

  it('names a bad option', () => {
    expect(() => new FailedAuthLimiter({ maxFailures: 0 })).toThrow(/maxFailures must be an integer ≥ 1, got 0/);
  });
});
