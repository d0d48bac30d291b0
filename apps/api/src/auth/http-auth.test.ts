/**
 * A script's view over real HTTP with tokens required: log an external run with a write token
 * and read it back; no token, a bad token and a read token are refused with the right codes;
 * CSRF prevention stays on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL, startTestServer, type TestServer } from '../test-utils/server.js';
import { createToken } from './token.service.js';

let server: TestServer;
let writeToken: string;
let readToken: string;
beforeAll(async () => {
  server = await startTestServer({ auth: 'required', workers: 1 });
  writeToken = (await createToken(server.runtime.store, 'write', 'ci script')).token;
  readToken = (await createToken(server.runtime.store, 'read', 'dashboard')).token;
});
afterAll(async () => {
  await server.close();
});

describe('a script logging over HTTP with a token', () => {
  it('creates a run, logs batches (resent once), finishes it and reads every point back', async () => {
    const created = await postGraphQL<{ createRun: { id: string; experiment: { id: string } } }>(
      server.url,
      `mutation($input: CreateRunInput!) { createRun(input: $input) { id experiment { id } } }`,
      { input: { name: 'pytorch-mlp', experimentName: 'from a script', config: { lr: 0.001, layers: 3 } } },
      writeToken,
    );
    expect(created.status).toBe(200);
    const runId = created.data!.createRun.id;
    const losses = Array.from({ length: 250 }, (_, step) => ({ key: 'train/loss', step, value: 1 / (1 + step), wallTime: 1_750_000_000_000 + step * 10 }));
    for (let i = 0; i < losses.length; i += 100) {
      const batch = losses.slice(i, i + 100);
      for (let attempt = 0; attempt < 2; attempt++) {
        const logged = await postGraphQL(server.url, `mutation($id: ID!, $points: [MetricPointInput!]!) { logMetrics(runId: $id, points: $points) { accepted } }`, { id: runId, points: batch }, writeToken);
        expect(logged.errors).toBeUndefined();
      }
    }
    await postGraphQL(server.url, `mutation($id: ID!) { finishRun(runId: $id, status: SUCCEEDED) { status } }`, { id: runId }, writeToken);

    // Read back with the read token, a page at a time, as an exporter would.
    const read: { step: number; value: number; wallTime: number }[] = [];
    let afterStep: number | null = null;
    for (;;) {
      const page: { data?: { run: { status: string; config: Record<string, unknown>; metricPage: { points: { step: number; value: number; wallTime: number }[]; hasMore: boolean; lastStep: number | null } } } } = await postGraphQL(
        server.url,
        `query($id: ID!, $after: Int) { run(id: $id) { status config metricPage(key: "train/loss", afterStep: $after, first: 64) { points { step value wallTime } hasMore lastStep } } }`,
        { id: runId, after: afterStep },
        readToken,
      );
      expect(page.data?.run.status).toBe('SUCCEEDED');
      expect(page.data?.run.config).toEqual({ lr: 0.001, layers: 3 });
      read.push(...page.data!.run.metricPage.points);
      if (!page.data!.run.metricPage.hasMore) break;
      afterStep = page.data!.run.metricPage.lastStep;
    }
    expect(read).toEqual(losses.map(({ step, value, wallTime }) => ({ step, value, wallTime })));
  });

  it('refuses requests without a valid token (401) and mutations with a read token (FORBIDDEN)', async () => {
    const anonymous = await postGraphQL(server.url, `{ presets { id } }`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const forged = await postGraphQL(server.url, `{ presets { id } }`, {}, `${writeToken.slice(0, -2)}xx`);
    expect(forged.status).toBe(401);
    expect(forged.errors?.[0]?.message).toMatch(/not valid/);

    const reading = await postGraphQL<{ presets: { id: string }[] }>(server.url, `{ presets { id } }`, {}, readToken);
    expect(reading.status).toBe(200);
    expect(reading.data?.presets.length).toBeGreaterThan(0);

    const writingWithRead = await postGraphQL(server.url, `mutation { createRun(input: { name: "nope" }) { id } }`, {}, readToken);
    expect(writingWithRead.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps CSRF prevention on: a simple GET query without a preflight header is refused', async () => {
    const response = await fetch(`${server.url}?query=${encodeURIComponent('{ presets { id } }')}`, { headers: { authorization: `Bearer ${readToken}` } });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/i);
  });

  it('binds to 127.0.0.1 by default and requires tokens off loopback', async () => {
    const local = await startTestServer({ auth: 'auto' });
    const exposed = await startTestServer({ auth: 'auto', host: '0.0.0.0' });
    try {
      expect(new URL(local.url).hostname).toBe('127.0.0.1');
      expect(local.authRequired).toBe(false);
      expect((await postGraphQL(local.url, `{ experiments { totalCount } }`)).status).toBe(200);
      expect(exposed.authRequired).toBe(true);
      const port = new URL(exposed.url).port;
      const refused = await postGraphQL(`http://127.0.0.1:${port}/graphql`, `{ experiments { totalCount } }`);
      expect(refused.status).toBe(401);
    } finally {
      await Promise.all([local.close(), exposed.close()]);
    }
  });
});
