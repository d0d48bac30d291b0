import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../models/model.js';
import { linspace, useTestBackend } from '../test-utils/analysis.js';
import { lossFunction } from '../train/losses.js';
import { criticalPointAnalysis, minimalRatio } from './minimal_ratio.js';

beforeAll(useTestBackend);

describe('minimalRatio', () => {
  it('counts eigenvalues above the relative tolerance', () => {
    const result = minimalRatio([-2, -1e-7, 0, 5e-6, 1e-3, 3, 10]);
    expect(result.tolerance).toBeCloseTo(1e-4, 12);
    expect(result).toMatchObject({ positive: 3, negative: 1, nearZero: 3, total: 7, toleranceRule: { kind: 'relative', factor: 1e-5 } });
    expect(result.minimalRatio).toBeCloseTo(3 / 7, 12);
  });

  it('takes an absolute tolerance', () => {
    const result = minimalRatio([-1, 0.5, 2], { absolute: 1 });
    expect(result).toMatchObject({ positive: 1, negative: 0, nearZero: 2, tolerance: 1, toleranceRule: { kind: 'absolute' } });
  });

  it('rejects empty and non-finite input', () => {
    expect(() => minimalRatio([])).toThrow(/minimalRatio: eigenvalues must not be empty/);
    expect(() => minimalRatio([1, NaN])).toThrow(/eigenvalues\[1\] is NaN/);
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
