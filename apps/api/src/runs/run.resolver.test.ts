import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerThreadCount } from '../queue/local-queue.js';
import { startTestServer, type TestServer } from '../test-utils/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const CREATE = `mutation($input: CreateRunInput!) { createRun(input: $input) { id key group external status config experiment { id name origin status tags } } }`;
const LOG = `mutation($runId: ID!, $points: [MetricPointInput!]!) { logMetrics(runId: $runId, points: $points) { runId accepted } }`;
const FINISH = `mutation($runId: ID!, $status: RunStatus!, $error: String) { finishRun(runId: $runId, status: $status, error: $error) { id status error progress timings { startedAt finishedAt durationMs } } }`;

interface CreatedRun {
  id: string;
  experiment: { id: string; name: string; origin: string; status: string; tags: string[] };
}

async function createRun(input: Record<string, unknown>): Promise<CreatedRun> {
  const { data, errors } = await server.run<{ createRun: CreatedRun }>(CREATE, { input });
  expect(errors).toBeUndefined();
  return data!.createRun;
}

describe('Query.engine', () => {
  it('reports the backend the engine picked and how this deployment is put together', async () => {
    const { data, errors } = await server.run<{ engine: { backend: string; details: { name: string; tfjsVersion: string; threads: number }; store: string; queue: string; pubsub: string; nodeVersion: string; workers: number } }>(
      `{ engine { backend details store queue pubsub nodeVersion apiVersion workers } }`,
    );
    expect(errors).toBeUndefined();
    // The threads one local worker computes with: the cores shared out among the workers.
    if (data?.engine.backend === 'wasm') expect(data.engine.details.threads).toBe(Number(workerThreadCount(data.engine.workers)));
    expect(['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu']).toContain(data?.engine.backend);
    expect(data?.engine.details.name).toBe(data?.engine.backend);
    expect(data?.engine).toMatchObject({ store: 'sqlite', queue: 'local', pubsub: 'memory', nodeVersion: process.version });
  });
});

