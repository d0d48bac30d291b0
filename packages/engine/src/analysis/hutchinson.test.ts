import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { quadraticLoss, randomSymmetric, useTestBackend } from '../test-utils/analysis.js';
import { Rng } from '../util/rng.js';
import { hutchinsonTrace } from './hutchinson.js';

beforeAll(useTestBackend);

describe('hutchinsonTrace', () => {
  it('is exact for a diagonal Hessian (vᵀDv = tr D for ±1 probes)', () => {
    const diagonal = [3, -1, 0.5, 2, 7];
    const n = diagonal.length;
    const a = Array.from({ length: n * n }, (_, k) => (k % (n + 1) === 0 ? diagonal[k / (n + 1)]! : 0));
    const before = tf.memory().numTensors;
    const theta = tf.ones([n]) as tf.Tensor1D;
    const result = hutchinsonTrace(quadraticLoss(a, n), theta, { seed: 4 });
    theta.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(result.trace).toBeCloseTo(11.5, 4);
    expect(result.standardError).toBeLessThan(1e-4);
    expect(result.converged).toBe(true);
    expect(result.samples).toBe(10);
  });

  it('is within 4 standard errors of tr A for a dense A, with the error matching √(2Σ_{i≠j}A²ᵢⱼ / N)', () => {
    const n = 30;
    const rng = new Rng(8);
    const a = randomSymmetric(n, () => rng.normal()).map((x, k) => (k % (n + 1) === 0 ? x + 5 : x));
    let trace = 0;
    let offDiagonalSquares = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) i === j ? (trace += a[i * n + j]!) : (offDiagonalSquares += a[i * n + j]! ** 2);
    const theta = tf.zeros([n]) as tf.Tensor1D;
    const result = hutchinsonTrace(quadraticLoss(a, n), theta, { maxSamples: 400, tolerance: 1e-9, seed: 1 });
    theta.dispose();
    expect(result.converged).toBe(false);
    expect(result.samples).toBe(400);
    expect(Math.abs(result.trace - trace)).toBeLessThan(4 * result.standardError);
    const theoretical = Math.sqrt((2 * offDiagonalSquares) / 400);
    expect(result.standardError / theoretical).toBeGreaterThan(0.8);
    expect(result.standardError / theoretical).toBeLessThan(1.25);
  });
});
