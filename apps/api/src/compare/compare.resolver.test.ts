import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-utils/server.js';

let server: TestServer;
const runIds: string[] = [];
beforeAll(async () => {
  server = await startTestServer({ workers: 0 });
  for (const name of ['a', 'b', 'c']) {
    const created = await server.run<{ createRun: { id: string } }>(`mutation($name: String!) { createRun(input: { name: $name, experimentName: "compare" }) { id } }`, { name });
    const id = created.data!.createRun.id;
    runIds.push(id);
    const points = Array.from({ length: 50 }, (_, step) => ({ key: 'loss', step, value: step === 7 ? 'NaN' : 1 / (step + 1), wallTime: 1.7e12 + step }));
    const logged = await server.run(`mutation($id: ID!, $points: [MetricPointInput!]!) { logMetrics(runId: $id, points: $points) { accepted } }`, { id, points });
    expect(logged.errors).toBeUndefined();
  }
});
afterAll(async () => {
  await server?.close();
});

const COMPARE = /* GraphQL */ `
  query($ids: [ID!]!, $maxPoints: Int) {
    runsById(ids: $ids) { id key metrics(keys: ["loss"], maxPoints: $maxPoints) { key totalPoints sampled columns points { step value nonFinite wallTime epoch } } }
  }
`;

interface Answer {
  runsById: { id: string; key: string; metrics: { key: string; totalPoints: number; sampled: boolean; columns: { steps: number[]; values: (number | string)[]; wallTimes: number[]; epochs: (number | null)[] }; points: { step: number; value: number | null; nonFinite: string | null; wallTime: number; epoch: number | null }[] }[] }[];
}

describe('Query.runsById', () => {
  it('answers the runs in the order asked, each id once, unknown ids left out, with their series in the same request', async () => {
    const [a, b, c] = runIds as [string, string, string];
    const { data, errors } = await server.run<Answer>(COMPARE, { ids: [c, a, 'no-such-run', a, b], maxPoints: 10 });
    expect(errors).toBeUndefined();
    expect(data?.runsById.map((r) => r.key)).toEqual(['c', 'a', 'b']);
    const series = data!.runsById[0]!.metrics[0]!;
    expect(series).toMatchObject({ key: 'loss', totalPoints: 50, sampled: true });
    expect(series.points.length).toBeLessThanOrEqual(10);
  });

  it('columns hold exactly the points, a non-finite value spelled as logMetrics takes it', async () => {
    const { data } = await server.run<Answer>(COMPARE, { ids: [runIds[0]], maxPoints: 1000 });
    const series = data!.runsById[0]!.metrics[0]!;
    expect(series.columns.steps).toEqual(series.points.map((p) => p.step));
    expect(series.columns.values).toEqual(series.points.map((p) => p.value ?? p.nonFinite));
    expect(series.columns.values[7]).toBe('NaN');
    expect(series.columns.wallTimes).toEqual(series.points.map((p) => p.wallTime));
    expect(series.columns.epochs).toEqual(series.points.map((p) => p.epoch));
  });

  it('prices each run’s series: 100 runs at 2,000 points pass the cost limit, 500 at 10,000 do not', async () => {
    const many = Array.from({ length: 100 }, (_, i) => runIds[i % 3] + (i < 3 ? '' : `-${i}`));
    const ok = await server.run<Answer>(COMPARE, { ids: many, maxPoints: 2000 });
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.runsById).toHaveLength(3);
    const tooMany = await server.run(COMPARE, { ids: Array.from({ length: 500 }, (_, i) => `r${i}`), maxPoints: 10_000 });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED' });
    expect(tooMany.errors?.[0]?.message).toMatch(/query cost is limited to 20000/);
  });

  it('refuses more than 500 ids, naming the limit', async () => {
    const { errors } = await server.run(`query($ids: [ID!]!) { runsById(ids: $ids) { id } }`, { ids: Array.from({ length: 501 }, (_, i) => `r${i}`) });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 500, got: 501 });
    expect(errors?.[0]?.message).toMatch(/runs per runsById request \(ids\) is limited to 500, got 501/);
  });
});
