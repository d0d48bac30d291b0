import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../models/model.js';
import { linspace, useTestBackend } from '../test-utils/analysis.js';
import { lossFunction } from '../train/losses.js';
import { deadReluUnits } from './dead_units.js';
import { adamStepNorm, criticalPointAnalysis, flatTolerance, minimalRatio } from './minimal_ratio.js';

beforeAll(useTestBackend);

describe('flatTolerance', () => {
  it('is 2√n·ε₃₂·max|λ| from float32 noise alone, or 2√n·asymmetry when that is larger', () => {
    const spectrum = [-2, 0, 1, 4, 16];
    const noiseOnly = flatTolerance({ eigenvalues: spectrum });
    expect(noiseOnly.noise).toBeCloseTo(2 * Math.sqrt(5) * 2 ** -23 * 16, 15);
    expect(noiseOnly).toMatchObject({ gradient: 0, floor: 0, tolerance: noiseOnly.noise });
    expect(flatTolerance({ eigenvalues: spectrum, maxAsymmetry: 1e-3 }).noise).toBeCloseTo(2 * Math.sqrt(5) * 1e-3, 15);
  });

  it('is the gradient threshold over one search step when that is larger, and lr·√n for Adam', () => {
    expect(adamStepNorm(1e-3, 100)).toBeCloseTo(1e-2, 15);
    const result = flatTolerance({ eigenvalues: [1, 2], gradNorm: 1e-3, stepNorm: adamStepNorm(1e-3, 100) });
    expect(result.gradient).toBeCloseTo(0.1, 12);
    expect(result.tolerance).toBe(result.gradient);
  });

  it('names the field that is missing or wrong', () => {
    expect(() => flatTolerance({ eigenvalues: [] })).toThrow(/flatTolerance: eigenvalues must not be empty/);
    expect(() => flatTolerance({ eigenvalues: [1], gradNorm: 1e-3 })).toThrow(/stepNorm must be a finite number > 0/);
    expect(() => flatTolerance({ eigenvalues: [1], stepNorm: 1 })).toThrow(/gradNorm must be a finite number ≥ 0/);
  });
});

describe('minimalRatio', () => {
  it('a spectrum with k exactly flat directions: positive/n over all, positive/(n − k) over the non-flat', () => {
    // Q·diag(λ)·Qᵀ with 3 zero eigenvalues (dead units, symmetries), as float32 HVPs would see it:
    // the zeros come back as ± a few ε₃₂·max|λ|, below the noise limit; the rest well above it.
    const eps = 2 ** -23;
    const spectrum = [-0.5, 3 * eps * 10, -2 * eps * 10, 0, 0.2, 1, 10];
    const result = minimalRatio(spectrum);
    expect(result.toleranceRule.kind).toBe('derived');
    expect(result.tolerance).toBeCloseTo(2 * Math.sqrt(7) * eps * 10, 15);
    expect(result).toMatchObject({ positive: 3, negative: 1, flat: 3, total: 7 });
    expect(result.minimalRatio).toBeCloseTo(3 / 7, 12);
    expect(result.minimalRatioNonFlat).toBeCloseTo(3 / 4, 12);
  });

  it('the gradient term turns small curvatures flat: |λ| ≤ g/r counts as neither sign', () => {
    // g = 1e-3, r = 1e-2: τ = 0.1; ±0.05 are flat, ±0.5 are not.
    const result = minimalRatio([-0.5, -0.05, 0.05, 0.5, 2], { derived: { gradNorm: 1e-3, stepNorm: 1e-2 } });
    expect(result.tolerance).toBeCloseTo(0.1, 12);
    expect(result).toMatchObject({ positive: 2, negative: 1, flat: 2 });
    expect(result.minimalRatio).toBeCloseTo(2 / 5, 12);
    expect(result.minimalRatioNonFlat).toBeCloseTo(2 / 3, 12);
  });

  it('takes a relative or absolute tolerance instead', () => {
    const relative = minimalRatio([-2, -1e-7, 0, 5e-6, 1e-3, 3, 10], { relative: 1e-5 });
    expect(relative.tolerance).toBeCloseTo(1e-4, 12);
    expect(relative).toMatchObject({ positive: 3, negative: 1, flat: 3, total: 7, toleranceRule: { kind: 'relative', factor: 1e-5 } });
    const absolute = minimalRatio([-1, 0.5, 2], { absolute: 1 });
    expect(absolute).toMatchObject({ positive: 1, negative: 0, flat: 2, tolerance: 1, toleranceRule: { kind: 'absolute' } });
  });

  it('is NaN over the non-flat when every direction is flat', () => {
    expect(minimalRatio([0, 0, 0]).minimalRatioNonFlat).toBeNaN();
  });

  it('rejects empty and non-finite input', () => {
    expect(() => minimalRatio([])).toThrow(/minimalRatio: eigenvalues must not be empty/);
    expect(() => minimalRatio([1, NaN])).toThrow(/eigenvalues\[1\] is NaN/);
  });
});

