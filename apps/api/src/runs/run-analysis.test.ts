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

    // The one worker is kept busy by a long interpolation, so the next analysis stays QUEUED.
    const busy = await analyzePair([await loggedLinear('busy-a', [0.4, -0.7, 0.25]), await loggedLinear('busy-b', [-0.4, 0.7, -0.25])], { x: X, y: Y, loss: 'MSE', points: 200_000 });
    const busyId = busy.data!.analyzeRuns.id;
    await waitFor(async () => (await server.run<{ runAnalysis: Analysis }>(`query($id: ID!) { runAnalysis(id: $id) { ${FIELDS} } }`, { id: busyId })).data?.runAnalysis.status === 'RUNNING', { timeoutMs: 60_000, what: 'the busy analysis to start' });
    const queued = await analyze(runId, { x: [1, 2], y: [1, 2], loss: 'MSE' });
    const id = queued.data!.analyzeRun.id;
    expect(queued.data!.analyzeRun.status).toBe('QUEUED');
    const cancelled = await server.run<{ cancelRunAnalysis: Analysis }>(`mutation($id: ID!) { cancelRunAnalysis(id: $id) { ${FIELDS} } }`, { id });
    expect(cancelled.data!.cancelRunAnalysis).toMatchObject({ status: 'CANCELLED', error: 'cancelled', figures: [], summary: null });
    await server.run(`mutation($id: ID!) { cancelRunAnalysis(id: $id) { id } }`, { id: busyId });
    await server.runtime.queue.idle();
    const after = await ended(id);
    expect(after).toMatchObject({ status: 'CANCELLED', figures: [], summary: null });
  });
});

/** A logged linear run ŷ = w·x + b (weights [w…, b]) with its model.json uploaded. */
async function loggedLinear(name: string, weights: number[], inputs = weights.length - 1): Promise<string> {
  const created = await server.run<{ createRun: { id: string } }>(`mutation($name: String!) { createRun(input: { name: $name }) { id } }`, { name });
  const runId = created.data!.createRun.id;
  const model = { spec: { name: 'linear', layers: [{ type: 'dense', units: 1, activation: 'linear' }] }, inputShape: [inputs], numParams: inputs + 1, numBuffers: 0 };
  await put(`/artifacts/runs/${runId}/model.json`, JSON.stringify(model), 'application/json');
  await put(`/artifacts/runs/${runId}/weights?thetaLength=${weights.length}&stateLength=0`, float32le(weights), 'application/octet-stream');
  return runId;
}

/** mean((w·x + b − y)²) over row-major x [m, n]. */
function mse(weights: number[], x: number[], y: number[]): number {
  const n = weights.length - 1;
  return y.reduce((sum, target, r) => sum + (x.slice(r * n, r * n + n).reduce((s, v, i) => s + v * weights[i]!, weights[n]!) - target) ** 2, 0) / y.length;
}

const X = Array.from({ length: 8 * 2 }, (_, i) => Math.sin(0.7 * i + 0.2));
const Y = Array.from({ length: 8 }, (_, i) => Math.cos(1.3 * i));

async function analyzeKind(runId: string, kind: string, options: Record<string, unknown>) {
  return server.run<{ analyzeRun: Analysis }>(`mutation($runId: ID!, $kind: RunAnalysisKind!, $options: RunAnalysisOptionsInput) { analyzeRun(runId: $runId, kind: $kind, options: $options) { ${FIELDS} } }`, { runId, kind, options });
}

async function analyzePair(runIds: string[], options: Record<string, unknown>) {
  return server.run<{ analyzeRuns: Analysis }>(`mutation($runIds: [ID!]!, $options: RunAnalysisOptionsInput) { analyzeRuns(runIds: $runIds, kind: INTERPOLATION, options: $options) { ${FIELDS} } }`, { runIds, options });
}

type Summary = Record<string, unknown>;

