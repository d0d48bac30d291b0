/**
 * Runs that differ only in seed train as one batched computation in a local worker, each still
 * stored, streamed, cancelled and ended under its own id; after a crash the job's own run and
 * the runs trained with it start over.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-utils/server.js';
import { waitFor } from '../test-utils/temp.js';

let server: TestServer;
beforeAll(async () => {
  // One worker: without grouping the two runs of test-tiny would train one after the other.
  server = await startTestServer({ workers: 1 });
});
afterAll(async () => {
  await server.close();
});

const LAUNCH = `mutation($input: LaunchExperimentInput!) { launchExperiment(input: $input) { id runs { id } } }`;
const CANCEL = `mutation($id: ID!) { cancelRun(id: $id) { id } }`;

async function launch(epochs: number): Promise<string[]> {
  const { data, errors } = await server.run<{ launchExperiment: { runs: { id: string }[] } }>(LAUNCH, { input: { preset: 'test-tiny', overrides: { epochs } } });
  expect(errors).toBeUndefined();
  return data!.launchExperiment.runs.map((r) => r.id);
}

const runOf = (id: string) => server.runtime.store.getRun(id);

describe('group training in a local worker', () => {
  it('trains the runs of a seed sweep together, each stored under its own id', async () => {
    const [first, second] = (await launch(4)) as [string, string];
    const [a, b] = await waitFor(async () => {
      const both = await Promise.all([runOf(first), runOf(second)]);
      return both.every((r) => r?.status === 'SUCCEEDED') && both;
    }, { what: 'both runs to succeed', timeoutMs: 60_000 });
    // One worker, yet the second run started before the first ended: they trained as one.
    expect(b!.startedAt!).toBeLessThan(a!.finishedAt!);
    for (const run of [a!, b!]) {
      expect(run.end?.steps).toBe(16);
      const points = await server.runtime.store.metricPage(run.id, 'train/loss', null, 100);
      expect(points.points.at(-1)?.value).toBeCloseTo(run.end!.final['train/loss']!, 6);
    }
  });

  it('cancels one run of a group alone', async () => {
    const [first, second] = (await launch(2000)) as [string, string];
    await waitFor(async () => (await runOf(first))?.status === 'RUNNING' && (await runOf(second))?.status === 'RUNNING', { what: 'both runs to run' });
    expect((await server.run(CANCEL, { id: second })).errors).toBeUndefined();
    await waitFor(async () => (await runOf(second))?.status === 'CANCELLED', { what: 'the second run to be cancelled' });
    expect((await runOf(first))?.status).toBe('RUNNING');
    expect((await server.run(CANCEL, { id: first })).errors).toBeUndefined();
    await waitFor(async () => (await runOf(first))?.status === 'CANCELLED', { what: 'the first run to be cancelled' });
  });

  it("starts the crashed job's run and the runs trained with it over", async () => {
    const [first, second] = (await launch(2000)) as [string, string];
    const active = await waitFor(async () => {
      const both = (await runOf(first))?.status === 'RUNNING' && (await runOf(second))?.status === 'RUNNING';
      return both && server.runtime.queue.active().find((a) => a.job.kind === 'train' && a.job.runId === first);
    }, { what: 'the group to run' });
    process.kill(active.pid!, 'SIGKILL');
    const restarted = await waitFor(async () => {
      const both = await Promise.all([runOf(first), runOf(second)]);
      return both.every((run) => run?.status === 'RUNNING' && run.attempt === 1) && both;
    }, { what: 'both runs to start over' });
    expect(restarted.map((run) => run!.error)).toEqual([null, null]);
    for (const id of [first, second]) expect((await server.run(CANCEL, { id })).errors).toBeUndefined();
    await waitFor(async () => (await runOf(first))?.status === 'CANCELLED' && (await runOf(second))?.status === 'CANCELLED', { what: 'the restarted runs to be cancelled' });
  });
});
