import { beforeAll, describe, expect, it } from 'vitest';
import { symmetricEigenvalues } from '../analysis/eigen.js';
import { useTestBackend } from '../test-utils/analysis.js';
import { buildModel } from '../models/model.js';
import { mlpSpec } from '../models/zoo.js';
import type { ModelSpec } from '../models/spec.js';
import { Rng } from '../util/rng.js';
import { analyzeRunPair, analyzeRunWeights, type RunAnalysisInput } from './run-analysis.js';

beforeAll(useTestBackend);

/** A linear model ŷ = wᵀx + b under mean((ŷ − y)²): its Hessian is 2·AᵀA/m with A = [X 1], whatever the weights. */
function linearRun(m: number, n: number): { input: RunAnalysisInput; expected: number[] } {
  const rng = new Rng(7);
  const x = Array.from({ length: m * n }, () => rng.normal());
  const y = Array.from({ length: m }, () => rng.normal());
  const model = mlpSpec('linear', [], 1);
  const numParams = buildModel(model, [n]).numParams;
  const theta = Float32Array.from({ length: numParams }, () => rng.normal());
  const p = n + 1;
  const h = new Float64Array(p * p);
  for (let r = 0; r < m; r++) {
    const row = [...x.slice(r * n, r * n + n), 1];
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) h[i * p + j]! += (2 * row[i]! * row[j]!) / m;
  }
  const expected = Array.from(symmetricEigenvalues({ size: p, data: h })).sort((a, b) => a - b);
  return { input: { model, inputShape: [n], theta, state: new Float32Array(0), loss: 'mse', data: { inline: { x, y } } }, expected };
}

describe('analyzeRunWeights hessian', () => {
  it('gives every eigenvalue of a linear model’s closed-form Hessian 2·AᵀA/m (exact method)', async () => {
    const { input, expected } = linearRun(40, 5);
    const progress: number[] = [];
    const result = await analyzeRunWeights('hessian', input, {}, { onProgress: (f) => progress.push(f) });
    expect(result.summary.method).toBe('exact');
    const got = result.summary.eigenvalues as number[];
    expect(got).toHaveLength(6);
    for (let i = 0; i < 6; i++) expect(Math.abs(got[i]! - expected[i]!)).toBeLessThan(1e-4 * Math.max(1, ...expected.map(Math.abs)));
    const figure = result.figures[0];
    expect(figure?.data.kind).toBe('scatter');
    if (figure?.data.kind === 'scatter') expect(figure.data.points.map((pt) => pt.y)).toEqual(got);
    // Eigenvalues of both signs spanning decades: drawn on a symmetric-log y axis.
    if (figure?.data.kind === 'scatter') expect(figure.data.y.scale).toBe('symlog');
    expect(progress.at(-1)).toBe(1);
  });

  it('estimates the extremes by Lanczos and the trace by Hutchinson when asked (or above maxExactParams)', async () => {
    const { input, expected } = linearRun(40, 5);
    const result = await analyzeRunWeights('hessian', input, { maxExactParams: 3, topK: 2, bottomK: 1 });
    expect(result.summary.method).toBe('lanczos');
    const top = result.summary.top as number[];
    expect(Math.abs(top[0]! - expected[5]!)).toBeLessThan(1e-3 * expected[5]!);
    const trace = expected.reduce((a, b) => a + b, 0);
    const stderr = result.summary.traceStandardError as number;
    expect(Math.abs((result.summary.trace as number) - trace)).toBeLessThan(4 * stderr + 1e-3 * trace);
  });

  it('names the field when the inline examples do not fit the model', async () => {
    const { input } = linearRun(4, 5);
    const bad = { ...input, data: { inline: { x: [1, 2, 3], y: [0, 1] } } };
    await expect(analyzeRunWeights('hessian', bad, {})).rejects.toThrow(/options\.data\.x has 3 numbers but 2 examples of shape \[5\] need 10/);
    await expect(analyzeRunWeights('hessian', { ...input, theta: new Float32Array(2) }, {})).rejects.toThrow(/weights have 2 parameters but its model linear has 6/);
  });
});

