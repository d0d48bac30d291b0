/** Fixtures for the analysis tests: small losses with closed-form derivatives, and the backend. */
import * as tf from '@tensorflow/tfjs';
import type { LossFn } from '../analysis/types.js';
import { initBackend } from '../backend/index.js';

/** The engine's backend, with the second-derivative fixes for tanh/sigmoid/exp/softmax registered. */
export async function useTestBackend(): Promise<void> {
  await initBackend();
}

/** ½ θᵀAθ for a symmetric A (row-major n × n): gradient Aθ, Hessian A. */
export function quadraticLoss(a: number[], n: number): LossFn {
  return (theta) =>
    tf.tidy(() => {
      const matrix = tf.tensor2d(a, [n, n]);
      const column = tf.reshape(theta, [n, 1]);
      return tf.mul(0.5, tf.sum(tf.mul(column, tf.matMul(matrix, column))));
    });
}

/** ½·mean((Xθ − y)²) for X [m, n]: Hessian XᵀX/m. */
export function leastSquaresLoss(x: number[], y: number[], m: number, n: number): LossFn {
  return (theta) =>
    tf.tidy(() => {
      const prediction = tf.matMul(tf.tensor2d(x, [m, n]), tf.reshape(theta, [n, 1]));
      return tf.mul(0.5, tf.mean(tf.square(tf.sub(prediction, tf.tensor2d(y, [m, 1])))));
    });
}

export type TinyActivation = 'softplus' | 'tanh' | 'relu' | 'sin';

/**
 * A 1-hidden-layer net, 1 → hidden → 1, as a function of θ = [w₁ (hidden), b₁ (hidden), w₂ (hidden), b₂],
 * with mean squared error on the points (xs, ys). 3·hidden + 1 parameters.
 */
export function tinyNetLoss(activation: TinyActivation, xs: number[], ys: number[], hidden: number): LossFn {
  const act = (z: tf.Tensor): tf.Tensor =>
    activation === 'softplus' ? tf.softplus(z) : activation === 'tanh' ? tf.tanh(z) : activation === 'relu' ? tf.relu(z) : tf.sin(z);
  return (theta) =>
    tf.tidy(() => {
      const x = tf.tensor2d(xs, [xs.length, 1]);
      const w1 = tf.reshape(tf.slice(theta, [0], [hidden]), [1, hidden]);
      const b1 = tf.slice(theta, [hidden], [hidden]);
      const w2 = tf.reshape(tf.slice(theta, [2 * hidden], [hidden]), [hidden, 1]);
      const b2 = tf.slice(theta, [3 * hidden], [1]);
      const out = tf.add(tf.matMul(act(tf.add(tf.matMul(x, w1), b1)), w2), b2);
      return tf.mean(tf.square(tf.sub(out, tf.tensor2d(ys, [ys.length, 1]))));
    });
}

/** Evenly spaced points on [low, high]. */
export function linspace(low: number, high: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => (count === 1 ? low : low + ((high - low) * i) / (count - 1)));
}

/** A random symmetric matrix, row-major. */
export function randomSymmetric(n: number, normal: () => number): number[] {
  const a = new Array<number>(n * n).fill(0);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const v = normal();
      a[i * n + j] = v;
      a[j * n + i] = v;
    }
  }
  return a;
}