describe('analyzeRun LANDSCAPE, SENSITIVITY, SHARPNESS and analyzeRuns INTERPOLATION', () => {
  const w = [0.4, -0.7, 0.25];

  it('LANDSCAPE: the centre of the plane is the run’s loss at its weights; the PCA plane needs a trajectory', async () => {
    const runId = await loggedLinear('landscape', w);
    const queued = await analyzeKind(runId, 'LANDSCAPE', { x: X, y: Y, loss: 'MSE', resolution: 5, span: 0.5 });
    expect(queued.errors).toBeUndefined();
    const analysis = await ended(queued.data!.analyzeRun.id);
    expect(analysis).toMatchObject({ status: 'SUCCEEDED', progress: 1 });
    const summary = analysis.summary as unknown as Summary;
    expect(summary.centerLoss as number).toBeCloseTo(mse(w, X, Y), 5);
    expect((summary.loss as number[][])[2]![2]).toBeCloseTo(mse(w, X, Y), 5);
    expect(analysis.figures[0]).toMatchObject({ id: 'landscape', kind: 'GRID' });
    const line = await ended((await analyzeKind(runId, 'LANDSCAPE', { x: X, y: Y, loss: 'MSE', dims: 1, resolution: 7 })).data!.analyzeRun.id);
    expect(line.figures[0]).toMatchObject({ id: 'landscape-1d', kind: 'LINES' });
    expect((line.summary as unknown as Summary).centerLoss as number).toBeCloseTo(mse(w, X, Y), 5);

    const pca = await analyzeKind(runId, 'LANDSCAPE', { x: X, y: Y, loss: 'MSE', plane: 'PCA' });
    expect(pca.errors?.[0]?.message).toMatch(/has 0 stored weight snapshots, and the PCA plane needs its trajectory \(at least 3\): train it with snapshotEvery, or use plane: RANDOM/);
    expect(pca.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: ['options', 'plane'] });
    const badDims = await analyzeKind(runId, 'LANDSCAPE', { x: X, y: Y, loss: 'MSE', dims: 3 });
    expect(badDims.errors?.[0]?.extensions).toMatchObject({ path: ['options', 'dims'] });
  });

  it('LANDSCAPE on the PCA plane of a trained run’s stored snapshots: the trajectory drawn on it, ending at the centre', async () => {
    const spec = {
      data: { kind: 'function', n: 32 },
      model: { name: 'tiny-pca', layers: [{ type: 'dense', units: 4, activation: 'tanh' }, { type: 'dense', units: 1, activation: 'linear' }] },
      batchSize: 8,
      epochs: 4,
      snapshotEvery: 1,
    };
    const launched = await server.run<{ launchExperiment: { runs: { id: string }[] } }>(`mutation($input: LaunchExperimentInput!) { launchExperiment(input: $input) { runs { id } } }`, { input: { spec } });
    const runId = launched.data!.launchExperiment.runs[0]!.id;
    await waitFor(async () => (await server.run<{ run: { status: string } }>(`query($id: ID!) { run(id: $id) { status } }`, { id: runId })).data?.run.status === 'SUCCEEDED', { timeoutMs: 60_000, what: 'the run to train' });
    const queued = await analyzeKind(runId, 'LANDSCAPE', { plane: 'PCA', resolution: 5 });
    expect(queued.errors).toBeUndefined();
    const analysis = await ended(queued.data!.analyzeRun.id);
    expect(analysis.status).toBe('SUCCEEDED');
    expect(analysis.summary).toMatchObject({ plane: 'pca', dims: 2 });
    const figure = analysis.figures[0] as unknown as { id: string; data: { path: { x: number; y: number }[] } };
    expect(figure.id).toBe('landscape');
    // A snapshot at the start and after each of the 4 epochs; the last is the final weights, the centre.
    expect(figure.data.path.length).toBeGreaterThanOrEqual(4);
    expect(Math.hypot(figure.data.path.at(-1)!.x, figure.data.path.at(-1)!.y)).toBeLessThan(1e-4);
  });

  it('SENSITIVITY: a linear model’s Jacobian is w, so ‖∂f/∂x‖_F = ‖w‖ at every example', async () => {
    const runId = await loggedLinear('sensitivity', w);
    const analysis = await ended((await analyzeKind(runId, 'SENSITIVITY', { x: X, y: Y, loss: 'MSE' })).data!.analyzeRun.id);
    expect(analysis.status).toBe('SUCCEEDED');
    const summary = analysis.summary as unknown as Summary;
    expect(summary).toMatchObject({ output: 'logits', samples: 8, outputSize: 1 });
    expect(summary.meanFrobeniusNorm as number).toBeCloseTo(Math.hypot(w[0]!, w[1]!), 5);
    expect(summary.std as number).toBeLessThan(1e-5);
    expect(analysis.figures[0]).toMatchObject({ id: 'sensitivity', kind: 'HISTOGRAM' });
  });

  it('SHARPNESS: 0 at radius 0, ≥ 0 and non-decreasing in ε', async () => {
    const runId = await loggedLinear('sharpness', w);
    const zero = await ended((await analyzeKind(runId, 'SHARPNESS', { x: X, y: Y, loss: 'MSE', epsilon: 0 })).data!.analyzeRun.id);
    expect((zero.summary as unknown as Summary).sharpness).toBe(0);
    const analysis = await ended((await analyzeKind(runId, 'SHARPNESS', { x: X, y: Y, loss: 'MSE', epsilon: 0.05 })).data!.analyzeRun.id);
    const radii = (analysis.summary as unknown as Summary).radii as { epsilon: number; sharpness: number }[];
    expect(radii.map((r) => r.epsilon)).toEqual([0, 0.0125, 0.025, 0.05]);
    expect(radii[0]!.sharpness).toBe(0);
    for (let k = 1; k < radii.length; k++) expect(radii[k]!.sharpness).toBeGreaterThanOrEqual(radii[k - 1]!.sharpness);
    expect(radii.at(-1)!.sharpness).toBeGreaterThan(0);
    expect(analysis.figures[0]).toMatchObject({ id: 'sharpness', kind: 'LINES' });
    const negative = await analyzeKind(runId, 'SHARPNESS', { x: X, y: Y, loss: 'MSE', epsilon: -1 });
    expect(negative.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: ['options', 'epsilon'] });
  });

  it('INTERPOLATION: α = 0 and α = 1 are the two runs’ losses, stored on both runs; different models are refused naming the field', async () => {
    const wB = [-0.3, 0.9, -0.1];
    const first = await loggedLinear('interp-a', w);
    const second = await loggedLinear('interp-b', wB);
    const queued = await analyzePair([first, second], { x: X, y: Y, loss: 'MSE', points: 5, alphaMin: -1, alphaMax: 2 });
    expect(queued.errors).toBeUndefined();
    const analysis = await ended(queued.data!.analyzeRuns.id);
    expect(analysis.status).toBe('SUCCEEDED');
    const summary = analysis.summary as unknown as Summary;
    expect(summary.alphas).toEqual([-1, -0.25, 0, 0.5, 1, 1.25, 2]);
    expect(summary.lossAtFirst as number).toBeCloseTo(mse(w, X, Y), 5);
    expect(summary.lossAtSecond as number).toBeCloseTo(mse(wB, X, Y), 5);
    // A linear model's MSE is convex in θ: the loss at α = 0.5 lies under the chord, so no barrier.
    expect(summary.barrier as number).toBeLessThan(1e-6);
    expect(analysis.figures.map((f) => f.id)).toEqual(['interpolation-loss']);
    for (const runId of [first, second]) {
      const onRun = await server.run<{ run: { analyses: { id: string; otherRunId: string | null }[] } }>(`query($id: ID!) { run(id: $id) { analyses { id otherRunId } } }`, { id: runId });
      expect(onRun.data!.run.analyses).toContainEqual({ id: analysis.id, otherRunId: second });
    }

    const wider = await loggedLinear('interp-c', [0.1, 0.2, 0.3, 0.4]);
    const refused = await analyzePair([first, wider], { x: X, y: Y, loss: 'MSE' });
    expect(refused.errors?.[0]?.message).toMatch(/have different models \(model\.inputShape\[0\] differs\): interpolation needs the same architecture/);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: ['runIds', 1] });
    const oneRunKind = await server.run(`mutation($runIds: [ID!]!) { analyzeRuns(runIds: $runIds, kind: HESSIAN) { id } }`, { runIds: [first, second] });
    expect(oneRunKind.errors?.[0]?.message).toMatch(/kind HESSIAN analyses one run: ask analyzeRun/);
    const pairKind = await analyzeKind(first, 'INTERPOLATION', { x: X, y: Y, loss: 'MSE' });
    expect(pairKind.errors?.[0]?.message).toMatch(/kind INTERPOLATION compares two runs: ask analyzeRuns/);
  });
});

