import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FlatLoss,
  finiteDifferenceHvp,
  gradient,
  hessianVectorProduct,
  relativeNormError,
  seededVector,
  unflatten,
} from './hvp-test-helpers.js';
import { registerSecondOrderGradients } from './register-gradients.js';
import { registerWasmKernels } from './register-wasm-kernels.js';
import { asWasmBackend, callWasmKernel, disposeInfos } from './wasm-kernel-utils.js';

/** A LogSoftmax kernel as tfjs-node has (tfjs's wasm and cpu backends have none): log(softmax). */
function registerTestLogSoftmaxKernel(): void {
  tf.registerKernel({
    kernelName: 'LogSoftmax',
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend: anyBackend, attrs }) => {
      const backend = asWasmBackend(anyBackend);
      const logits = inputs['logits'];
      if (logits === undefined) throw new Error('test LogSoftmax: no logits');
      const softmax = callWasmKernel('Softmax', backend, { logits }, { dim: (attrs as unknown as tf.LogSoftmaxAttrs).axis });
      const out = callWasmKernel('Log', backend, { x: softmax });
      disposeInfos(backend, softmax);
      return out;
    },
  });
}

// Central differences in float32: ε ~ 3e-3 balances truncation (ε²) against rounding (1e-7/ε).
const epsilon = 3e-3;
const tolerance = 3e-3;

let inputs: tf.Tensor2D;
let targets: tf.Tensor2D;
const mlpShapes = [[3, 6], [6], [6, 1], [1]];
const mlpSize = 3 * 6 + 6 + 6 + 1;

function mlp(activation: (h: tf.Tensor) => tf.Tensor): FlatLoss {
  return (theta) => {
    const [w1, b1, w2, b2] = unflatten(theta, mlpShapes) as [tf.Tensor2D, tf.Tensor, tf.Tensor2D, tf.Tensor];
    const hidden = activation(tf.add(tf.matMul(inputs, w1), b1)) as tf.Tensor2D;
    return tf.mean(tf.square(tf.sub(tf.add(tf.matMul(hidden, w2), b2), targets)));
  };
}

const smoothNets: [name: string, f: FlatLoss][] = [
  ['tanh', mlp((h) => tf.tanh(h))],
  ['sigmoid', mlp((h) => tf.sigmoid(h))],
  ['softplus', mlp((h) => tf.softplus(h))],
  ['elu', mlp((h) => tf.elu(h))],
  ['exp', mlp((h) => tf.exp(tf.mul(h, 0.5)))],
  ['softmax', mlp((h) => tf.softmax(h))],
  ['logSumExp', mlp((h) => tf.sub(h, tf.logSumExp(h, 1, true)))],
];

function expectHvpMatchesFiniteDifferences(f: FlatLoss, size: number, seed: number, step = epsilon): void {
  const theta = seededVector(size, seed, 0.8);
  const v = seededVector(size, seed + 1);
  const exact = hessianVectorProduct(f, theta, v);
  const numeric = finiteDifferenceHvp(f, theta, v, step);
  expect(relativeNormError(exact, numeric)).toBeLessThan(tolerance);
}

