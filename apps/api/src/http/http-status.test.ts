/**
 * Status codes on the wire: operations refused before execution (too deep, too costly, a
 * subscription over HTTP) are the client's fault and answer 400, never 500; the status rides in
 * Apollo's `extensions.http`, which is not echoed to the client. A WebSocket frame is capped at
 * the same size as an HTTP body.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { LIMITS } from '../common/limits.js';
import { postGraphQL, startTestServer, type TestServer } from '../test-utils/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ workers: 0 });
});
afterAll(async () => {
  await server.close();
});

describe('HTTP status of refused operations', () => {
  it('answers a too deep query 400 LIMIT_EXCEEDED', async () => {
    const deep = await postGraphQL(server.url, `{ experiments { edges { node { runs { experiment { runs { experiment { runs { experiment { runs { experiment { runs { id } } } } } } } } } } } } }`);
    expect(deep.status).toBe(400);
    expect(deep.errors?.[0]?.extensions).toEqual({ code: 'LIMIT_EXCEEDED', limit: 12, got: 13 });
  });

  it('answers a too costly query 400 LIMIT_EXCEEDED', async () => {
    const costly = await postGraphQL(server.url, `{ experiments(first: 100) { edges { node { runs { metrics { key points { step value } } } } } } }`);
    expect(costly.status).toBe(400);
    expect(costly.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 20_000 });
    expect(costly.errors?.[0]?.extensions).not.toHaveProperty('http');
  });

  it('answers a subscription sent over HTTP 400 BAD_REQUEST, naming the WebSocket', async () => {
    const sub = await postGraphQL(server.url, `subscription { runEvents(runId: "x") { type } }`);
    expect(sub.status).toBe(400);
    expect(sub.errors?.[0]?.extensions).toEqual({ code: 'BAD_REQUEST' });
    expect(sub.errors?.[0]?.message).toMatch(/WebSocket.*graphql-ws/);
  });

  it('keeps a limit a resolver hits a field error in a 200 response', async () => {
    const page = await postGraphQL(server.url, `{ experiments(first: 1000) { edges { node { id } } } }`);
    expect(page.status).toBe(200);
    expect(page.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: LIMITS.experimentsPageMax });
  });
});

describe('WebSocket frame size', () => {
  it('closes a socket that sends a frame over LIMITS.requestBytesMax with 1009 (message too big)', async () => {
    const socket = new WebSocket(server.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.on('error', () => undefined);
    socket.send(Buffer.alloc(LIMITS.requestBytesMax + 1, 0x20));
    expect(await closed).toBe(1009);
  });

  it('accepts a frame at the limit (the socket stays open for connection_init)', async () => {
    const socket = new WebSocket(server.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const answer = new Promise<string>((resolve) => socket.once('message', (data: Buffer) => resolve(data.toString())));
    // A connection_init padded with spaces to exactly the limit: valid JSON, the largest allowed frame.
    const init = JSON.stringify({ type: 'connection_init' });
    socket.send(init + ' '.repeat(LIMITS.requestBytesMax - init.length));
    expect(JSON.parse(await answer)).toEqual({ type: 'connection_ack' });
    socket.close();
  });
});
