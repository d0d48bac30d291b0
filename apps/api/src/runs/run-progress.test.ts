/**
 * What a run's and an experiment's row show while they run: the true last stored values (not a
 * downsampled series' last kept point, which is a bucket's min or max), and the time left.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-utils/server.js';

let server: TestServer;
beforeAll(async () => {
  // No workers: the runs stay as the test puts them.
  server = await startTestServer({ workers: 0 });
});
afterAll(async () => {
  await server.close();
});

const LAUNCH = `mutation { launchExperiment(input: { preset: "test-tiny", scale: QUICK }) { id runs { id } } }`;
const READ = `query($id: ID!) { run(id: $id) { status final steps etaSeconds metrics(keys: ["train/loss"], maxPoints: 100) { sampled points { step value } } } }`;

interface Read {
  run: { status: string; final: Record<string, number> | null; steps: number | null; etaSeconds: number | null; metrics: { sampled: boolean; points: { step: number; value: number }[] }[] };
}

describe('a Saddle run while it runs', () => {
  it('final and steps are its last stored point and step, though the downsampled series ends on a bucket’s extreme; etaSeconds comes from its rate', async () => {
    const launched = await server.run<{ launchExperiment: { id: string; runs: { id: string }[] } }>(LAUNCH);
    expect(launched.errors).toBeUndefined();
    const experimentId = launched.data!.launchExperiment.id;
    const [first, second] = launched.data!.launchExperiment.runs;
    const store = server.runtime.store;

    // Before it starts: nothing stored, no ETA.
    const queued = (await server.run<Read>(READ, { id: first!.id })).data!.run;
    expect(queued).toMatchObject({ status: 'QUEUED', final: {}, steps: null, etaSeconds: null });
    expect((await server.run<{ experiment: { etaSeconds: number | null } }>(`query($id: ID!) { experiment(id: $id) { etaSeconds } }`, { id: experimentId })).data?.experiment.etaSeconds).toBeNull();

    // A quarter done in 20 s: 60 s left.
    const now = Date.now();
    expect(await store.transitionRun(first!.id, ['QUEUED'], { status: 'RUNNING', startedAt: now - 20_000, progress: 0.25 })).toBe(true);
    // A noisy falling loss whose last point (step 2999) lies strictly inside its bucket's range.
    const points = Array.from({ length: 3000 }, (_, step) => ({ key: 'train/loss', step, value: 1 / (1 + step / 300) + (step % 7) * 0.01, wallTime: now, epoch: null }));
    points[2999]!.value = 0.0915;
    await store.upsertMetrics(first!.id, points);
    await store.upsertMetrics(first!.id, [{ key: 'test/accuracy', step: 2000, value: 0.75, wallTime: now, epoch: null }]);

    const read = (await server.run<Read>(READ, { id: first!.id })).data!.run;
    const drawn = read.metrics[0]!;
    expect(drawn.sampled).toBe(true);
    // The case this guards against: the last kept point is neither step 2999 nor its value.
    expect(drawn.points.at(-1)?.step).not.toBe(2999);
    expect(read.final).toEqual({ 'test/accuracy': 0.75, 'train/loss': 0.0915 });
    expect(read.steps).toBe(2999);
    expect(read.etaSeconds).toBeGreaterThan(59);
    expect(read.etaSeconds).toBeLessThan(62);

    // The experiment: (0.25 + 0 + its analysis' 0) / 3 done since its first run started, 20 s ago.
    const experiment = (await server.run<{ experiment: { progress: number; etaSeconds: number } }>(`query($id: ID!) { experiment(id: $id) { progress etaSeconds } }`, { id: experimentId })).data!.experiment;
    expect(experiment.progress).toBeCloseTo(0.25 / 3);
    const expected = 20 * (1 - experiment.progress) / experiment.progress;
    expect(experiment.etaSeconds).toBeGreaterThan(expected - 1);
    expect(experiment.etaSeconds).toBeLessThan(expected + 2);

    // Ended: its stored end is what final and steps say, and there is no ETA.
    await store.transitionRun(first!.id, ['RUNNING'], { status: 'SUCCEEDED', progress: 1, finishedAt: Date.now(), end: { final: { 'train/loss': 0.09 }, steps: 3000, epochs: 4, durationMs: 20_000 } });
    const ended = (await server.run<Read>(READ, { id: first!.id })).data!.run;
    expect(ended).toMatchObject({ status: 'SUCCEEDED', final: { 'train/loss': 0.09 }, steps: 3000, etaSeconds: null });
    // The other run never started: no ETA of its own.
    expect((await server.run<Read>(READ, { id: second!.id })).data!.run.etaSeconds).toBeNull();
  });
});

describe('a cancelled experiment', () => {
  it('reports how far it got (its runs’ own progress), not a full bar', async () => {
    const launched = await server.run<{ launchExperiment: { id: string; runs: { id: string }[] } }>(LAUNCH);
    const experimentId = launched.data!.launchExperiment.id;
    const [first, second] = launched.data!.launchExperiment.runs;
    const store = server.runtime.store;
    const now = Date.now();
    await store.transitionRun(first!.id, ['QUEUED'], { status: 'CANCELLED', progress: 0.5, startedAt: now - 1000, finishedAt: now });
    await store.transitionRun(second!.id, ['QUEUED'], { status: 'CANCELLED', progress: 0, finishedAt: now });
    await store.updateExperiment(experimentId, { status: 'CANCELLED', analysisStatus: 'SKIPPED', finishedAt: now });
    const read = (await server.run<{ experiment: { status: string; progress: number; etaSeconds: number | null } }>(`query($id: ID!) { experiment(id: $id) { status progress etaSeconds } }`, { id: experimentId })).data!.experiment;
    expect(read).toEqual({ status: 'CANCELLED', progress: 0.25, etaSeconds: null });
  });
});
