/**
 * A big series read over real HTTP must not stall the server: better-sqlite3 is synchronous, so
 * before the reader thread a 1M-point `metrics` read held the event loop for 4–5 s and every
 * health check waited behind it.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL, startTestServer, type TestServer } from '../test-utils/server.js';

const POINTS = 1_000_000;

describe('a 1M-point metrics read on SQLite (real server)', () => {
  let server: TestServer;
  let runId: string;
  beforeAll(async () => {
    server = await startTestServer({ workers: 0 });
    const created = await server.run<{ createRun: { id: string } }>(`mutation { createRun(input: { name: "big" }) { id } }`);
    runId = created.data!.createRun.id;
    // Straight into the store: the test is about reading, and this is the fastest way to 1M rows.
    for (let start = 0; start < POINTS; start += 50_000) {
      const batch = Array.from({ length: 50_000 }, (_, i) => ({ key: 'loss', step: start + i, value: Math.sin((start + i) / 1000) + ((start + i) === 777_777 ? 100 : 0), wallTime: 1e12, epoch: null }));
      await server.runtime.store.upsertMetrics(runId, batch);
    }
  }, 180_000);
  afterAll(async () => {
    await server?.close();
  });

  it('answers health checks promptly while the read runs, and returns the min/max sample with the spike', async () => {
    const url = server.url.replace('/graphql', '/healthz');
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    const read = postGraphQL<{ run: { metrics: { totalPoints: number; sampled: boolean; points: { step: number; value: number }[] }[] } }>(
      server.url,
      `query($id: ID!) { run(id: $id) { metrics(keys: ["loss"], maxPoints: 1000) { totalPoints sampled points { step value } } } }`,
      { id: runId },
    );
    let readDone = false;
    void read.finally(() => (readDone = true));
    const health: number[] = [];
    while (!readDone) {
      const t0 = performance.now();
      const response = await fetch(url);
      expect(response.status).toBe(200);
      health.push(performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const result = await read;
    const readMs = performance.now() - started;
    delay.disable();
    const maxDelayMs = delay.max / 1e6;
    console.log(`1M-point read ${readMs.toFixed(0)} ms; event-loop delay max ${maxDelayMs.toFixed(0)} ms; ${health.length} health checks, slowest ${Math.max(...health).toFixed(0)} ms`);

    expect(result.errors).toBeUndefined();
    const [series] = result.data!.run.metrics;
    expect(series).toMatchObject({ totalPoints: POINTS, sampled: true });
    expect(series!.points.length).toBeLessThanOrEqual(1000);
    expect(series!.points.find((p) => p.step === 777_777)?.value).toBeCloseTo(100 + Math.sin(777.777), 9);
    // Generous bounds for a loaded 2-core machine; the blocking read held the loop for ~4 s.
    expect(maxDelayMs).toBeLessThan(1000);
    expect(Math.max(...health)).toBeLessThan(1000);
  }, 120_000);
});
