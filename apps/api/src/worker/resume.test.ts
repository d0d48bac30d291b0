/**
 * A run whose worker process is killed (SIGKILL) mid-run resumes from its latest checkpoint: it
 * does not train from step 0 again, every step of every metric key is stored exactly once, live
 * subscribers are told to reload the series, and it ends with the very θ of an uninterrupted run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend, resolveRunSpec, train, type RunEnd } from '@saddle/engine';
import { Topic, type RunEventPayload } from '../pubsub/topics.js';
import { readWeights } from '../store/artifact-files.js';
import { latestCheckpoint } from '../store/checkpoints.js';
import { startTestServer, type TestServer } from '../test-utils/server.js';
import { waitFor } from '../test-utils/temp.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ workers: 1 });
  await initBackend();
});
afterAll(async () => {
  await server.close();
});

// Batch norm and Adam: the checkpoint must carry running statistics and moments. 64 points in
// batches of 16: 4 steps per epoch; a snapshot (and so a checkpoint) every 5 epochs.
const EPOCHS = 400;
const spec = {
  data: { kind: 'function', fn: 'sinc5', n: 64, sampling: 'grid' },
  model: {
    name: 'bn-mlp',
    layers: [{ type: 'dense', units: 16 }, { type: 'batchNorm' }, { type: 'activation', activation: 'relu' }, { type: 'dense', units: 1 }],
  },
  optimizer: { kind: 'adam', lr: 0.01 },
  batchSize: 16,
  epochs: EPOCHS,
  seed: 7,
  snapshotEvery: 5,
};

describe('a run whose worker is killed', () => {
  it('resumes from its checkpoint, stores every point once and ends at the uninterrupted θ', async () => {
    const launched = await server.run<{ launchExperiment: { runs: { id: string }[] } }>(
      `mutation($spec: JSONObject!) { launchExperiment(input: { spec: $spec }) { runs { id } } }`,
      { spec },
    );
    expect(launched.errors).toBeUndefined();
    const runId = launched.data!.launchExperiment.runs[0]!.id;
    const store = server.runtime.store;

    // Live events of the run, from before the kill.
    const events: RunEventPayload[] = [];
    const subscription = server.runtime.pubsub.subscribe(Topic.RunEvents, runId) as AsyncIterable<RunEventPayload>;
    const following = (async () => {
      for await (const event of subscription) {
        events.push(event);
        if (event.type === 'STATUS' && event.status === 'SUCCEEDED') return;
      }
    })();

    // Killed once it has a checkpoint some way in (and is still far from the end).
    const checkpoint = await waitFor(async () => {
      const c = await latestCheckpoint(store.db, runId);
      return c && c.step >= 200 && c;
    }, { what: 'a checkpoint at step ≥ 200', timeoutMs: 60_000 });
    const active = server.runtime.queue.active().find((a) => a.job.kind === 'train' && a.job.runId === runId);
    expect(active?.pid).toBeDefined();
    process.kill(active!.pid!, 'SIGKILL');

    const run = await waitFor(async () => {
      const r = await store.getRun(runId);
      return r && r.status !== 'RUNNING' && r.status !== 'QUEUED' && r;
    }, { what: 'the run to end', timeoutMs: 120_000 });
    await following;
    expect(run).toMatchObject({ status: 'SUCCEEDED', attempt: 1, error: null });
    const totalSteps = EPOCHS * 4;
    expect(run.end?.steps).toBe(totalSteps);
    // Resumed, not restarted: from a checkpoint at or after the one seen before the kill.
    expect(run.end?.resumedFromStep).toBeGreaterThanOrEqual(checkpoint.step);
    const resumedFrom = run.end!.resumedFromStep!;

    // Live clients were told to reload, and the points that followed start after the checkpoint.
    const reset = events.findIndex((e) => e.type === 'SERIES_RESET');
    expect(reset).toBeGreaterThan(0);
    const firstAfter = events.slice(reset).find((e) => e.type === 'METRICS');
    expect(Math.min(...firstAfter!.points!.map((p) => p.step))).toBe(resumedFrom + 1);

    // Every step of every key, exactly once (the primary key forbids twice; count against the schedule).
    const epochEnds = Array.from({ length: EPOCHS + 1 }, (_, e) => e * 4);
    const everyStep = Array.from({ length: totalSteps }, (_, i) => i + 1);
    const expected: Record<string, number[]> = { 'train/loss': epochEnds, 'test/loss': epochEnds, 'batch/loss': everyStep, grad_norm: everyStep };
    expect(await store.metricKeys(runId)).toEqual(Object.keys(expected).sort());
    for (const [key, steps] of Object.entries(expected)) {
      const points = await store.metricSeries(runId, key);
      expect(points.map((p) => p.step), key).toEqual(steps);
    }
    // Snapshots once each too, and the checkpoint forgotten once the run ended.
    const snapshots = await store.artifactsOf(runId, 'snapshot');
    expect(snapshots.map((s) => s.step)).toEqual(Array.from({ length: EPOCHS / 5 + 1 }, (_, i) => i * 20));
    expect(await latestCheckpoint(store.db, runId)).toBeUndefined();

    // The same θ (and batch-norm state) as one uninterrupted run, bit for bit, on this backend.
    const straight: RunEnd = await train(resolveRunSpec(spec as Parameters<typeof resolveRunSpec>[0]), () => {});
    const [final] = await store.artifactsOf(runId, 'final');
    const weights = readWeights(server.dataDir, final!.path, final!.thetaLength, final!.stateLength);
    expect(Array.from(weights.theta)).toEqual(Array.from(straight.theta));
    expect(Array.from(weights.state)).toEqual(Array.from(straight.state));
    const stored = await store.metricSeries(runId, 'train/loss');
    expect(stored.at(-1)?.value).toBe(straight.final['train/loss']);
  }, 180_000);
});
