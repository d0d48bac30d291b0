/**
 * `saddle token revoke` against sockets that are already open (real server, tokens required):
 * the next operation on a socket opened with the token is refused and the socket closed, and a
 * subscription that was already running ends within the re-check interval.
 */
import { Writable } from 'node:stream';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { main } from '../cli/main.js';
import { startTestServer, type TestServer } from '../test-utils/server.js';
import { waitFor } from '../test-utils/temp.js';
import { createToken } from './token.service.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ auth: 'required', tokenRecheckMs: 200 });
});
afterAll(async () => {
  await server.close();
});

/** `saddle token revoke <id>` on the server's data directory, in-process, as a user runs it. */
async function revokeWithCli(id: string): Promise<void> {
  const sink = () => new Writable({ write: (_chunk, _encoding, callback) => callback() });
  const code = await main(['node', 'saddle', 'token', 'revoke', id, '--data-dir', server.dataDir], { out: sink(), err: sink() });
  expect(code).toBe(0);
}

function connect(token: string, closes: number[]): Client {
  return createClient({
    url: server.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    // One socket for the whole test, as the dashboard keeps one (lazy sockets close when idle).
    lazy: false,
    onNonLazyError: () => undefined,
    on: { closed: (event) => closes.push((event as { code: number }).code) },
  });
}

function execute(client: Client, query: string): Promise<{ data?: unknown; errors?: readonly { message: string; extensions?: Record<string, unknown> }[]; failed?: unknown }> {
  return new Promise((resolve) => {
    client.subscribe(
      { query },
      {
        next: (result) => resolve({ data: result.data, ...(result.errors && { errors: result.errors as never }) }),
        // graphql-ws hands an `error` message (errors from onSubscribe) to error() as the array.
        error: (failed) => resolve(Array.isArray(failed) ? { errors: failed } : { failed }),
        complete: () => undefined,
      },
    );
  });
}

const CREATE_RUN = `mutation { createRun(input: { name: "after revoke" }) { id } }`;

describe('a revoked token on an open socket', () => {
  it('refuses the next operation and closes the socket (4403)', async () => {
    const { token, record } = await createToken(server.runtime.store, 'write', 'script');
    const closes: number[] = [];
    const client = connect(token, closes);
    try {
      expect(await execute(client, CREATE_RUN)).toMatchObject({ data: { createRun: { id: expect.any(String) } } });
      const before = (await server.run<{ experiments: { totalCount: number } }>(`{ experiments { totalCount } }`)).data!.experiments.totalCount;

      await revokeWithCli(record.id);
      const results = [await execute(client, CREATE_RUN), await execute(client, CREATE_RUN), await execute(client, CREATE_RUN)];
      for (const result of results) expect(result.data ?? null).toBeNull();
      expect(results[0]!.errors?.[0]).toMatchObject({ message: expect.stringMatching(/revoked/), extensions: { code: 'UNAUTHENTICATED' } });
      expect(closes).toContain(4403);
      expect((await server.run<{ experiments: { totalCount: number } }>(`{ experiments { totalCount } }`)).data!.experiments.totalCount).toBe(before);
    } finally {
      await client.dispose();
    }
  });

  it('ends a subscription that was already running', async () => {
    const { token, record } = await createToken(server.runtime.store, 'read', 'dashboard');
    const created = await server.run<{ createRun: { id: string } }>(`mutation { createRun(input: { name: "watched" }) { id } }`);
    const closes: number[] = [];
    const client = connect(token, closes);
    try {
      let ended: unknown;
      let opened = false;
      client.on('connected', () => (opened = true));
      client.subscribe(
        { query: `subscription($id: ID!) { runEvents(runId: $id) { type } }`, variables: { id: created.data!.createRun.id } },
        { next: () => undefined, error: (error) => (ended = error ?? 'error'), complete: () => (ended = 'complete') },
      );
      await waitFor(async () => opened, { what: 'the socket to be acknowledged' });
      await revokeWithCli(record.id);
      await waitFor(async () => closes.includes(4403), { timeoutMs: 5_000, what: 'the socket of the revoked token to close' });
      expect(ended).toBeDefined();
    } finally {
      await client.dispose();
    }
  });
});
