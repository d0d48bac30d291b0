/**
 * A worker that lost its run (taken for dead, the run restarted under another owner) stores no
 * end and no final weights over the new start.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend, type RunSpec } from '../engine.js';
import { databaseConfigFromEnv } from '../store/database.js';
import { Store } from '../store/store.js';
import { tempDir, waitFor } from '../test-utils/temp.js';
import { runTrainJob } from './train-job.js';

const dir = tempDir();
let store: Store;
beforeAll(async () => {
  await initBackend();
  store = await Store.open(databaseConfigFromEnv(dir.path));
});
afterAll(async () => {
  await store.close();
  dir.remove();
});

const spec = {
  data: { kind: 'function', fn: 'sinc5', n: 64, sampling: 'grid' },
  model: { name: 'tiny-mlp', layers: [{ type: 'dense', units: 8, activation: 'relu' }, { type: 'dense', units: 1, activation: 'linear' }] },
  loss: 'mse',
  optimizer: { kind: 'adam', lr: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
  batchSize: 16,
  epochs: 100_000,
  seed: 0,
  evalEvery: 1,
} as unknown as RunSpec;

describe('a training job that lost its run', () => {
  it('writes no end over the run restarted under another owner', async () => {
    const runId = randomUUID();
    await store.createExperiment(
      { id: randomUUID(), name: 'owned', preset: null, scale: null, origin: 'spec', spec: {}, status: 'QUEUED', analysisStatus: 'SKIPPED', tags: [] },
      [{ id: runId, key: 'run', group: 'g', config: {}, spec, external: false, status: 'QUEUED' }],
    );
    const controller = new AbortController();
    const job = runTrainJob(runId, { store, publisher: { publish() {} }, dataDir: dir.path, owner: 'host-a:1', signal: controller.signal });
    await waitFor(async () => (await store.getRun(runId))?.status === 'RUNNING', { what: 'the run to start' });
    // host-a:1 is taken for dead; the run is restarted and claimed by host-b:2 …
    await store.updateRun(runId, { owner: 'host-b:2', attempt: 1 });
    // … while host-a:1 trains on and ends (here: cancelled, so the test is short).
    controller.abort(new Error('cancelled by request'));
    await job;
    expect(await store.getRun(runId)).toMatchObject({ status: 'RUNNING', owner: 'host-b:2', attempt: 1, end: null, finishedAt: null });
    expect((await store.artifactsOf(runId)).filter((a) => a.kind === 'final')).toEqual([]);
  }, 60_000);
});
