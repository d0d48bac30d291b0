import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { linspace, quadraticLoss, randomSymmetric, tinyNetLoss, type TinyActivation, useTestBackend } from '../test-utils/analysis.js';
import { Rng } from '../util/rng.js';
import { buildModel } from '../models/model.js';
import { mlpSpec } from '../models/zoo.js';
import { modelBatchedLoss } from './evaluator.js';
import { BATCHED_HVP_MEMORY_BUDGET, batchedHvpChunkSize, DEFAULT_BATCHED_HVP_CHUNK_SIZE, hessianVectorProduct, hessianVectorProducts } from './hvp.js';

beforeAll(useTestBackend);

/** (∇L(θ + hv) − ∇L(θ − hv)) / 2h, float32 gradients. */
function finiteDifferenceHvp(loss: (t: tf.Tensor1D) => tf.Scalar, theta: tf.Tensor1D, v: tf.Tensor1D, h: number): Float32Array {
  const difference = tf.tidy(() => {
    const gradient = tf.grad((t) => loss(t as tf.Tensor1D));
    const plus = gradient(tf.add(theta, tf.mul(h, v)) as tf.Tensor1D);
    const minus = gradient(tf.sub(theta, tf.mul(h, v)) as tf.Tensor1D);
    return tf.div(tf.sub(plus, minus), 2 * h);
  });
  const values = difference.dataSync() as Float32Array;
  difference.dispose();
  return values;
}

function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let diff = 0;
  let norm = 0;
  for (let i = 0; i < a.length; i++) {
    diff += (a[i]! - b[i]!) ** 2;
    norm += b[i]! ** 2;
  }
  return Math.sqrt(diff / norm);
}

describe('hessianVectorProduct', () => {
  it('is A·v for the quadratic ½θᵀAθ', () => {
    const n = 7;
    const rng = new Rng(1);
    const a = randomSymmetric(n, () => rng.normal());
    const v = Array.from({ length: n }, () => rng.normal());
    const before = tf.memory().numTensors;
    const theta = tf.tensor1d(Array.from({ length: n }, () => rng.normal()));
    const vector = tf.tensor1d(v);
    const product = hessianVectorProduct(quadraticLoss(a, n), theta, vector);
    const got = product.dataSync();
    tf.dispose([theta, vector, product]);
    expect(tf.memory().numTensors).toBe(before);
    for (let i = 0; i < n; i++) {
      const expected = v.reduce((sum, vj, j) => sum + a[i * n + j]! * vj, 0);
      expect(got[i]).toBeCloseTo(expected, 4);
    }
  });

  for (const activation of ['softplus', 'tanh', 'sin'] as TinyActivation[]) {
    it(`matches central finite differences of the gradient on a ${activation} net (relative 2e-3)`, () => {
      const hidden = 6;
      const rng = new Rng(5);
      const xs = linspace(-1, 1, 40);
      const ys = xs.map((x) => Math.sin(3 * x));
      const loss = tinyNetLoss(activation, xs, ys, hidden);
      const before = tf.memory().numTensors;
      const theta = tf.tensor1d(Array.from({ length: 3 * hidden + 1 }, () => rng.normal()));
      const v = tf.tensor1d(Array.from({ length: 3 * hidden + 1 }, () => rng.normal()));
      const product = hessianVectorProduct(loss, theta, v);
      const got = product.dataSync();
      const reference = finiteDifferenceHvp(loss, theta, v, 1e-2);
      tf.dispose([theta, v, product]);
      expect(tf.memory().numTensors).toBe(before);
      expect(relativeError(got, reference)).toBeLessThan(2e-3);
    });
  }

  it('rejects a vector of the wrong size', () => {
    const theta = tf.zeros([3]) as tf.Tensor1D;
    const v = tf.zeros([2]) as tf.Tensor1D;
    expect(() => hessianVectorProduct(quadraticLoss([1, 0, 0, 0, 1, 0, 0, 0, 1], 3), theta, v)).toThrow(
      /hessianVectorProduct: v must have the size of theta \(3\)/,
    );
    tf.dispose([theta, v]);
  });
});