function tanhSpec(hidden: number): ModelSpec {
  return { name: `tanh-2-${hidden}-1`, layers: [{ type: 'dense', units: hidden, activation: 'tanh' }, { type: 'dense', units: 1, activation: 'linear' }] };
}

/** A 2 → 3 (tanh) → 1 net with fixed weights and a few inline examples under MSE. */
function tanhRun(seed = 3, m = 6): RunAnalysisInput {
  const rng = new Rng(seed);
  const model = tanhSpec(3);
  const numParams = buildModel(model, [2]).numParams;
  return {
    model,
    inputShape: [2],
    theta: Float32Array.from({ length: numParams }, () => rng.normal() * 0.8),
    state: new Float32Array(0),
    loss: 'mse',
    data: { inline: { x: Array.from({ length: 2 * m }, () => rng.normal()), y: Array.from({ length: m }, () => rng.normal()) } },
  };
}

async function lossAt(input: RunAnalysisInput): Promise<number> {
  return (await analyzeRunWeights('landscape', input, { dims: 1, resolution: 3 })).summary.centerLoss as number;
}

describe('analyzeRunWeights landscape', () => {
  it('centres the plane on the run’s loss, draws a grid, and refuses the PCA plane without a trajectory', async () => {
    const input = tanhRun();
    const hessian = await analyzeRunWeights('hessian', input, {});
    const progress: number[] = [];
    const result = await analyzeRunWeights('landscape', input, { dims: 2, resolution: 5, span: 0.5 }, { onProgress: (f) => progress.push(f) });
    const loss = result.summary.loss as number[][];
    expect(result.summary.centerLoss as number).toBeCloseTo(hessian.summary.loss as number, 5);
    expect(loss[2]![2]).toBeCloseTo(hessian.summary.loss as number, 5);
    expect(result.figures[0]).toMatchObject({ id: 'landscape', data: { kind: 'grid', xs: [-0.5, -0.25, 0, 0.25, 0.5] } });
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toBe(1);
    await expect(analyzeRunWeights('landscape', input, { plane: 'pca' })).rejects.toThrow(/PCA plane needs the run's trajectory: at least 3 stored weight snapshots, and this run has 0/);
  });

  it('lays the PCA plane through the trajectory: the snapshots project onto it with no residual when they lie in a plane', async () => {
    const input = tanhRun();
    const rng = new Rng(11);
    const u = Float32Array.from(input.theta, () => rng.normal() * 0.1);
    const v = Float32Array.from(input.theta, () => rng.normal() * 0.1);
    const snapshots = [[3, 1], [2, -1], [1, 0.5], [0.4, 0.1]].map(([a, b], epoch) => ({ epoch, theta: Float32Array.from(input.theta, (t, i) => t + a! * u[i]! + b! * v[i]!) }));
    const result = await analyzeRunWeights('landscape', { ...input, snapshots }, { plane: 'pca', resolution: 3 });
    expect(result.summary.pathResidualMax as number).toBeLessThan(1e-3);
    const figure = result.figures[0]!;
    expect(figure.data.kind === 'grid' && figure.data.path?.length).toBe(4);
  });
});

describe('analyzeRunWeights sensitivity', () => {
  it('equals the mean Frobenius norm of a central-difference Jacobian of the outputs', async () => {
    const input = tanhRun(5, 4);
    const result = await analyzeRunWeights('sensitivity', input, {});
    // The MSE of one example with y = 0 is f(x)², so |f(x)| is read through the run's own loss; |f|'s gradient has f's norm.
    const x = (input.data as { inline: { x: number[] } }).inline.x;
    const f = async (point: number[]) => Math.sqrt(await lossAt({ ...input, data: { inline: { x: point, y: [0] } } }));
    const h = 1e-2;
    let sum = 0;
    for (let r = 0; r < 4; r++) {
      const p = x.slice(2 * r, 2 * r + 2);
      let squares = 0;
      for (let d = 0; d < 2; d++) {
        const up = [...p];
        const down = [...p];
        up[d]! += h;
        down[d]! -= h;
        squares += ((await f(up)) - (await f(down))) ** 2 / (2 * h) ** 2;
      }
      sum += Math.sqrt(squares);
    }
    expect(result.summary).toMatchObject({ output: 'logits', samples: 4, outputSize: 1 });
    expect(result.summary.meanFrobeniusNorm as number).toBeCloseTo(sum / 4, 2);
    expect(result.figures[0]).toMatchObject({ id: 'sensitivity', data: { kind: 'histogram' } });
  });
});

describe('analyzeRunWeights sharpness', () => {
  it('is 0 at radius 0, ≥ 0 and rising with the box', async () => {
    const input = tanhRun();
    const zero = await analyzeRunWeights('sharpness', input, { epsilon: 0 });
    expect(zero.summary.sharpness).toBe(0);
    const result = await analyzeRunWeights('sharpness', input, { epsilon: 0.05 });
    const radii = result.summary.radii as { epsilon: number; sharpness: number }[];
    expect(radii.map((r) => r.epsilon)).toEqual([0, 0.0125, 0.025, 0.05]);
    expect(radii[0]!.sharpness).toBe(0);
    for (let k = 1; k < radii.length; k++) expect(radii[k]!.sharpness).toBeGreaterThanOrEqual(radii[k - 1]!.sharpness);
    expect(result.summary.sharpness as number).toBeGreaterThan(0);
  });

  it('stops at the next chunk when its signal is aborted, leaving no tensors behind', async () => {
    const input = tanhRun();
    const controller = new AbortController();
    const tf = await import('@tensorflow/tfjs');
    const before = tf.memory().numTensors;
    let chunks = 0;
    const running = analyzeRunWeights('sharpness', input, { epsilon: 0.05, maxSteps: 1000 }, {
      signal: controller.signal,
      onProgress: () => {
        if (++chunks === 3) controller.abort(new Error('cancelled by request'));
      },
    });
    await expect(running).rejects.toThrow(/cancelled by request/);
    expect(chunks).toBe(3);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('analyzeRunPair interpolation', () => {
  it('reproduces each run’s loss at α = 0 and α = 1, and names the field when the models differ', async () => {
    const a = tanhRun(3);
    const b = { ...tanhRun(4), data: a.data };
    const result = await analyzeRunPair('interpolation', a, b, { points: 5, alphaMin: -1, alphaMax: 2 });
    expect(result.summary.alphas).toEqual([-1, -0.25, 0, 0.5, 1, 1.25, 2]);
    expect(result.summary.lossAtFirst as number).toBeCloseTo(await lossAt(a), 5);
    expect(result.summary.lossAtSecond as number).toBeCloseTo(await lossAt(b), 5);
    expect(result.summary.barrier as number).toBeGreaterThanOrEqual(0);
    const other = { ...b, model: tanhSpec(4), theta: new Float32Array(buildModel(tanhSpec(4), [2]).numParams) };
    await expect(analyzeRunPair('interpolation', a, other, {})).rejects.toThrow(/must share a model to interpolate between them: model\.layers\[0\]\.units differs/);
  });
});

describe('analyzeRunWeights hessian in chunks', () => {
  it('stops the exact Hessian between chunks of Hessian-vector products when aborted', async () => {
    const rng = new Rng(2);
    const model = mlpSpec('mlp-10-12-1', [12], 1);
    const numParams = buildModel(model, [10]).numParams; // 145: two chunks of products
    const input: RunAnalysisInput = {
      model,
      inputShape: [10],
      theta: Float32Array.from({ length: numParams }, () => rng.normal() * 0.3),
      state: new Float32Array(0),
      loss: 'mse',
      data: { inline: { x: Array.from({ length: 40 }, () => rng.normal()), y: Array.from({ length: 4 }, () => rng.normal()) } },
    };
    const controller = new AbortController();
    const seen: number[] = [];
    const running = analyzeRunWeights('hessian', input, { method: 'exact' }, {
      signal: controller.signal,
      onProgress: (f) => {
        seen.push(f);
        if (f > 0.05) controller.abort(new Error('cancelled by request'));
      },
    });
    await expect(running).rejects.toThrow(/cancelled by request/);
    expect(seen.filter((f) => f > 0.05)).toHaveLength(1); // one chunk done, then stopped
  });
});
