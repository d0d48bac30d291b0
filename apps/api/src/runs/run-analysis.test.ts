/**
 * analyzeRun through the real server and its worker processes: the Hessian spectrum of a run
 * Saddle trained (its data rebuilt from the spec) and of a logged run's uploaded weights (a
 * linear model, whose Hessian 2·AᵀA/m is known in closed form), refusals that name the fix,
 * and cancellation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-utils/server.js';
import { waitFor } from '../test-utils/temp.js';

let server: TestServer;
let origin: string;
beforeAll(async () => {
  server = await startTestServer({ workers: 1 });
  origin = server.url.replace(/\/graphql$/, '');
});
afterAll(async () => {
  await server.close();
});

interface Analysis {
  id: string;
  status: string;
  progress: number;
  error: string | null;
  figures: { id: string; kind: string; data: { points: { x: number; y: number }[] } }[];
  summary: { method: string; numParams: number; eigenvalues?: number[]; trace: number; loss: number } | null;
}
const FIELDS = 'id status progress error figures { id kind data } summary';
const ANALYZE = `mutation($runId: ID!, $options: RunAnalysisOptionsInput) { analyzeRun(runId: $runId, kind: HESSIAN, options: $options) { ${FIELDS} } }`;

async function analyze(runId: string, options?: Record<string, unknown>) {
  return server.run<{ analyzeRun: Analysis }>(ANALYZE, { runId, ...(options && { options }) });
}

async function ended(id: string): Promise<Analysis> {
  return waitFor(
    async () => {
      const { data } = await server.run<{ runAnalysis: Analysis }>(`query($id: ID!) { runAnalysis(id: $id) { ${FIELDS} } }`, { id });
      const analysis = data?.runAnalysis;
      return analysis && ['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(analysis.status) ? analysis : undefined;
    },
    { timeoutMs: 60_000, what: `analysis ${id} to end` },
  );
}

function float32le(values: number[]): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return bytes;
}

async function put(path: string, body: Uint8Array | string, contentType: string): Promise<void> {
  const response = await fetch(`${origin}${path}`, { method: 'PUT', body, headers: { 'content-type': contentType } });
  expect(response.status).toBe(201);
}

describe('analyzeRun HESSIAN', () => {
  it('gives a logged linear model’s exact spectrum: the trace and Frobenius norm of 2·AᵀA/m, A = [X 1]', async () => {
    const created = await server.run<{ createRun: { id: string } }>(`mutation { createRun(input: { name: "linear-from-torch" }) { id } }`);
    const runId = created.data!.createRun.id;
    const n = 3;
    const m = 12;
    const x = Array.from({ length: m * n }, (_, i) => Math.sin(1.7 * i + 0.3));
    const y = Array.from({ length: m }, (_, i) => Math.cos(0.9 * i));
    const model = { spec: { name: 'linear', layers: [{ type: 'dense', units: 1, activation: 'linear' }] }, inputShape: [n], numParams: n + 1, numBuffers: 0 };
    await put(`/artifacts/runs/${runId}/model.json`, JSON.stringify(model), 'application/json');
    await put(`/artifacts/runs/${runId}/weights?thetaLength=${n + 1}&stateLength=0`, float32le([0.3, -0.2, 0.1, 0.05]), 'application/octet-stream');

    // Without data Saddle cannot know the loss: refused, naming the options to pass.
    const refused = await analyze(runId);
    expect(refused.errors?.[0]?.message).toMatch(/logged from a script.*options\.x, options\.y .*options\.loss/);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: ['options', 'x'] });

    const queued = await analyze(runId, { x, y, loss: 'MSE' });
    expect(queued.errors).toBeUndefined();
    const analysis = await ended(queued.data!.analyzeRun.id);
    expect(analysis).toMatchObject({ status: 'SUCCEEDED', progress: 1, error: null });
    const eigenvalues = analysis.summary!.eigenvalues!;
    expect(eigenvalues).toHaveLength(n + 1);
    // The closed form: H = (2/m) Σ_r a_r a_rᵀ with a_r = [x_r, 1].
    const p = n + 1;
    const h = Array.from({ length: p * p }, () => 0);
    for (let r = 0; r < m; r++) {
      const a = [...x.slice(r * n, r * n + n), 1];
      for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) h[i * p + j]! += (2 * a[i]! * a[j]!) / m;
    }
    const trace = Array.from({ length: p }, (_, i) => h[i * p + i]!).reduce((s, v) => s + v, 0);
    const frobenius2 = h.reduce((s, v) => s + v * v, 0);
    expect(eigenvalues.reduce((s, v) => s + v, 0)).toBeCloseTo(trace, 4);
    expect(eigenvalues.reduce((s, v) => s + v * v, 0)).toBeCloseTo(frobenius2, 3);
    expect(eigenvalues.every((v) => v > -1e-5)).toBe(true); // AᵀA is positive semi-definite
    const [figure] = analysis.figures;
    expect(figure).toMatchObject({ id: 'hessian-spectrum', kind: 'SCATTER' });
    expect(figure!.data.points.map((pt) => pt.y)).toEqual(eigenvalues);

    // Stored on the run.
    const onRun = await server.run<{ run: { analyses: { id: string; status: string }[] } }>(`query($id: ID!) { run(id: $id) { analyses { id status } } }`, { id: runId });
    expect(onRun.data!.run.analyses).toEqual([{ id: analysis.id, status: 'SUCCEEDED' }]);
  });

  it('analyses a run Saddle trained on its own training data, and refuses a run without weights', async () => {
    const spec = {
      data: { kind: 'function', n: 64 },
      model: { name: 'tiny-mlp', layers: [{ type: 'dense', units: 6, activation: 'tanh' }, { type: 'dense', units: 1, activation: 'linear' }] },
      batchSize: 16,
      epochs: 2,
    };
    const launched = await server.run<{ launchExperiment: { runs: { id: string }[] } }>(`mutation($input: LaunchExperimentInput!) { launchExperiment(input: $input) { runs { id } } }`, { input: { spec } });
    const runId = launched.data!.launchExperiment.runs[0]!.id;
    const early = await analyze(runId);
    if (early.errors) expect(early.errors[0]?.message).toMatch(/has no final weights to analyse: wait for it to succeed/);
    await waitFor(async () => (await server.run<{ run: { status: string } }>(`query($id: ID!) { run(id: $id) { status } }`, { id: runId })).data?.run.status === 'SUCCEEDED', { timeoutMs: 60_000, what: 'the run to train' });
    const queued = await analyze(runId, { method: 'EXACT' });
    const analysis = await ended(queued.data!.analyzeRun.id);
    expect(analysis.status).toBe('SUCCEEDED');
    // 1→6→1: 6 + 6 + 6 + 1 parameters.
    expect(analysis.summary).toMatchObject({ method: 'exact', numParams: 19 });
    const eigenvalues = analysis.summary!.eigenvalues!;
    expect(eigenvalues).toHaveLength(19);
    expect([...eigenvalues].sort((a, b) => a - b)).toEqual(eigenvalues);
    expect(analysis.summary!.trace).toBeCloseTo(eigenvalues.reduce((s, v) => s + v, 0), 6);
  });

  it('cancels: a cancelled analysis never stores figures, and a bad option is refused with its field', async () => {
    const created = await server.run<{ createRun: { id: string } }>(`mutation { createRun(input: { name: "to-cancel" }) { id } }`);
    const runId = created.data!.createRun.id;
    await put(`/artifacts/runs/${runId}/model.json`, JSON.stringify({ spec: { name: 'linear', layers: [{ type: 'dense', units: 1, activation: 'linear' }] }, inputShape: [1], numParams: 2, numBuffers: 0 }), 'application/json');
    await put(`/artifacts/runs/${runId}/weights?thetaLength=2&stateLength=0`, float32le([1, 0]), 'application/octet-stream');
    const bad = await analyze(runId, { x: [1, 2], y: [1, 2], loss: 'MSE', topK: 0 });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: ['options', 'topK'] });

    const queued = await analyze(runId, { x: [1, 2], y: [1, 2], loss: 'MSE' });
    const id = queued.data!.analyzeRun.id;
    const cancelled = await server.run<{ cancelRunAnalysis: Analysis }>(`mutation($id: ID!) { cancelRunAnalysis(id: $id) { ${FIELDS} } }`, { id });
    expect(cancelled.data!.cancelRunAnalysis).toMatchObject({ status: 'CANCELLED', error: 'cancelled', figures: [], summary: null });
    await server.runtime.queue.idle();
    const after = await ended(id);
    expect(after).toMatchObject({ status: 'CANCELLED', figures: [], summary: null });
  });
});
