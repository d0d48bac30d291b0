/**
 * Restarting the API with runs in flight: nothing is left hanging. Runs whose process died are
 * re-queued from scratch (and then succeed), or failed with the reason after too many attempts.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunSpec } from '@saddle/engine';
import { startTestServer } from '../test-utils/server.js';
import { tempDir, waitFor } from '../test-utils/temp.js';
import { isOwnerAlive, MAX_RUN_ATTEMPTS } from './recovery.js';

const dir = tempDir();
afterAll(() => dir.remove());

describe('restart with runs in flight', () => {
  it('re-queues runs left RUNNING by a stopped API; they then train to the end', async () => {
    const first = await startTestServer({ dataDir: dir.path, workers: 2 });
    const launched = await first.run<{ launchExperiment: { id: string; runs: { id: string }[] } }>(
      `mutation { launchExperiment(input: { preset: "test-tiny", overrides: { epochs: 12 } }) { id runs { id } } }`,
    );
    const { id, runs } = launched.data!.launchExperiment;
    await waitFor(async () => (await first.runtime.store.getRun(runs[0]!.id))?.status === 'RUNNING', { what: 'a run to start' });
    await first.stop(); // workers go down with it; the runs stay RUNNING in the store
    const orphan = await (async () => {
      const second = await startTestServer({ dataDir: dir.path, workers: 2 });
      try {
        const done = await waitFor(async () => {
          const { data } = await second.run<{ experiment: { status: string; runs: { status: string; restarts: number; steps: number; metricKeys: string[] }[] } }>(
            `query($id: ID!) { experiment(id: $id) { status runs { status restarts steps metricKeys } } }`,
            { id },
          );
          const experiment = data?.experiment;
          return experiment && !['QUEUED', 'RUNNING', 'ANALYZING'].includes(experiment.status) ? experiment : undefined;
        }, { what: 'the recovered experiment to end', timeoutMs: 90_000 });
        return done;
      } finally {
        await second.close();
      }
    })();
    expect(orphan.status).toBe('SUCCEEDED');
    expect(orphan.runs[0]).toMatchObject({ status: 'SUCCEEDED', restarts: 1, steps: 12 * 4 });
    expect(orphan.runs.every((r) => r.status === 'SUCCEEDED')).toBe(true);
  });

  it(`fails a run with the reason once it was interrupted ${MAX_RUN_ATTEMPTS} times`, async () => {
    const other = tempDir();
    try {
      const server = await startTestServer({ dataDir: other.path, workers: 1 });
      const experimentId = randomUUID();
      const runId = randomUUID();
      const spec = { model: { name: 'm', layers: [] } } as unknown as RunSpec;
      await server.runtime.store.createExperiment(
        { id: experimentId, name: 'interrupted', preset: null, scale: null, origin: 'spec', spec: {}, status: 'RUNNING', analysisStatus: 'SKIPPED', tags: [] },
        [{ id: runId, key: 'run', group: 'g', config: {}, spec, external: false, status: 'QUEUED' }],
      );
      await server.runtime.store.updateRun(runId, { status: 'RUNNING', owner: `${hostname()}:999999999`, attempt: MAX_RUN_ATTEMPTS - 1 });
      await server.close();

      const restarted = await startTestServer({ dataDir: other.path, workers: 1 });
      try {
        const run = await restarted.runtime.store.getRun(runId);
        expect(run).toMatchObject({ status: 'FAILED', error: `interrupted ${MAX_RUN_ATTEMPTS} times: the process running it stopped each time` });
        expect((await restarted.runtime.store.getExperiment(experimentId))?.status).toBe('FAILED');
      } finally {
        await restarted.close();
      }
    } finally {
      other.remove();
    }
  });

  it('tells live owners from dead ones', () => {
    expect(isOwnerAlive(`${hostname()}:${process.ppid}`)).toBe(true);
    expect(isOwnerAlive(`${hostname()}:999999999`)).toBe(false);
    expect(isOwnerAlive(null)).toBe(false);
    expect(isOwnerAlive('some-other-machine:1')).toBe(true);
  });
});
