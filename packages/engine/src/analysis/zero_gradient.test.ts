import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { leastSquaresLoss, quadraticLoss, useTestBackend } from '../test-utils/analysis.js';
import { Rng } from '../util/rng.js';
import { findZeroGradientPoint } from './zero_gradient.js';

beforeAll(useTestBackend);

const adam = (lr: number) => ({ kind: 'adam', lr, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }) as const;

/** ‖∇L(θ)‖ computed independently of the search. */
function gradNormAt(loss: (t: tf.Tensor1D) => tf.Scalar, theta: tf.Tensor1D): number {
  const norm = tf.tidy(() => tf.norm(tf.grad((t) => loss(t as tf.Tensor1D))(theta)));
  const value = norm.dataSync()[0]!;
  norm.dispose();
  return value;
}

describe('findZeroGradientPoint', () => {
  it('lands on the saddle of x² − y² (gradient descent on ‖∇L‖² is attracted by saddles too)', () => {
    const loss = quadraticLoss([1, 0, 0, -1], 2);
    const before = tf.memory().numTensors;
    const theta0 = tf.tensor1d([0.5, 0.3]);
    const steps: number[] = [];
    const result = findZeroGradientPoint(loss, theta0, {
      gradNormThreshold: 1e-3,
      maxSteps: 500,
      optimizer: { kind: 'sgd', lr: 0.1, momentum: 0 },
      onStep: (step) => steps.push(step),
    });
    const [x, y] = result.theta.dataSync();
    expect(result.converged).toBe(true);
    expect(result.gradNorm).toBeLessThan(1e-3);
    expect(gradNormAt(loss, result.theta)).toBeCloseTo(result.gradNorm, 6);
    expect(Math.abs(x!)).toBeLessThan(1e-3);
    expect(Math.abs(y!)).toBeLessThan(1e-3);
    expect(result.loss).toBeCloseTo(0.5 * (x! ** 2 - y! ** 2), 7);
    expect(steps).toEqual(Array.from({ length: result.steps + 1 }, (_, i) => i));
    // θ₀ is untouched and still the caller's.
    expect(Array.from(theta0.dataSync())).toEqual([0.5, 0.3].map(Math.fround));
    tf.dispose([theta0, result.theta]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('drives least squares to ‖∇L‖ < 1e-3 with Adam, checked independently', () => {
    const m = 40;
    const n = 5;
    const rng = new Rng(2);
    const x = Array.from({ length: m * n }, () => rng.normal());
    const y = Array.from({ length: m }, () => rng.normal());
    const loss = leastSquaresLoss(x, y, m, n);
    const before = tf.memory().numTensors;
    const theta0 = tf.tensor1d(Array.from({ length: n }, () => rng.normal()));
    const result = findZeroGradientPoint(loss, theta0, { gradNormThreshold: 1e-3, maxSteps: 2000, optimizer: adam(1e-2) });
    expect(result.converged).toBe(true);
    expect(gradNormAt(loss, result.theta)).toBeLessThan(1e-3);
    tf.dispose([theta0, result.theta]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('keeps and marks a point that misses the threshold within maxSteps', () => {
    const loss = quadraticLoss([1, 0, 0, 2], 2);
    const theta0 = tf.tensor1d([1, 1]);
    const result = findZeroGradientPoint(loss, theta0, { gradNormThreshold: 1e-6, maxSteps: 3, optimizer: { kind: 'sgd', lr: 0.01, momentum: 0 } });
    expect(result.converged).toBe(false);
    expect(result.steps).toBe(3);
    expect(gradNormAt(loss, result.theta)).toBeCloseTo(result.gradNorm, 5);
    expect(result.gradNorm).toBeGreaterThan(1e-6);
    tf.dispose([theta0, result.theta]);
  });

  it('throws the abort reason without leaking', () => {
    const loss = quadraticLoss([1, 0, 0, 2], 2);
    const before = tf.memory().numTensors;
    const theta0 = tf.tensor1d([1, 1]);
    const controller = new AbortController();
    expect(() =>
      findZeroGradientPoint(loss, theta0, {
        gradNormThreshold: 1e-9,
        maxSteps: 100,
        optimizer: adam(1e-3),
        signal: controller.signal,
        onStep: (step) => step === 2 && controller.abort(new Error('stop')),
      }),
    ).toThrow('stop');
    theta0.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects a non-positive threshold', () => {
    const theta0 = tf.tensor1d([1]);
    expect(() => findZeroGradientPoint(quadraticLoss([1], 1), theta0, { gradNormThreshold: 0, maxSteps: 1, optimizer: adam(1e-3) })).toThrow(
      /findZeroGradientPoint: options.gradNormThreshold/,
    );
    theta0.dispose();
  });
});
