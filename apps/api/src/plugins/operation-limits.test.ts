import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildSaddleSchema } from '../schema.js';
import { startTestServer, type TestServer } from '../test-utils/server.js';
import { DEFAULT_MAX_COST, operationCost } from './operation-limits.js';

const distinctKeys = Array.from({ length: 50 }, (_, i) => `series/${i}`);
const metricsRead = (alias: string, keys: string[], maxPoints: number) =>
  `${alias}: metrics(keys: ${JSON.stringify(keys)}, maxPoints: ${maxPoints}) { key totalPoints points { step value } }`;
const query = (...reads: string[]) => `query($id: ID!) { run(id: $id) { ${reads.join(' ')} } }`;

describe('operationCost of Run.metrics', () => {
  it('counts distinct keys, maxPoints and every alias', async () => {
    const schema = await buildSaddleSchema();
    const cost = (source: string) => operationCost(parse(source), { id: 'r' }, undefined, { schema });
    const one = cost(query(metricsRead('a', ['loss'], 1000)));
    // Points are paid for: ten times the points, about ten times the price.
    expect(cost(query(metricsRead('a', ['loss'], 10_000)))).toBeGreaterThan(8 * one);
    // A key sent 50 times is read once, so it costs what one key costs.
    expect(cost(query(metricsRead('a', Array(50).fill('loss'), 1000)))).toBe(one);
    expect(cost(query(metricsRead('a', distinctKeys, 1000)))).toBeGreaterThan(40 * one);
    const eight = query(...Array.from({ length: 8 }, (_, i) => metricsRead(`a${i}`, ['loss'], 1000)));
    expect(cost(eight)).toBeGreaterThan(7 * one);
    // The same read through variables is priced the same.
    const viaVariables = operationCost(
      parse(`query($id: ID!, $keys: [String!], $n: Int) { run(id: $id) { metrics(keys: $keys, maxPoints: $n) { key points { step value } } } }`),
      { id: 'r', keys: distinctKeys, n: 10_000 },
      undefined,
      { schema },
    );
    expect(viaVariables).toBe(cost(query(metricsRead('a', distinctKeys, 10_000))));
    expect(viaVariables).toBeGreaterThan(DEFAULT_MAX_COST);
  });
});

describe('the cost limit on metrics reads (in-process server)', () => {
  let server: TestServer;
  let runId: string;
  beforeAll(async () => {
    server = await startTestServer({ workers: 0 });
    const created = await server.run<{ createRun: { id: string } }>(`mutation { createRun(input: { name: "costs" }) { id } }`);
    runId = created.data!.createRun.id;
    await server.run(`mutation($id: ID!, $points: [MetricPointInput!]!) { logMetrics(runId: $id, points: $points) { accepted } }`, {
      id: runId,
      points: Array.from({ length: 30 }, (_, step) => ({ key: 'loss', step, value: 1 / (step + 1) })),
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('refuses 50 distinct keys at 10,000 points, and ten aliases of a 50-key read, with LIMIT_EXCEEDED before any read', async () => {
    const series = vi.spyOn(server.services.metrics, 'series');
    try {
      const wide = await server.run(query(metricsRead('a', distinctKeys, 10_000)), { id: runId });
      expect(wide.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: DEFAULT_MAX_COST });
      expect(wide.errors?.[0]?.message).toMatch(/query cost is limited to 20000, got \d+/);
      const aliased = await server.run(query(...Array.from({ length: 10 }, (_, i) => metricsRead(`a${i}`, distinctKeys, 1000))), { id: runId });
      expect(aliased.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED' });
      expect(series).not.toHaveBeenCalled();
      // One such alias is within budget, and runs.
      const single = await server.run<{ run: { a0: { key: string }[] } }>(query(metricsRead('a0', distinctKeys, 1000)), { id: runId });
      expect(single.errors).toBeUndefined();
      expect(series).toHaveBeenCalledTimes(1);
    } finally {
      series.mockRestore();
    }
  });

  it('reads a key sent many times once', async () => {
    const read = await server.run<{ run: { a: { key: string; totalPoints: number; points: unknown[] }[] } }>(query(metricsRead('a', Array(50).fill('loss'), 10_000)), { id: runId });
    expect(read.errors).toBeUndefined();
    expect(read.data?.run.a).toHaveLength(1);
    expect(read.data?.run.a[0]).toMatchObject({ key: 'loss', totalPoints: 30 });
  });
});
