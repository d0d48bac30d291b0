import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { linspace, quadraticLoss, tinyNetLoss, useTestBackend } from '../test-utils/analysis.js';
import { Rng } from '../util/rng.js';
import { hessianSpectrum } from './hessian.js';
import { lanczosEigenvalues } from './lanczos.js';

beforeAll(useTestBackend);

/** Q Λ Qᵀ for a random orthogonal Q (Gram–Schmidt), row-major. */
function matrixWithSpectrum(spectrum: number[], seed: number): number[] {
  const n = spectrum.length;
  const rng = new Rng(seed);
  const q = Array.from({ length: n }, () => Array.from({ length: n }, () => rng.normal()));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const d = q[i]!.reduce((s, x, k) => s + x * q[j]![k]!, 0);
      q[i] = q[i]!.map((x, k) => x - d * q[j]![k]!);
    }
    const norm = Math.hypot(...q[i]!);
    q[i] = q[i]!.map((x) => x / norm);
  }
  const a: number[] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a.push(spectrum.reduce((s, l, k) => s + q[k]![i]! * l * q[k]![j]!, 0));
  return a;
}

describe('lanczosEigenvalues', () => {
  it('finds the extremes of a known spectrum (relative 1e-3 of the largest)', () => {
    const n = 80;
    const rng = new Rng(1);
    // A Hessian-like spectrum: a few outliers, a bulk near zero, a few negative values.
    const spectrum = [50, 30, 20, -4, -1, ...Array.from({ length: n - 5 }, () => rng.normal() * 0.3)];
    const loss = quadraticLoss(matrixWithSpectrum(spectrum, 2), n);
    const before = tf.memory().numTensors;
    const theta = tf.zeros([n]) as tf.Tensor1D;
    const result = lanczosEigenvalues(loss, theta, { topK: 3, bottomK: 2, maxIterations: 60, tolerance: 1e-6 });
    theta.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(result.top).toHaveLength(3);
    [50, 30, 20].forEach((value, i) => expect(Math.abs(result.top[i]! - value)).toBeLessThan(5e-2));
    [-4, -1].forEach((value, i) => expect(Math.abs(result.bottom[i]! - value)).toBeLessThan(5e-2));
    expect(result.converged).toBe(true);
    expect(result.iterations).toBeLessThan(60);
    expect(result.tolerance).toBe(1e-6);
  });

  it('is exact when the Krylov space becomes invariant (rank-2 Hessian)', () => {
    const n = 10;
    // H = 3·uuᵀ − 2·wwᵀ with orthonormal u, w: eigenvalues 3, −2 and eight zeros.
    const u = Array.from({ length: n }, (_, i) => (i < 5 ? 1 : 0) / Math.sqrt(5));
    const w = Array.from({ length: n }, (_, i) => (i >= 5 ? 1 : 0) / Math.sqrt(5));
    const a: number[] = [];
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a.push(3 * u[i]! * u[j]! - 2 * w[i]! * w[j]!);
    const theta = tf.zeros([n]) as tf.Tensor1D;
    const result = lanczosEigenvalues(quadraticLoss(a, n), theta, { topK: 1, bottomK: 1 });
    theta.dispose();
    expect(result.converged).toBe(true);
    expect(result.iterations).toBeLessThanOrEqual(3);
    expect(result.top[0]).toBeCloseTo(3, 5);
    expect(result.bottom[0]).toBeCloseTo(-2, 5);
  });

  it('agrees with the exact Hessian spectrum of a small softplus net', () => {
    const xs = linspace(-1, 1, 60);
    const loss = tinyNetLoss('softplus', xs, xs.map((x) => Math.sin(4 * x)), 12);
    const rng = new Rng(3);
    const theta = tf.tensor1d(Array.from({ length: 37 }, () => rng.normal()));
    const exact = hessianSpectrum(loss, theta).eigenvalues;
    const result = lanczosEigenvalues(loss, theta, { topK: 2, bottomK: 1, maxIterations: 37 });
    theta.dispose();
    const scale = Math.max(...exact.map(Math.abs));
    expect(Math.abs(result.top[0]! - exact[exact.length - 1]!)).toBeLessThan(1e-3 * scale);
    expect(Math.abs(result.top[1]! - exact[exact.length - 2]!)).toBeLessThan(1e-3 * scale);
    expect(Math.abs(result.bottom[0]! - exact[0]!)).toBeLessThan(1e-3 * scale);
  });

  it('rejects asking for nothing', () => {
    const theta = tf.zeros([2]) as tf.Tensor1D;
    expect(() => lanczosEigenvalues(quadraticLoss([1, 0, 0, 1], 2), theta, { topK: 0, bottomK: 0 })).toThrow(/lanczosEigenvalues: options.topK/);
    theta.dispose();
  });
});
