import { beforeAll, describe, expect, it } from 'vitest';
import { symmetricEigenvalues } from '../analysis/eigen.js';
import { useTestBackend } from '../test-utils/analysis.js';
import { buildModel } from '../models/model.js';
import { mlpSpec } from '../models/zoo.js';
import { Rng } from '../util/rng.js';
import { analyzeRunWeights, type RunAnalysisInput } from './run-analysis.js';

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
