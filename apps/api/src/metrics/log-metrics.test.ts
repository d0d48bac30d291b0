/**
 * The traps a real training script hits in logMetrics (issue 14), through the server
 * (`executeOperation`, and HTTP where the JSON body matters), on SQLite and PostgreSQL:
 * non-finite values as data, wall times in seconds, logging into a finished run, and the
 * columnar `series` input giving the same points as the point list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseConfig } from '../store/database.js';
import { postGraphQL, startTestServer, type GraphQLErrorLike, type TestServer } from '../test-utils/server.js';
import { TEST_POSTGRES_URL, testSchemas } from '../test-utils/postgres.js';

const CREATE = `mutation($name: String!) { createRun(input: { name: $name }) { id } }`;
const LOG_POINTS = `mutation($runId: ID!, $points: [MetricPointInput!]!) { logMetrics(runId: $runId, points: $points) { accepted } }`;
const LOG_SERIES = `mutation($runId: ID!, $series: [MetricSeriesInput!]!) { logMetrics(runId: $runId, series: $series) { accepted } }`;
const FINISH = `mutation($runId: ID!, $status: RunStatus!) { finishRun(runId: $runId, status: $status) { status } }`;
const READ = `query($id: ID!, $key: String!, $max: Int) {
  run(id: $id) { divergedAtStep metrics(keys: [$key], maxPoints: $max) { totalPoints points { step value nonFinite } } metricPage(key: $key, first: 10000) { points { step value nonFinite wallTime epoch } } }
}`;

interface ReadPoint {
  step: number;
  value: number | null;
  nonFinite: string | null;
  wallTime?: number;
  epoch?: number | null;
}
interface Read {
  run: { divergedAtStep: number | null; metrics: { totalPoints: number; points: ReadPoint[] }[]; metricPage: { points: Required<ReadPoint>[] } };
}

const T0 = 1_764_547_200_000; // 2025-12-01 in ms

function logMetricsContract(name: string, database: () => DatabaseConfig | undefined) {
  describe(`logMetrics on ${name} (real server)`, () => {
    let server: TestServer;
    beforeAll(async () => {
      const db = database();
      server = await startTestServer({ workers: 0, ...(db && { database: db }) });
    });
    afterAll(async () => {
      await server?.close();
    });

    const createRun = async (runName: string): Promise<string> => {
      const created = await server.run<{ createRun: { id: string } }>(CREATE, { name: runName });
      expect(created.errors).toBeUndefined();
      return created.data!.createRun.id;
    };
    const firstError = async (query: string, variables: Record<string, unknown>): Promise<GraphQLErrorLike | undefined> => (await server.run(query, variables)).errors?.[0];
    const read = async (id: string, key: string, max?: number): Promise<Read['run']> => {
      const answer = await server.run<Read>(READ, { id, key, max });
      expect(answer.errors).toBeUndefined();
      return answer.data!.run;
    };

    it('stores NaN, Infinity and -Infinity from both inputs, returns them spelled the same way, and marks the run diverged at the first', async () => {
      const id = await createRun('diverges');
      const byPoints = await server.run<{ logMetrics: { accepted: number } }>(LOG_POINTS, {
        runId: id,
        points: [
          { key: 'loss', step: 0, value: 0.7, wallTime: T0 },
          { key: 'loss', step: 1, value: 'Infinity', wallTime: T0 + 1 },
          { key: 'loss', step: 2, value: 0.5, wallTime: T0 + 2 },
        ],
      });
      expect(byPoints.errors).toBeUndefined();
      expect(byPoints.data?.logMetrics.accepted).toBe(3);
      const bySeries = await server.run<{ logMetrics: { accepted: number } }>(LOG_SERIES, {
        runId: id,
        series: [{ key: 'loss', steps: [3, 4, 5], values: ['NaN', 0.25, '-Infinity'], wallTimes: [T0 + 3, T0 + 4, T0 + 5], epochs: [1, null, 1.5] }],
      });
      expect(bySeries.errors).toBeUndefined();
      expect(bySeries.data?.logMetrics.accepted).toBe(3);

      const run = await read(id, 'loss');
      expect(run.divergedAtStep).toBe(1);
      expect(run.metricPage.points.map((p) => [p.step, p.value, p.nonFinite])).toEqual([
        [0, 0.7, null],
        [1, null, 'Infinity'],
        [2, 0.5, null],
        [3, null, 'NaN'],
        [4, 0.25, null],
        [5, null, '-Infinity'],
      ]);
      expect(run.metricPage.points.map((p) => p.epoch)).toEqual([null, null, null, 1, null, 1.5]);
      expect(run.metricPage.points[5]?.wallTime).toBe(T0 + 5);
      // Downsampled to one bucket: its extremes are the finite 0.25 and 0.7, never a non-finite value.
      expect((await read(id, 'loss', 2)).metrics[0]).toEqual({ totalPoints: 6, points: [{ step: 0, value: 0.7, nonFinite: null }, { step: 4, value: 0.25, nonFinite: null }] });

      // A literal in the query text takes the same spellings.
      const literal = await server.run(`mutation($id: ID!) { logMetrics(runId: $id, points: [{ key: "acc", step: 0, value: "-Infinity" }], series: [{ key: "acc", steps: [1], values: ["NaN"] }]) { accepted } }`, { id });
      expect(literal.errors).toBeUndefined();
      expect((await read(id, 'acc')).metricPage.points.map((p) => p.nonFinite)).toEqual(['-Infinity', 'NaN']);
      expect((await read(id, 'acc')).divergedAtStep).toBe(0);
    });

    it('keeps a stretch of non-finite values visible in a sampled read (a bucket with no finite value keeps its first point)', async () => {
      const id = await createRun('stretch');
      const steps = Array.from({ length: 2_000 }, (_, i) => i);
      const values = steps.map((i) => (i < 1_000 ? 1 / (i + 1) : 'NaN'));
      expect((await server.run(LOG_SERIES, { runId: id, series: [{ key: 'loss', steps, values }] })).errors).toBeUndefined();
      const run = await read(id, 'loss', 20);
      expect(run.divergedAtStep).toBe(1_000);
      // 10 buckets of 200: five finite ones (two points each), five with NaN only (their first point).
      expect(run.metrics[0]?.points.filter((p) => p.nonFinite === null)).toHaveLength(10);
      expect(run.metrics[0]?.points.filter((p) => p.nonFinite === 'NaN').map((p) => p.step)).toEqual([1_000, 1_200, 1_400, 1_600, 1_800]);
    });

    it('refuses what is not a metric value, naming the field', async () => {
      const id = await createRun('bad values');
      for (const value of ['nan', 'inf', true, { v: 1 }]) {
        const error = await firstError(LOG_POINTS, { runId: id, points: [{ key: 'loss', step: 0, value }] });
        expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(error?.message).toMatch(/points\[0\]\.value.*"NaN", "Infinity", "-Infinity"/s);
      }
      const list = await firstError(LOG_SERIES, { runId: id, series: [{ key: 'loss', steps: [0, 1], values: [1, 'Inf'] }] });
      expect(list?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(list?.message).toMatch(/series\[0\]\.values.*MetricValues\[1\] must be a finite number or one of the strings "NaN", "Infinity", "-Infinity", got "Inf"/s);
      const clock = await firstError(LOG_SERIES, { runId: id, series: [{ key: 'loss', steps: [0, 1], values: [1, 2], wallTimes: [T0, 'soon'] }] });
      expect(clock?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(clock?.message).toMatch(/series\[0\]\.wallTimes.*NumberList\[1\] must be a finite number or null, got "soon"/s);
      const short = await firstError(LOG_SERIES, { runId: id, series: [{ key: 'loss', steps: [0, 1, 2], values: [1, 2] }] });
      expect(short?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: ['series', 0, 'values'] });
      expect(short?.message).toBe('series[0].values has 2 entries for 3 steps');
      const page = await read(id, 'loss');
      expect(page.metricPage.points).toEqual([]);
    });

    it('refuses wall times in seconds (and in µs or ns) with the fix, in both inputs', async () => {
      const id = await createRun('clock');
      const seconds = await firstError(LOG_POINTS, { runId: id, points: [{ key: 'loss', step: 0, value: 1, wallTime: T0 }, { key: 'loss', step: 1, value: 1, wallTime: 1_764_547_200.5 }] });
      expect(seconds?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: ['points', 1, 'wallTime'] });
      expect(seconds?.message).toMatch(/points\.1\.wallTime 1764547200\.5 is seconds since the epoch .*× 1000 \(1764547200500\)/);
      const inSeries = await firstError(LOG_SERIES, { runId: id, series: [{ key: 'loss', steps: [0, 1], values: [1, 2], wallTimes: [T0, 1_764_547_201] }] });
      expect(inSeries?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: ['series', 0, 'wallTimes', 1] });
      const micro = await firstError(LOG_POINTS, { runId: id, points: [{ key: 'loss', step: 0, value: 1, wallTime: T0 * 1000 }] });
      expect(micro?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: ['points', 0, 'wallTime'] });
      expect(micro?.message).toMatch(/micro- or nanoseconds/);
      const negative = await firstError(LOG_POINTS, { runId: id, points: [{ key: 'loss', step: 0, value: 1, wallTime: -5 }] });
      expect(negative?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: ['points', 0, 'wallTime'] });
      expect((await read(id, 'loss')).metricPage.points).toEqual([]);
      // Milliseconds and no wall time at all are fine.
      const before = Date.now();
      expect((await server.run(LOG_POINTS, { runId: id, points: [{ key: 'loss', step: 0, value: 1, wallTime: T0 }, { key: 'loss', step: 1, value: 1 }] })).errors).toBeUndefined();
      const [first, second] = (await read(id, 'loss')).metricPage.points;
      expect(first?.wallTime).toBe(T0);
      expect(second?.wallTime).toBeGreaterThanOrEqual(before);
    });

    it('refuses logging into a finished run with CONFLICT, whatever the input', async () => {
      for (const status of ['SUCCEEDED', 'FAILED', 'CANCELLED'] as const) {
        const id = await createRun(`finished ${status}`);
        expect((await server.run(LOG_POINTS, { runId: id, points: [{ key: 'loss', step: 0, value: 1 }] })).errors).toBeUndefined();
        expect((await server.run(FINISH, { runId: id, status })).errors).toBeUndefined();
        const points = await firstError(LOG_POINTS, { runId: id, points: [{ key: 'loss', step: 1, value: 1 }] });
        expect(points?.extensions?.code).toBe('CONFLICT');
        expect(points?.message).toContain(`is ${status}`);
        expect(points?.message).toContain(`resumeRun(id: "${id}")`);
        const series = await firstError(LOG_SERIES, { runId: id, series: [{ key: 'loss', steps: [2], values: [1] }] });
        expect(series?.extensions?.code).toBe('CONFLICT');
        expect((await read(id, 'loss')).metricPage.points.map((p) => p.step)).toEqual([0]);
      }
    });

    it('stores the same points from `series` as from `points`, the later of a repeated step winning, at most 10,000 in all', async () => {
      const byPoints = await createRun('as points');
      const bySeries = await createRun('as columns');
      const steps = [5, 6, 7, 6];
      const values = [0.5, 0.4, 0.3, 0.45];
      await server.run(LOG_POINTS, { runId: byPoints, points: steps.map((step, i) => ({ key: 'k', step, value: values[i], wallTime: T0 + i, epoch: i })) });
      const logged = await server.run<{ logMetrics: { accepted: number } }>(LOG_SERIES, {
        runId: bySeries,
        series: [{ key: 'k', steps, values, wallTimes: steps.map((_, i) => T0 + i), epochs: steps.map((_, i) => i) }],
      });
      expect(logged.data?.logMetrics.accepted).toBe(3);
      const a = (await read(byPoints, 'k')).metricPage.points;
      expect(a.map((p) => [p.step, p.value])).toEqual([
        [5, 0.5],
        [6, 0.45],
        [7, 0.3],
      ]);
      expect((await read(bySeries, 'k')).metricPage.points).toEqual(a);
      const tooMany = await firstError(`mutation($runId: ID!, $points: [MetricPointInput!]!, $series: [MetricSeriesInput!]!) { logMetrics(runId: $runId, points: $points, series: $series) { accepted } }`, {
        runId: bySeries,
        points: [{ key: 'k', step: 0, value: 1 }],
        series: [{ key: 'k', steps: Array.from({ length: 10_000 }, (_, i) => i), values: Array.from({ length: 10_000 }, () => 1) }],
      });
      expect(tooMany?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 10_000, got: 10_001 });
    });

    it('takes the spellings over HTTP, where a bare NaN in the JSON body is refused with a JSON error', async () => {
      const id = await createRun('over http');
      const ok = await postGraphQL<{ logMetrics: { accepted: number } }>(server.url, LOG_SERIES, { runId: id, series: [{ key: 'loss', steps: [0, 1], values: [1, 'NaN'] }] });
      expect(ok).toMatchObject({ status: 200, data: { logMetrics: { accepted: 2 } } });
      // What Python's json.dumps writes for float('nan') by default: not JSON.
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"query": ${JSON.stringify(LOG_POINTS)}, "variables": {"runId": "${id}", "points": [{"key": "loss", "step": 2, "value": NaN}]}}`,
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { errors: GraphQLErrorLike[] };
      expect(body.errors[0]?.extensions?.code).toBe('BAD_REQUEST');
    });
  });
}

logMetricsContract('SQLite', () => undefined);

const postgresUrl = TEST_POSTGRES_URL;
const schema = testSchemas().fresh();
logMetricsContract('PostgreSQL', () => ({ kind: 'postgres', url: postgresUrl, schema }));