describe('second derivatives with Saddle gradients (wasm)', () => {
  let hvpErrorBeforeFix = 0;

  beforeAll(async () => {
    registerWasmKernels();
    registerTestLogSoftmaxKernel();
    await tf.setBackend('wasm');
    inputs = tf.tensor2d(seededVector(16 * 3, 1), [16, 3]);
    targets = tf.tensor2d(seededVector(16, 2), [16, 1]);
    // tfjs's own tanh gradient, measured before ours is registered: the hole this closes.
    const theta = seededVector(mlpSize, 7, 0.8);
    const v = seededVector(mlpSize, 8);
    const tanhNet = mlp((h) => tf.tanh(h));
    hvpErrorBeforeFix = relativeNormError(hessianVectorProduct(tanhNet, theta, v), finiteDifferenceHvp(tanhNet, theta, v, epsilon));
    registerSecondOrderGradients();
  });

  afterAll(() => {
    tf.dispose([inputs, targets]);
  });

  it('tfjs 4.22 alone gets the tanh MLP HVP wrong (the test can see the hole)', () => {
    expect(hvpErrorBeforeFix).toBeGreaterThan(0.01);
  });

  // The HVP checks compare against differences of *our* gradient, so check the gradient itself
  // against differences of the loss too.
  it.each(smoothNets)('%s MLP: the gradient equals central differences of the loss', (_name, f) => {
    const theta = seededVector(mlpSize, 9, 0.8);
    const v = seededVector(mlpSize, 10);
    const value = (t: Float32Array): number => tf.tidy(() => f(tf.tensor1d(t)).dataSync()[0]!);
    const step = 1e-2;
    const numeric = (value(theta.map((t, i) => t + step * v[i]!)) - value(theta.map((t, i) => t - step * v[i]!))) / (2 * step);
    const analytic = gradient(f, theta).reduce((sum, g, i) => sum + g * v[i]!, 0);
    expect(Math.abs(analytic - numeric)).toBeLessThan(2e-3 * Math.max(1, Math.abs(numeric)));
  });

  it.each(smoothNets)('%s MLP: HVP equals central differences of the gradient', (_name, f) => {
    expectHvpMatchesFiniteDifferences(f, mlpSize, 7);
  });

  it('quadratic ½θᵀAθ: H v = A v exactly', () => {
    const n = 5;
    const raw = seededVector(n * n, 3);
    const a = new Float32Array(n * n).map((_, k) => raw[k]! + raw[(k % n) * n + Math.floor(k / n)]!); // symmetric
    const aT = tf.tensor2d(a, [n, n]);
    const f: FlatLoss = (theta) => tf.mul(0.5, tf.sum(tf.mul(theta, tf.squeeze(tf.matMul(aT, tf.reshape(theta, [n, 1]))))));
    const theta = seededVector(n, 4);
    for (let column = 0; column < n; column++) {
      const e = new Float32Array(n);
      e[column] = 1;
      const h = hessianVectorProduct(f, theta, e);
      for (let row = 0; row < n; row++) expect(h[row]).toBeCloseTo(a[row * n + column]!, 5);
    }
    aT.dispose();
  });

  it('linear least squares ‖Xθ − y‖²/2n: H = XᵀX/n', () => {
    const n = 16;
    const f: FlatLoss = (theta) =>
      tf.div(tf.sum(tf.square(tf.sub(tf.matMul(inputs, tf.reshape(theta, [3, 1])), targets))), 2 * n);
    const x = inputs.arraySync();
    for (let column = 0; column < 3; column++) {
      const e = new Float32Array(3);
      e[column] = 1;
      const h = hessianVectorProduct(f, seededVector(3, 5), e);
      for (let row = 0; row < 3; row++) {
        const expected = x.reduce((s, xi) => s + xi[row]! * xi[column]!, 0) / n;
        expect(h[row]).toBeCloseTo(expected, 5);
      }
    }
  });

  it('a small CNN (conv, batch norm on batch statistics, tanh, max pool, conv, avg pool, dense, logits − logSumExp): HVP equals central differences', () => {
    const images = tf.tensor4d(seededVector(4 * 6 * 6 * 2, 11), [4, 6, 6, 2]);
    const labels = tf.oneHot(tf.tensor1d([0, 2, 1, 2], 'int32'), 3);
    // conv1 'same' → 6×6×3, max pool 2 → 3×3×3, conv2 'same' → 3×3×4, avg pool 2 'same' → 2×2×4 → dense 3.
    const shapes = [[3, 3, 2, 3], [3], [3], [3], [3, 3, 3, 4], [4], [2 * 2 * 4, 3], [3]];
    const size = shapes.reduce((s, shape) => s + shape.reduce((a, b) => a * b, 1), 0);
    const f: FlatLoss = (theta) => {
      const [w1, b1, gamma, beta, w2, b2, w3, b3] = unflatten(theta, shapes) as tf.Tensor[];
      let h = tf.add(tf.conv2d(images, w1 as tf.Tensor4D, 1, 'same'), b1!) as tf.Tensor4D;
      const { mean, variance } = tf.moments(h, [0, 1, 2], true);
      h = tf.add(tf.mul(tf.div(tf.sub(h, mean), tf.sqrt(tf.add(variance, 1e-3))), gamma!), beta!) as tf.Tensor4D;
      h = tf.maxPool(tf.tanh(h), 2, 2, 'valid');
      h = tf.add(tf.conv2d(h, w2 as tf.Tensor4D, 1, 'same'), b2!) as tf.Tensor4D;
      h = tf.avgPool(tf.tanh(h), 2, 2, 'same');
      const logits = tf.add(tf.matMul(tf.reshape(h, [4, -1]), w3 as tf.Tensor2D), b3!);
      const logProbabilities = tf.sub(logits, tf.logSumExp(logits, 1, true));
      return tf.neg(tf.mean(tf.sum(tf.mul(labels, logProbabilities), 1))) as tf.Scalar;
    };
    // Max pooling is piecewise: a step of 3e-3 already moves some window's argmax (the difference
    // quotient then jumps, not the HVP), so the CNN takes a smaller one.
    expectHvpMatchesFiniteDifferences(f, size, 21, 1e-3);
    tf.dispose([images, labels]);
  });

  it('tf.moments batch-norm statistics alone: HVP equals central differences', () => {
    const f: FlatLoss = (theta) => {
      const x = tf.reshape(theta, [6, 4]);
      const { mean, variance } = tf.moments(x, 0);
      return tf.sum(tf.mul(tf.sqrt(tf.add(variance, 0.1)), tf.add(mean, 1))) as tf.Scalar;
    };
    expectHvpMatchesFiniteDifferences(f, 24, 31);
  });

  it('a LogSoftmax kernel (tfjs-node has one) differentiates twice correctly', () => {
    const f: FlatLoss = (theta) => {
      const logits = tf.reshape(theta, [3, 4]);
      const logSoftmax = tf.engine().runKernel('LogSoftmax', { logits }, { axis: 1 }) as tf.Tensor;
      return tf.sum(tf.mul(logSoftmax, tf.tensor2d(seededVector(12, 41), [3, 4]))) as tf.Scalar;
    };
    expectHvpMatchesFiniteDifferences(f, 12, 42);
  });
});
