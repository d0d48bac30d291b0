/**
 * Training end to end through the local queue: worker processes, batched writes, the
 * experiment's analysis as a job, crash isolation and retries, cancellation.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-utils/server.js';
import { waitFor } from '../test-utils/temp.js';
import { MAX_RUN_ATTEMPTS } from './recovery.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ workers: 2 });
});
afterAll(async () => {
  await server.close();
});

const LAUNCH = `mutation($input: LaunchExperimentInput!) { launchExperiment(input: $input) { id runs { id } } }`;
const EXPERIMENT = `query($id: ID!) {
  experiment(id: $id) {
    status analysisStatus progress error
    analyses { id title kind data }
    runs { id key status error progress final steps summary { totalParams rows { layer params } } metricKeys timings { durationMs } }
  }
}`;

interface ExperimentView {
  status: string;
  analysisStatus: string;
  progress: number;
  error: string | null;
  analyses: { id: string; kind: string; data: { series: { label: string; points: { x: number; y: number }[] }[] } }[];
  runs: { id: string; key: string; status: string; error: string | null; progress: number; final: Record<string, number> | null; steps: number; summary: { totalParams: number } | null; metricKeys: string[] }[];
}

async function experiment(id: string): Promise<ExperimentView> {
  const { data, errors } = await server.run<{ experiment: ExperimentView }>(EXPERIMENT, { id });
  expect(errors).toBeUndefined();
  return data!.experiment;
}

describe('LocalRunQueue with worker processes', () => {
  it('trains every run of a preset in workers, stores points and weights, then runs the analysis as a job', async () => {
    const launched = await server.run<{ launchExperiment: { id: string } }>(LAUNCH, { input: { preset: 'test-tiny', overrides: { epochs: 4 } } });
    const id = launched.data!.launchExperiment.id;
    const done = await waitFor(async () => {
      const view = await experiment(id);
      return ['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(view.status) && view;
    }, { what: 'the experiment to end', timeoutMs: 60_000 });
    expect(done.error).toBeNull();
    expect(done).toMatchObject({ status: 'SUCCEEDED', analysisStatus: 'SUCCEEDED', progress: 1 });
    for (const run of done.runs) {
      expect(run).toMatchObject({ status: 'SUCCEEDED', progress: 1, steps: 16 }); // 64 points / batch 16 × 4 epochs
      expect(run.summary?.totalParams).toBe(8 + 8 + 8 + 1); // 1→8 (w, b) → 1 (w, b)
      expect(run.metricKeys).toContain('train/loss');
      expect(run.final?.['train/loss']).toBeGreaterThan(0);
      // The engine's final metrics and the stored series agree on the last loss.
      const series = await server.run<{ run: { metricPage: { points: { step: number; value: number }[] } } }>(
        `query($id: ID!) { run(id: $id) { metricPage(key: "train/loss", first: 10000) { points { step value } } } }`,
        { id: run.id },
      );
      const points = series.data!.run.metricPage.points;
      expect(points.at(-1)?.value).toBeCloseTo(run.final!['train/loss']!, 6);
      expect(existsSync(join(server.dataDir, 'artifacts', run.id, 'final.bin'))).toBe(true);
    }
    // The analysis saw each run's final weights (25 params) and its snapshots (epochs 0, 2, 4).
    const figure = done.analyses.find((f) => f.id === 'final-loss');
    expect(figure?.kind).toBe('LINES');
    expect(figure?.data.series.map((s) => s.label)).toEqual(['seed0 theta=25 snapshots=3', 'seed1 theta=25 snapshots=3']);
    expect(figure?.data.series[0]?.points[0]?.y).toBeCloseTo(done.runs[0]!.final!['train/loss']!, 6);
  });

  it('starts a run whose worker process dies over, fails it after 3 starts, and analyses the runs that succeeded', async () => {
    // `long` trains until it is killed; `short` (its own worker, not batched with it) ends on its own.
    const launched = await server.run<{ launchExperiment: { id: string; runs: { id: string }[] } }>(LAUNCH, { input: { preset: 'test-uneven', overrides: { epochs: 2000 } } });
    const { id, runs } = launched.data!.launchExperiment;
    const victim = runs[1]!.id;
    for (let attempt = 0; attempt < MAX_RUN_ATTEMPTS; attempt++) {
      const active = await waitFor(async () => {
        const run = await server.runtime.store.getRun(victim);
        return run?.status === 'RUNNING' && run.attempt === attempt && server.runtime.queue.active().find((a) => a.job.kind === 'train' && a.job.runId === victim);
      }, { what: `start ${attempt + 1} of the run`, timeoutMs: 60_000 });
      process.kill(active.pid!, 'SIGKILL');
    }
    const failed = await waitFor(async () => {
      const run = await server.runtime.store.getRun(victim);
      return run?.status === 'FAILED' && run;
    }, { what: 'the run to be failed' });
    expect(failed.error).toMatch(/^interrupted 3 times: the worker process was killed \(SIGKILL/);
    const view = await waitFor(async () => {
      const v = await experiment(id);
      return !['QUEUED', 'RUNNING', 'ANALYZING'].includes(v.status) && v;
    }, { what: 'the experiment to end', timeoutMs: 60_000 });
    expect(view.runs.map((r) => r.status)).toEqual(['SUCCEEDED', 'FAILED']);
    // The run that succeeded was analysed; the failed one is named.
    expect(view).toMatchObject({ status: 'FAILED', analysisStatus: 'SUCCEEDED' });
    expect(view.error).toMatch(/^1 of 2 runs failed: long: interrupted 3 times: the worker process was killed .*\. The figures show the 1 run that succeeded\.$/);
    expect(view.analyses.find((f) => f.id === 'final-loss')?.data.series.map((s) => s.label)).toEqual(['short theta=25 snapshots=2']);
  });

  it('reports a failing analysis on the experiment', async () => {
    const launched = await server.run<{ launchExperiment: { id: string } }>(LAUNCH, { input: { preset: 'test-broken-analysis', overrides: { epochs: 1 } } });
    const id = launched.data!.launchExperiment.id;
    const view = await waitFor(async () => {
      const v = await experiment(id);
      return (v.status === 'FAILED' || v.status === 'SUCCEEDED') && v;
    }, { what: 'the experiment to end', timeoutMs: 60_000 });
    expect(view).toMatchObject({ status: 'FAILED', analysisStatus: 'FAILED' });
    expect(view.error).toBe('analysis failed: deliberately broken analysis');
  });
});