describe('deadReluUnits', () => {
  it('counts a unit whose pre-activation is ≤ 0 on every input, and its weights are exactly flat', () => {
    const model = buildModel({ name: 'dead', layers: [{ type: 'dense', units: 3, activation: 'relu' }, { type: 'dense', units: 1 }] }, [1]);
    // θ = [W1 (1×3), b1 (3), W2 (3×1), b2]; unit 2 has w = −1, b = −5: w·x + b ≤ −4 on [−1, 1].
    const theta = new Float32Array([1, -2, -1, 0.1, 0.2, -5, 0.5, -0.7, 0.9, 0.05]);
    const xs = linspace(-1, 1, 32);
    const x = tf.tensor2d(xs, [32, 1]);
    const y = tf.tensor2d(xs.map((v) => v * v), [32, 1]);
    const before = tf.memory().numTensors;
    expect(deadReluUnits(model, theta, x)).toEqual({ dead: 1, units: 3, layers: [{ layerName: 'dense_1', units: 3, dead: 1 }] });
    expect(tf.memory().numTensors).toBe(before);
    const result = criticalPointAnalysis({ model, theta, data: { x, y }, loss: 'mse', maxSteps: 0 });
    expect(result.deadUnits?.dead).toBe(1);
    // Its incoming weight, bias and outgoing weight are three zero rows of H: three eigenvalues
    // at the eigensolver's float64 round-off, far below any float32 noise.
    const scale = Math.max(...result.eigenvalues.map(Math.abs));
    expect(result.eigenvalues.filter((l) => Math.abs(l) < 1e-12 * scale).length).toBeGreaterThanOrEqual(3);
    expect(result.minimalRatio.flat).toBeGreaterThanOrEqual(3);
    tf.dispose([x, y]);
  });

  it('leaves models it cannot count (convolutions) undefined', () => {
    const model = buildModel({ name: 'c', layers: [{ type: 'conv2d', filters: 1, kernelSize: 1, activation: 'relu' }, { type: 'flatten' }, { type: 'dense', units: 1 }] }, [2, 2, 1]);
    const theta = model.init(0);
    const x = tf.zeros([1, 2, 2, 1]);
    expect(deadReluUnits(model, theta, x)).toBeUndefined();
    tf.dispose([theta, x]);
  });
});

describe('criticalPointAnalysis', () => {
  it('reaches ‖∇L‖ < 1e-3 on a softplus MLP and reports its full spectrum and minimal ratio', () => {
    const model = buildModel({ name: 'tiny', layers: [{ type: 'dense', units: 6, activation: 'softplus' }, { type: 'dense', units: 1 }] }, [1]);
    const xsValues = linspace(-1, 1, 64);
    const before = tf.memory().numTensors;
    const x = tf.tensor2d(xsValues, [64, 1]);
    const y = tf.tensor2d(xsValues.map((v) => Math.sin(5 * v) / 2), [64, 1]);
    const theta = model.init(1);
    const result = criticalPointAnalysis({
      model,
      theta,
      data: { x, y },
      loss: 'mse',
      maxSteps: 3000,
      optimizer: { kind: 'adam', lr: 1e-2, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
    });
    expect(result.converged).toBe(true);
    expect(result.gradNorm).toBeLessThan(1e-3);
    expect(result.eigenvalues).toHaveLength(model.numParams);
    expect(result.minimalRatio.minimalRatio).toBeCloseTo(result.eigenvalues.filter((l) => l > result.minimalRatio.tolerance).length / model.numParams, 12);
    // The loss reported is the model's loss at the point: not above where training started.
    const startLoss = tf.tidy(() => lossFunction(model, x, y, 'mse', { training: false })(theta).dataSync()[0]!);
    expect(result.loss).toBeLessThanOrEqual(startLoss);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    tf.dispose([x, y, theta]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('keeps a point that does not converge, marked', () => {
    const model = buildModel({ name: 'tiny', layers: [{ type: 'dense', units: 3, activation: 'relu' }, { type: 'dense', units: 1 }] }, [1]);
    const x = tf.tensor2d([-1, 0, 1], [3, 1]);
    const y = tf.tensor2d([1, 0, 1], [3, 1]);
    const theta = model.init(0).dataSync() as Float32Array;
    const result = criticalPointAnalysis({ model, theta, data: { x, y }, loss: 'mse', threshold: 1e-9, maxSteps: 2 });
    expect(result.converged).toBe(false);
    expect(result.steps).toBe(2);
    expect(result.eigenvalues).toHaveLength(model.numParams);
    // The same spectrum with one HVP per vector instead of ensemble passes.
    const looped = criticalPointAnalysis({ model, theta, data: { x, y }, loss: 'mse', threshold: 1e-9, maxSteps: 2, vectorizeHvps: false });
    const scale = Math.max(...result.eigenvalues.map(Math.abs));
    looped.eigenvalues.forEach((value, i) => expect(Math.abs(value - result.eigenvalues[i]!)).toBeLessThan(1e-5 * scale));
    tf.dispose([x, y]);
  });
});
