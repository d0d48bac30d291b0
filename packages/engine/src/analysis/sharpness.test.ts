import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { quadraticLoss, useTestBackend } from '../test-utils/analysis.js';
import { epsilonSharpness } from './sharpness.js';

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
    expect(result).toMatchObject({ epsilon, steps: 10, method: 'projected-sign-ascent' });
  });

  it('stays at a concave direction’s peak: ½(θ₁² − θ₂²) at (1, 0) peaks at (1 + 2ε, 0)', () => {
    const loss = quadraticLoss([1, 0, 0, -1], 2);
    const theta = tf.tensor1d([1, 0]);
    const result = epsilonSharpness(loss, theta, { epsilon: 0.1, steps: 8 });
    theta.dispose();
    expect(result.maxLoss).toBeCloseTo(0.5 * 1.2 ** 2, 5);
  });

  it('is 0 at a maximum', () => {
    const loss = quadraticLoss([-1, 0, 0, -3], 2);
    const theta = tf.tensor1d([0, 0]);
    const result = epsilonSharpness(loss, theta);
    theta.dispose();
    expect(result.sharpness).toBe(0);
  });
});
