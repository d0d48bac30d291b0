/**
 * Cross-site WebSocket hijacking and DNS rebinding against a real server in the default loopback
 * mode (no tokens): a browser page on another site, or on a rebound name, must not reach the API;
 * clients without an Origin header (CLI, scripts, ws from Node) and the dashboard's own origins must.
 */
import { request } from 'node:http';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from '../test-utils/server.js';

let server: TestServer;
let wsUrl: string;
let port: string;
beforeAll(async () => {
  server = await startTestServer({ auth: 'auto', allowedOrigins: ['https://lab.example.org'] });
  wsUrl = server.url.replace(/^http/, 'ws');
  port = new URL(server.url).port;
});
afterAll(async () => {
  await server.close();
});

/** A `ws` WebSocket that sends these extra handshake headers, as a browser sends Origin and Host. */
function socketWith(headers: Record<string, string>) {
  return class extends WebSocket {
    constructor(address: string | URL | null, protocols?: string | string[]) {
      super(address as string | URL, protocols, { headers });
    }
  };
}

/** Runs one operation over graphql-ws with these handshake headers: its data, or why it failed. */
async function overWebSocket(query: string, headers: Record<string, string> = {}): Promise<{ data?: unknown; failure?: string }> {
  let refusal: string | undefined;
  const client = createClient({
    url: wsUrl,
    webSocketImpl: socketWith(headers),
    retryAttempts: 0,
    lazy: true,
    on: { closed: (event) => (refusal = `closed ${(event as { code?: number }).code}`) },
  });
  try {
    return await new Promise((resolve) => {
      client.subscribe(
        { query },
        {
          next: (result) => resolve(result.errors ? { failure: JSON.stringify(result.errors) } : { data: result.data }),
          error: (error) => resolve({ failure: refusal ?? String((error as Error).message ?? error) }),
          complete: () => undefined,
        },
      );
    });
  } finally {
    await client.dispose();
  }
}

/** The handshake alone: the HTTP status a WebSocket upgrade with these headers gets (101 = accepted). */
function upgradeStatus(headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl, 'graphql-transport-ws', { headers });
    socket.on('open', () => {
      socket.close();
      resolve(101);
    });
    socket.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.on('error', (error) => {
      if (!/Unexpected server response/.test(error.message)) reject(error);
    });
  });
}

/** A POST over node:http, which (unlike fetch) lets a test set Host as a rebinding browser would. */
function post(headers: Record<string, string>, query: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ query }));
  });
}

async function experimentCount(): Promise<number> {
  const { data } = await server.run<{ experiments: { totalCount: number } }>(`{ experiments { totalCount } }`);
  return data!.experiments.totalCount;
}

const WRITE = `mutation { createRun(input: { name: "hijacked" }) { id } }`;

describe('the WebSocket endpoint checks Origin and Host', () => {
  it('refuses a page on another site (Origin: http://evil.example): its mutation never runs', async () => {
    const before = await experimentCount();
    expect(await upgradeStatus({ origin: 'http://evil.example' })).toBe(403);
    const attempt = await overWebSocket(WRITE, { origin: 'http://evil.example' });
    expect(attempt.data).toBeUndefined();
    expect(await experimentCount()).toBe(before);
  });

  it('refuses a rebound name (Host: evil.example), with or without a matching Origin', async () => {
    expect(await upgradeStatus({ host: `evil.example:${port}` })).toBe(403);
    expect(await upgradeStatus({ host: `evil.example:${port}`, origin: `http://evil.example:${port}` })).toBe(403);
    // Another port on this machine is another origin (some other local web app).
    expect(await upgradeStatus({ origin: 'http://127.0.0.1:8080' })).toBe(403);
    expect(await upgradeStatus({ origin: 'null' })).toBe(403);
  });

  it('serves clients without an Origin (CLI, scripts, ws from Node), the server’s own origins and configured ones', async () => {
    const before = await experimentCount();
    expect(await overWebSocket(WRITE)).toMatchObject({ data: { createRun: { id: expect.any(String) } } });
    expect(await experimentCount()).toBe(before + 1);
    expect(await upgradeStatus({ origin: `http://127.0.0.1:${port}` })).toBe(101);
    expect(await upgradeStatus({ origin: `http://localhost:${port}`, host: `localhost:${port}` })).toBe(101);
    // `npm run dev`: Next's dev server on :3000 proxies the socket with Host rewritten to the API's.
    expect(await upgradeStatus({ origin: 'http://localhost:3000' })).toBe(101);
    expect(await upgradeStatus({ origin: 'http://127.0.0.1:3000' })).toBe(101);
    // allowedOrigins (SADDLE_ALLOWED_ORIGINS), e.g. a reverse proxy's public name.
    expect(await upgradeStatus({ origin: 'https://lab.example.org', host: 'lab.example.org' })).toBe(101);
  });
});

describe('HTTP checks Host and Origin too', () => {
  it('refuses a foreign Host (DNS rebinding) and a foreign Origin with 403 FORBIDDEN, and says how to allow one', async () => {
    const rebound = await post({ host: `evil.example:${port}` }, `{ experiments { totalCount } }`);
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body)).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    expect(JSON.parse(rebound.body).errors[0].message).toMatch(/Host "evil\.example:\d+".*SADDLE_ALLOWED_ORIGINS/);

    const crossSite = await post({ origin: 'http://evil.example' }, WRITE);
    expect(crossSite.status).toBe(403);
    expect(JSON.parse(crossSite.body).errors[0].message).toMatch(/Origin "http:\/\/evil\.example".*SADDLE_ALLOWED_ORIGINS/);
  });

  it('serves plain scripts, the own origin and localhost', async () => {
    expect((await post({}, `{ experiments { totalCount } }`)).status).toBe(200);
    expect((await post({ origin: `http://127.0.0.1:${port}` }, `{ experiments { totalCount } }`)).status).toBe(200);
    expect((await post({ host: `localhost:${port}`, origin: `http://localhost:${port}` }, `{ experiments { totalCount } }`)).status).toBe(200);
  });
});

describe('the origin rules off loopback (tokens required)', () => {
  it('skips the Host check (names are not known in advance) but still refuses a foreign Origin', async () => {
    const exposed = await startTestServer({ auth: 'auto', host: '0.0.0.0' });
    try {
      const exposedUrl = `ws://127.0.0.1:${new URL(exposed.url).port}/graphql`;
      const status = (headers: Record<string, string>) =>
        new Promise<number>((resolve) => {
          const socket = new WebSocket(exposedUrl, 'graphql-transport-ws', { headers });
          socket.on('open', () => (socket.close(), resolve(101)));
          socket.on('unexpected-response', (_req, res) => (resolve(res.statusCode ?? 0), socket.terminate()));
          socket.on('error', () => undefined);
        });
      expect(await status({ host: 'saddle.team.example' })).toBe(101);
      expect(await status({ host: 'saddle.team.example', origin: 'https://saddle.team.example' })).toBe(101);
      expect(await status({ host: 'saddle.team.example', origin: 'http://evil.example' })).toBe(403);
    } finally {
      await exposed.close();
    }
  });
});
