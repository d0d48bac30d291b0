import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { leastSquaresLoss, linspace, quadraticLoss, randomSymmetric, tinyNetLoss, useTestBackend } from '../test-utils/analysis.js';
import { Rng } from '../util/rng.js';
import { buildModel } from '../models/model.js';
import { lossFunction } from '../train/losses.js';
import { modelBatchedLoss } from './evaluator.js';
import { exactHessian, hessianSpectrum } from './hessian.js';

beforeAll(useTestBackend);

describe('exactHessian', () => {
  it('is A for the quadratic ½θᵀAθ (float32: 1e-5 of max |A|)', () => {
    const n = 12;
    const rng = new Rng(3);
    const a = randomSymmetric(n, () => rng.normal());
    const before = tf.memory().numTensors;
    const theta = tf.tensor1d(Array.from({ length: n }, () => rng.normal()));
    const hessian = exactHessian(quadraticLoss(a, n), theta, { chunkSize: 5 });
    theta.dispose();
    expect(tf.memory().numTensors).toBe(before);
    const scale = Math.max(...a.map(Math.abs));
    for (let i = 0; i < n * n; i++) expect(Math.abs(hessian.data[i]! - a[i]!)).toBeLessThan(1e-5 * scale);
    expect(hessian.relativeAsymmetry).toBeLessThan(1e-6);
  });

  it('is XᵀX/m for least squares ½·mean((Xθ − y)²)', () => {
    const m = 30;
    const n = 8;
    const rng = new Rng(4);
    const x = Array.from({ length: m * n }, () => rng.normal());
    const y = Array.from({ length: m }, () => rng.normal());
    const before = tf.memory().numTensors;
    const theta = tf.tensor1d(Array.from({ length: n }, () => rng.normal()));
    const hessian = exactHessian(leastSquaresLoss(x, y, m, n), theta);
    theta.dispose();
    expect(tf.memory().numTensors).toBe(before);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let expected = 0;
        for (let r = 0; r < m; r++) expected += x[r * n + i]! * x[r * n + j]!;
        expected /= m;
        expect(Math.abs(hessian.data[i * n + j]! - expected)).toBeLessThan(1e-5 * (1 + Math.abs(expected)));
      }
    }
  });

  it('is exactly symmetric after symmetrisation and reports the raw asymmetry of a net', () => {
    const xs = linspace(-1, 1, 50);
    const loss = tinyNetLoss('softplus', xs, xs.map((x) => x * x), 10);
    const rng = new Rng(9);
    const theta = tf.tensor1d(Array.from({ length: 31 }, () => rng.normal()));
    const hessian = exactHessian(loss, theta);
    theta.dispose();
    for (let i = 0; i < 31; i++) for (let j = 0; j < 31; j++) expect(hessian.data[i * 31 + j]).toBe(hessian.data[j * 31 + i]);
    expect(hessian.maxAsymmetry).toBeGreaterThanOrEqual(0);
    expect(hessian.relativeAsymmetry).toBeLessThan(1e-4);
  });
});

describe('hessianSpectrum', () => {
  it('gives the eigenvalues of a diagonal quadratic as plain numbers', () => {
    const diagonal = [4, -2, 0.5, 3];
    const a = [4, 0, 0, 0, 0, -2, 0, 0, 0, 0, 0.5, 0, 0, 0, 0, 3];
    const theta = tf.tensor1d([1, 1, 1, 1]);
    const spectrum = hessianSpectrum(quadraticLoss(a, 4), theta);
    theta.dispose();
    expect(Array.isArray(spectrum.eigenvalues)).toBe(true);
    const sorted = [...diagonal].sort((p, q) => p - q);
    spectrum.eigenvalues.forEach((value, i) => expect(value).toBeCloseTo(sorted[i]!, 5));
    expect(JSON.parse(JSON.stringify(spectrum))).toEqual(spectrum);
  });
});

describe('exactHessian through an ensemble pass (modelBatchedLoss)', () => {
  for (const loss of ['mse', 'cross-entropy'] as const) {
    it(`equals the per-vector Hessian of a dense ${loss} model`, () => {
      const outputs = loss === 'mse' ? 1 : 3;
      const model = buildModel({ name: 'd', layers: [{ type: 'dense', units: 6, activation: 'softplus' }, { type: 'dense', units: outputs }] }, [2]);
      const before = tf.memory().numTensors;
      const rng = new Rng(31);
      const x = tf.tensor2d(Array.from({ length: 20 }, () => rng.normal()), [10, 2]);
      const y = loss === 'mse' ? tf.tensor2d(Array.from({ length: 10 }, () => rng.normal()), [10, 1]) : tf.tensor1d(Array.from({ length: 10 }, (_, i) => i % 3));
      const theta = model.init(2);
      const looped = exactHessian(lossFunction(model, x, y, loss, { training: false }), theta);
      const batchedLoss = modelBatchedLoss(model, { x, y }, loss)!;
      const vectorised = exactHessian(lossFunction(model, x, y, loss, { training: false }), theta, { batchedLoss, chunkSize: 7 });
      tf.dispose([x, y, theta]);
      expect(tf.memory().numTensors).toBe(before);
      const scale = Math.max(...Array.from(looped.data, Math.abs));
      for (let i = 0; i < looped.data.length; i++) expect(Math.abs(vectorised.data[i]! - looped.data[i]!)).toBeLessThan(1e-5 * scale);
    });
  }
});