describe('external runs (logging from scripts)', () => {
  it('creates a run in a new experiment, logs idempotently, finishes, and reads back every point', async () => {
    const run = await createRun({ name: 'resnet-lr0.1', experimentName: 'my sweep', config: { lr: 0.1, arch: 'resnet' }, tags: ['torch'] });
    expect(run.experiment).toMatchObject({ name: 'my sweep', origin: 'external', status: 'RUNNING', tags: ['torch'] });

    const points = Array.from({ length: 3000 }, (_, step) => ({ key: 'train/loss', step, value: 2 * Math.exp(-step / 500), wallTime: 1_700_000_000_000 + step }));
    points[1234]!.value = 40; // a spike that downsampling must keep
    for (let i = 0; i < points.length; i += 1000) {
      const batch = points.slice(i, i + 1000);
      const first = await server.run<{ logMetrics: { accepted: number } }>(LOG, { runId: run.id, points: batch });
      expect(first.data?.logMetrics.accepted).toBe(1000);
      // A resent batch changes nothing.
      await server.run(LOG, { runId: run.id, points: batch });
    }
    await server.run(LOG, { runId: run.id, points: [{ key: 'test/acc', step: 0, value: null }, { key: 'test/acc', step: 1, value: 0.5, epoch: 1 }] });

    const read = await server.run<{ run: { metricKeys: string[]; metrics: { key: string; totalPoints: number; sampled: boolean; points: { step: number; value: number | null }[] }[]; metricPage: { points: { step: number; value: number }[]; hasMore: boolean; lastStep: number } } }>(
      `query($id: ID!) { run(id: $id) {
        metricKeys
        metrics(maxPoints: 100) { key totalPoints sampled points { step value wallTime epoch } }
        metricPage(key: "train/loss", afterStep: 2989, first: 5) { points { step value } hasMore lastStep }
      } }`,
      { id: run.id },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data?.run.metricKeys).toEqual(['test/acc', 'train/loss']);
    const loss = read.data!.run.metrics.find((m) => m.key === 'train/loss')!;
    expect(loss).toMatchObject({ totalPoints: 3000, sampled: true });
    expect(loss.points.length).toBeLessThanOrEqual(100);
    expect(loss.points.find((p) => p.step === 1234)?.value).toBe(40);
    const acc = read.data!.run.metrics.find((m) => m.key === 'test/acc')!;
    expect(acc.points).toEqual([
      { step: 0, value: null, wallTime: expect.any(Number), epoch: null },
      { step: 1, value: 0.5, wallTime: expect.any(Number), epoch: 1 },
    ]);
    expect(read.data?.run.metricPage).toEqual({
      points: [2990, 2991, 2992, 2993, 2994].map((step) => ({ step, value: points[step]!.value })),
      hasMore: true,
      lastStep: 2994,
    });

    const finished = await server.run<{ finishRun: { status: string; progress: number; timings: { finishedAt: string } } }>(FINISH, { runId: run.id, status: 'SUCCEEDED' });
    expect(finished.data?.finishRun).toMatchObject({ status: 'SUCCEEDED', progress: 1 });
    // Finishing again the same way is harmless.
    expect((await server.run(FINISH, { runId: run.id, status: 'SUCCEEDED' })).errors).toBeUndefined();
    const experiment = await server.run<{ experiment: { status: string } }>(`query($id: ID!) { experiment(id: $id) { status } }`, { id: run.experiment.id });
    expect(experiment.data?.experiment.status).toBe('SUCCEEDED');

    // A second run in the same experiment puts it back to RUNNING until it ends too.
    const second = await createRun({ name: 'resnet-lr0.01', experimentId: run.experiment.id });
    expect(second.experiment).toMatchObject({ id: run.experiment.id, status: 'RUNNING' });
    await server.run(FINISH, { runId: second.id, status: 'FAILED', error: 'CUDA OOM' });
    const failed = await server.run<{ experiment: { status: string; error: string } }>(`query($id: ID!) { experiment(id: $id) { status error } }`, { id: run.experiment.id });
    expect(failed.data?.experiment.status).toBe('FAILED');
    expect(failed.data?.experiment.error).toMatch(/CUDA OOM/);
  });

  it('counts a (key, step) sent twice in one batch once; the later point wins', async () => {
    const run = await createRun({ name: 'dupes' });
    const logged = await server.run<{ logMetrics: { accepted: number } }>(LOG, {
      runId: run.id,
      points: [
        { key: 'loss', step: 0, value: 1 },
        { key: 'loss', step: 0, value: 2 },
        { key: 'acc', step: 0, value: 0.5 },
      ],
    });
    expect(logged.data?.logMetrics.accepted).toBe(2);
    const read = await server.run<{ run: { metricPage: { points: { step: number; value: number }[] } } }>(`query($id: ID!) { run(id: $id) { metricPage(key: "loss") { points { step value } } } }`, { id: run.id });
    expect(read.data?.run.metricPage.points).toEqual([{ step: 0, value: 2 }]);
  });

  it('refuses bad input to createRun, logMetrics, finishRun and cancelRun', async () => {
    const missing = '00000000-0000-0000-0000-000000000000';
    const bad = async (query: string, variables: Record<string, unknown>) => (await server.run(query, variables)).errors?.[0];

    expect((await bad(CREATE, { input: { name: '' } }))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: ['input', 'name'] });
    // Nested config is welcome (run-lifecycle.test.ts); two values on one dotted path are not.
    expect((await bad(CREATE, { input: { name: 'x', config: { 'a.b': 1, a: { b: 2 } } } }))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: ['input', 'config'] });
    expect((await bad(CREATE, { input: { name: 'x', experimentId: missing } }))?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect((await bad(CREATE, { input: { name: 'x', tags: ['a b  c'] } }))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: ['input', 'tags', 0] });

    const run = await createRun({ name: 'validation target' });
    expect((await bad(CREATE, { input: { name: 'validation target', experimentId: run.experiment.id } }))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: ['input', 'name'] });
    expect((await bad(LOG, { runId: missing, points: [] }))?.extensions).toMatchObject({ code: 'NOT_FOUND', kind: 'Run' });
    expect((await bad(LOG, { runId: run.id, points: [{ key: 'ok', step: 0, value: 1 }, { key: 'bad key!', step: 1, value: 1 }] }))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: ['points', 1, 'key'] });
    expect((await bad(LOG, { runId: run.id, points: [{ key: 'ok', step: -1, value: 1 }] }))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: ['points', 0, 'step'] });
    expect((await bad(LOG, { runId: run.id, points: [{ key: 'ok', step: 1.5, value: 1 }] }))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const tooBig = Array.from({ length: 10_001 }, (_, step) => ({ key: 'k', step, value: 0 }));
    expect((await bad(LOG, { runId: run.id, points: tooBig }))?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 10_000, got: 10_001 });
    // A refused batch writes nothing, not even its valid points.
    const keys = await server.run<{ run: { metricKeys: string[] } }>(`query($id: ID!) { run(id: $id) { metricKeys } }`, { id: run.id });
    expect(keys.data?.run.metricKeys).toEqual([]);

    expect((await bad(FINISH, { runId: run.id, status: 'RUNNING' }))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: ['status'], allowed: ['SUCCEEDED', 'FAILED', 'CANCELLED', 'DIVERGED'] });
    expect((await bad(FINISH, { runId: run.id, status: 'BOGUS' }))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((await bad(FINISH, { runId: missing, status: 'SUCCEEDED' }))?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    await server.run(FINISH, { runId: run.id, status: 'CANCELLED' });
    expect((await bad(FINISH, { runId: run.id, status: 'SUCCEEDED' }))?.extensions).toMatchObject({ code: 'CONFLICT' });

    expect((await bad(`mutation($id: ID!) { cancelRun(id: $id) { id } }`, { id: missing }))?.extensions).toMatchObject({ code: 'NOT_FOUND', kind: 'Run' });
    expect((await bad(`query($id: ID!) { run(id: $id) { metrics(maxPoints: 1) { key } } }`, { id: run.id }))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: ['maxPoints'] });
    expect((await bad(`query($id: ID!) { run(id: $id) { metrics(keys: ["k"], maxPoints: 10001) { key } } }`, { id: run.id }))?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 10_000, got: 10_001 });
    expect((await bad(`query($id: ID!) { run(id: $id) { metricPage(key: "k", first: 20000) { hasMore } } }`, { id: run.id }))?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED' });
  });

  it('cancels an external run', async () => {
    const run = await createRun({ name: 'to cancel' });
    const { data } = await server.run<{ cancelRun: { status: string } }>(`mutation($id: ID!) { cancelRun(id: $id) { status } }`, { id: run.id });
    expect(data?.cancelRun.status).toBe('CANCELLED');
  });
});
