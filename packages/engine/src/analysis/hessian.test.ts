import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { leastSquaresLoss, linspace, quadraticLoss, randomSymmetric, tinyNetLoss, useTestBackend } from '../test-utils/analysis.js';
import { Rng } from '../util/rng.js';
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
