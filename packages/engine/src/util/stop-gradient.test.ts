import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/index.js';
import { nonDifferentiable, stopGradient } from './stop-gradient.js';

beforeAll(async () => {
  await initBackend();
});

describe('stopGradient', () => {
  it('passes values through and blocks first and second derivatives', () => {
    const x = tf.tensor1d([1, 2, 3]);
    expect(Array.from(stopGradient(x).dataSync())).toEqual([1, 2, 3]);
    // f(x) = Σ x² + Σ stop(x)³: ∂f = 2x, ∂²f·1 = 2.
    const f = (t: tf.Tensor) => tf.add(tf.sum(tf.square(t)), tf.sum(tf.pow(stopGradient(t), 3)));
    expect(Array.from(tf.grad(f)(x).dataSync())).toEqual([2, 4, 6]);
    const second = tf.grad((t: tf.Tensor) => tf.sum(tf.grad(f)(t)))(x);
    expect(Array.from(second.dataSync())).toEqual([2, 2, 2]);
  });
});

describe('nonDifferentiable', () => {
  it('hides the wrapped ops from second derivatives (max would need Equal’s gradient)', () => {
    const rowMax = nonDifferentiable((x) => tf.max(x, 1, true));
    const x = tf.tensor2d([[1, 3], [2, -1]]);
    expect(Array.from(rowMax(x).dataSync())).toEqual([3, 2]);
    const f = (t: tf.Tensor) => tf.sum(tf.mul(tf.square(t), rowMax(t)));
    // ∂f/∂x = 2x·max(row); ∂²f·1 = 2·max(row).
    expect(Array.from(tf.grad(f)(x).dataSync())).toEqual([6, 18, 8, -4]);
    expect(Array.from(tf.grad((t: tf.Tensor) => tf.sum(tf.grad(f)(t)))(x).dataSync())).toEqual([6, 6, 4, 4]);
  });
});
