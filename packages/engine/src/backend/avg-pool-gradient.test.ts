import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { finiteDifferenceHvp, gradient, relativeNormError, seededVector } from './hvp-test-helpers.js';
import { registerSecondOrderGradients } from './register-gradients.js';
import { registerWasmKernels } from './register-wasm-kernels.js';

registerWasmKernels();
registerSecondOrderGradients();

describe.each(['wasm', 'cpu'])('AvgPool gradient on %s', (backendName) => {
  it("is exact where 'same' padding clips windows (3×3 pooled 2×2: weights 1/4, 1/2, 1)", async () => {
    await tf.setBackend(backendName);
    const before = tf.memory().numTensors;
    const grad = tf.tidy(() =>
      tf.grad((x: tf.Tensor) => tf.sum(tf.avgPool(x as tf.Tensor4D, 2, 2, 'same')))(tf.zeros([1, 3, 3, 1])).dataSync(),
    );
    expect(Array.from(grad)).toEqual([0.25, 0.25, 0.5, 0.25, 0.25, 0.5, 0.5, 0.5, 1]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('matches central differences of a smooth loss through padded, strided and valid pools', async () => {
    await tf.setBackend(backendName);
    const weights = seededVector(2 * 5 * 5 * 3, 3);
    const f = (theta: tf.Tensor1D): tf.Scalar => {
      const x = tf.reshape(theta, [2, 5, 5, 3]) as tf.Tensor4D;
      const same = tf.avgPool(x, 3, 2, 'same');
      const valid = tf.avgPool(x, 2, 1, 'valid');
      return tf.add(tf.sum(tf.square(same)), tf.sum(tf.mul(tf.tanh(valid), tf.reshape(tf.tensor1d(weights.slice(0, valid.size)), valid.shape)))) as tf.Scalar;
    };
    const theta = seededVector(2 * 5 * 5 * 3, 4);
    // The gradient of f is the HVP's "v ↦ f" special case: compare ∇f·e against a difference quotient of f.
    const grad = gradient(f, theta);
    const direction = seededVector(theta.length, 5);
    const step = 1e-2;
    const value = (t: Float32Array): number => tf.tidy(() => f(tf.tensor1d(t)).dataSync()[0]!);
    const numeric = (value(theta.map((t, i) => t + step * direction[i]!)) - value(theta.map((t, i) => t - step * direction[i]!))) / (2 * step);
    const analytic = grad.reduce((s, g, i) => s + g * direction[i]!, 0);
    expect(Math.abs(analytic - numeric) / Math.abs(numeric)).toBeLessThan(1e-3);
    // And its Hessian through AvgPoolGrad's registered gradient.
    expect(relativeNormError(finiteDifferenceHvp(f, theta, direction, 1e-2), finiteDifferenceHvp(f, theta, direction, 5e-3))).toBeLessThan(1e-2);
  });
});
