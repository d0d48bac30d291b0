import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { quadraticLoss, useTestBackend } from '../test-utils/analysis.js';
import { epsilonSharpness } from './sharpness.js';
import type { LossFn } from './types.js';

beforeAll(useTestBackend);

describe('epsilonSharpness', () => {
  it('finds the box maximum of a convex quadratic: the corner δᵢ = sign(θᵢ)·ε(|θᵢ|+1)', () => {
    const a = [2, 0.5, 1];
    const theta0 = [1, -2, 0.5];
    const epsilon = 0.05;
    const loss = quadraticLoss([2, 0, 0, 0, 0.5, 0, 0, 0, 1], 3);
    const before = tf.memory().numTensors;
    const theta = tf.tensor1d(theta0);
    const result = epsilonSharpness(loss, theta, { epsilon });
    theta.dispose();
    expect(tf.memory().numTensors).toBe(before);
    const base = 0.5 * a.reduce((s, ai, i) => s + ai * theta0[i]! ** 2, 0);
    const max = 0.5 * a.reduce((s, ai, i) => s + ai * (Math.abs(theta0[i]!) + epsilon * (Math.abs(theta0[i]!) + 1)) ** 2, 0);
    expect(result.loss).toBeCloseTo(base, 5);
    expect(result.maxLoss).toBeCloseTo(max, 5);
    expect(result.sharpness).toBeCloseTo((100 * (max - base)) / (1 + base), 3);
    expect(result).toMatchObject({ epsilon, converged: true, method: 'projected-sign-ascent' });
    // Four quarter-box steps reach the corner; the rule then sees no gain for `window` steps.
    expect(result.steps).toBeLessThan(20);
  });

  it('stays at a concave direction’s peak: ½(θ₁² − θ₂²) at (1, 0) peaks at (1 + 2ε, 0)', () => {
    const loss = quadraticLoss([1, 0, 0, -1], 2);
    const theta = tf.tensor1d([1, 0]);
    const result = epsilonSharpness(loss, theta, { epsilon: 0.1 });
    theta.dispose();
    expect(result.maxLoss).toBeCloseTo(0.5 * 1.2 ** 2, 5);
  });

  it('runs to an interior maximum: −(θ₁ − 0.3)² − 2(θ₂ + 0.6)² from 0 in the box [−1, 1]² peaks at 0', () => {
    // The peak is inside the box, so a fixed number of quarter-box sign steps bounces across it
    // (0.25, 0.5, 0.25, … never nearer than 0.05); ascent to convergence finds it.
    const loss: LossFn = (t) => tf.tidy(() => tf.neg(tf.add(tf.square(tf.sub(t.slice(0, 1), 0.3)), tf.mul(tf.square(tf.add(t.slice(1, 1), 0.6)), 2))).sum() as tf.Scalar);
    const before = tf.memory().numTensors;
    const theta = tf.tensor1d([0, 0]);
    const base = -(0.3 ** 2) - 2 * 0.6 ** 2;
    const result = epsilonSharpness(loss, theta, { epsilon: 1, relativeTolerance: 1e-6 });
    const capped = epsilonSharpness(loss, theta, { epsilon: 1, maxSteps: 5 });
    theta.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(result.converged).toBe(true);
    expect(result.loss).toBeCloseTo(base, 6);
    expect(result.maxLoss).toBeGreaterThan(-1e-5);
    expect(result.sharpness).toBeCloseTo((100 * -base) / (1 + base), 2);
    // Five steps stop while the loss is still rising, and say so.
    expect(capped.converged).toBe(false);
    expect(capped.steps).toBe(5);
    expect(capped.maxLoss).toBeLessThan(result.maxLoss - 1e-4);
  });

  it('rejects a bad cap or tolerance, naming the option', () => {
    const theta = tf.tensor1d([0]);
    const loss = quadraticLoss([1], 1);
    expect(() => epsilonSharpness(loss, theta, { maxSteps: 0 })).toThrow(/options.maxSteps must be a positive integer/);
    expect(() => epsilonSharpness(loss, theta, { relativeTolerance: -1 })).toThrow(/options.relativeTolerance must be ≥ 0/);
    theta.dispose();
  });

  it('is 0 at a maximum', () => {
    const loss = quadraticLoss([-1, 0, 0, -3], 2);
    const theta = tf.tensor1d([0, 0]);
    const result = epsilonSharpness(loss, theta);
    theta.dispose();
    expect(result.sharpness).toBe(0);
    expect(result.converged).toBe(true);
  });
});