describe('run analysis progress and cancellation', () => {
  it('streams RUNNING and progress events, and a cancel stops the running job at its next chunk, storing nothing', async () => {
    const { createClient } = await import('graphql-ws');
    const { default: WebSocket } = await import('ws');
    const client = createClient({ url: server.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, lazy: true });
    try {
      const first = await loggedLinear('long-a', w3());
      const second = await loggedLinear('long-b', w3().map((v) => -v));
      // 200 000 α values, one evaluation each: far longer than the test waits.
      const queued = await analyzePair([first, second], { x: X, y: Y, loss: 'MSE', points: 200_000 });
      const id = queued.data!.analyzeRuns.id;
      const events: { status: string; progress: number }[] = [];
      const streamEnded = new Promise<void>((resolve, reject) => {
        client.subscribe<{ runAnalysisEvents: { status: string; progress: number } }>(
          { query: `subscription($id: ID!) { runAnalysisEvents(id: $id) { analysisId status progress error } }`, variables: { id } },
          { next: (result) => (result.errors ? reject(new Error(JSON.stringify(result.errors))) : events.push(result.data!.runAnalysisEvents)), error: reject, complete: resolve },
        );
      });
      await waitFor(async () => events.some((e) => e.status === 'RUNNING' && e.progress > 0), { timeoutMs: 60_000, what: 'a progress event' });
      const stored = await server.run<{ runAnalysis: Analysis }>(`query($id: ID!) { runAnalysis(id: $id) { ${FIELDS} } }`, { id });
      expect(stored.data!.runAnalysis.status).toBe('RUNNING');
      expect(stored.data!.runAnalysis.progress).toBeGreaterThan(0);
      expect(stored.data!.runAnalysis.progress).toBeLessThan(1);

      const cancelled = await server.run<{ cancelRunAnalysis: Analysis }>(`mutation($id: ID!) { cancelRunAnalysis(id: $id) { ${FIELDS} } }`, { id });
      expect(cancelled.data!.cancelRunAnalysis).toMatchObject({ status: 'CANCELLED', figures: [], summary: null });
      const started = Date.now();
      await server.runtime.queue.idle(); // the worker gave the job back: it stopped computing
      expect(Date.now() - started).toBeLessThan(10_000);
      await streamEnded;
      expect(events.at(-1)).toMatchObject({ status: 'CANCELLED' });
      const progress = events.filter((e) => e.status === 'RUNNING').map((e) => e.progress);
      expect([...progress].sort((a, b) => a - b)).toEqual(progress);
      const after = await ended(id);
      expect(after).toMatchObject({ status: 'CANCELLED', figures: [], summary: null });
      expect(after.progress).toBeLessThan(1);
    } finally {
      await client.dispose();
    }
  });
});

function w3(): number[] {
  return [0.4, -0.7, 0.25];
}