describe('hessianVectorProducts', () => {
  it('gives the same rows in any chunking, without leaking tensors', () => {
    const n = 9;
    const rng = new Rng(2);
    const a = randomSymmetric(n, () => rng.normal());
    const vectors = Array.from({ length: 5 * n }, () => rng.normal());
    const before = tf.memory().numTensors;
    const theta = tf.tensor1d(Array.from({ length: n }, () => rng.normal()));
    const progress: number[] = [];
    const chunked = hessianVectorProducts(quadraticLoss(a, n), theta, vectors, 5, { chunkSize: 2, onProgress: (done) => progress.push(done) });
    const whole = hessianVectorProducts(quadraticLoss(a, n), theta, vectors, 5, { chunkSize: 64 });
    theta.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(progress).toEqual([2, 4, 5]);
    expect(Array.from(chunked)).toEqual(Array.from(whole));
    for (let r = 0; r < 5; r++) {
      for (let i = 0; i < n; i++) {
        const expected = Array.from({ length: n }, (_, j) => a[i * n + j]! * vectors[r * n + j]!).reduce((s, x) => s + x, 0);
        expect(chunked[r * n + i]).toBeCloseTo(expected, 4);
      }
    }
  });
});

describe('hessianVectorProducts with a batched loss', () => {
  it('gives the same rows as one HVP per vector', () => {
    const n = 6;
    const rng = new Rng(21);
    const a = randomSymmetric(n, () => rng.normal());
    // Softplus makes the Hessian depend on θ, so a wrong row pairing would show.
    const single = (t: tf.Tensor1D): tf.Scalar =>
      tf.tidy(() => tf.sum(tf.softplus(tf.matMul(tf.tensor2d(a, [n, n]), tf.reshape(t, [n, 1])))));
    const batched = (thetas: tf.Tensor2D): tf.Tensor1D =>
      tf.tidy(() => tf.sum(tf.softplus(tf.matMul(thetas, tf.tensor2d(a, [n, n]))), 1) as tf.Tensor1D);
    const vectors = Array.from({ length: 4 * n }, () => rng.normal());
    const before = tf.memory().numTensors;
    const theta = tf.tensor1d(Array.from({ length: n }, () => rng.normal()));
    const looped = hessianVectorProducts(single, theta, vectors, 4);
    const vectorised = hessianVectorProducts(single, theta, vectors, 4, { batchedLoss: batched, chunkSize: 3 });
    theta.dispose();
    expect(tf.memory().numTensors).toBe(before);
    for (let i = 0; i < 4 * n; i++) expect(vectorised[i]).toBeCloseTo(looped[i]!, 4);
  });
});

describe('batchedHvpChunkSize', () => {
  it('keeps 32 rows for small models and fewer where 32 would not fit the heap budget', () => {
    const data = (n: number, width: number) => ({ x: tf.zeros([n, width]), y: tf.zeros([n]) });
    const small = data(1000, 1);
    const big = data(1000, 784);
    const smallLoss = modelBatchedLoss(buildModel(mlpSpec('small', [20, 20, 10], 1), [1]), small, 'mse')!;
    const bigLoss = modelBatchedLoss(buildModel(mlpSpec('mnist-mlp', [512, 512], 1), [784]), big, 'mse')!;
    expect(batchedHvpChunkSize(smallLoss)).toBe(DEFAULT_BATCHED_HVP_CHUNK_SIZE);
    // 1,000 examples × (784 inputs + 8 × 1,025 activations) × 4 B ≈ 36 MB a row: 7 rows fit.
    expect(bigLoss.bytesPerRow).toBe(1000 * 4 * (784 + 8 * 1025));
    expect(batchedHvpChunkSize(bigLoss)).toBe(Math.floor(BATCHED_HVP_MEMORY_BUDGET / bigLoss.bytesPerRow!));
    expect(batchedHvpChunkSize(bigLoss)).toBe(7);
    expect(batchedHvpChunkSize(bigLoss, 1)).toBe(1); // never below one row
    tf.dispose([small.x, small.y, big.x, big.y]);
  });

  it('sizes the chunks hessianVectorProducts takes when none is given', () => {
    const batched = Object.assign((thetas: tf.Tensor2D): tf.Tensor1D => tf.tidy(() => tf.sum(tf.square(thetas), 1) as tf.Tensor1D), {
      bytesPerRow: BATCHED_HVP_MEMORY_BUDGET / 2, // two rows per chunk
    });
    const theta = tf.tensor1d([1, 2, 3]);
    const done: number[] = [];
    const rows = hessianVectorProducts((t) => tf.sum(tf.square(t)), theta, [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1, 2, 0, 0], 5, {
      batchedLoss: batched,
      onProgress: (d) => done.push(d),
    });
    expect(done).toEqual([2, 4, 5]);
    // H = 2I for Σθ²: each product is twice its vector.
    expect(Array.from(rows)).toEqual([2, 0, 0, 0, 2, 0, 0, 0, 2, 2, 2, 2, 4, 0, 0]);
    theta.dispose();
  });
});
