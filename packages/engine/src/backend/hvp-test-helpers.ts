/**
 * Test support for second derivatives: a Hessian-vector product by double backprop, and the
 * same by central finite differences of the gradient, both on a flat float32 parameter vector.
 */
import * as tf from '@tensorflow/tfjs';

export type FlatLoss = (theta: tf.Tensor1D) => tf.Scalar;

/** Splits a flat θ into tensors of the given shapes, in order (taped: differentiable). */
export function unflatten(theta: tf.Tensor1D, shapes: number[][]): tf.Tensor[] {
  const parts: tf.Tensor[] = [];
  let offset = 0;
  for (const shape of shapes) {
    const size = shape.reduce((a, b) => a * b, 1);
    parts.push(tf.reshape(tf.slice(theta, [offset], [size]), shape));
    offset += size;
  }
  if (offset !== theta.size) throw new Error(`unflatten: shapes hold ${offset} values, θ has ${theta.size}`);
  return parts;
}

/** tf.grad's signature takes any Tensor; our losses take the flat θ. */
function gradOf(f: FlatLoss): (theta: tf.Tensor) => tf.Tensor {
  return tf.grad((t: tf.Tensor) => f(t as tf.Tensor1D));
}

export function gradient(f: FlatLoss, theta: Float32Array): Float32Array {
  return tf.tidy(() => gradOf(f)(tf.tensor1d(theta)).dataSync() as Float32Array);
}

/** H v = ∇_θ ⟨∇_θ f(θ), v⟩. */
export function hessianVectorProduct(f: FlatLoss, theta: Float32Array, v: Float32Array): Float32Array {
  return tf.tidy(() => {
    const direction = tf.tensor1d(v);
    const directional: FlatLoss = (t) => tf.sum(tf.mul(gradOf(f)(t), direction));
    return gradOf(directional)(tf.tensor1d(theta)).dataSync() as Float32Array;
  });
}

/** (∇f(θ + εv) − ∇f(θ − εv)) / 2ε, differences taken in float64 from float32 gradients. */
export function finiteDifferenceHvp(f: FlatLoss, theta: Float32Array, v: Float32Array, epsilon: number): Float32Array {
  const plus = gradient(f, theta.map((t, i) => t + epsilon * v[i]!));
  const minus = gradient(f, theta.map((t, i) => t - epsilon * v[i]!));
  return plus.map((p, i) => (p - minus[i]!) / (2 * epsilon));
}

/** ‖a − b‖ / ‖b‖. */
export function relativeNormError(actual: Float32Array, expected: Float32Array): number {
  let difference = 0;
  let norm = 0;
  for (let i = 0; i < expected.length; i++) {
    difference += (actual[i]! - expected[i]!) ** 2;
    norm += expected[i]! ** 2;
  }
  return Math.sqrt(difference / norm);
}

/** Deterministic values in [−scale, scale) from a small LCG. */
export function seededVector(size: number, seed: number, scale = 1): Float32Array {
  const values = new Float32Array(size);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    values[i] = (state / 2 ** 31 - 1) * scale;
  }
  return values;
}
