import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/index.js';
import { buildModel } from '../models/model.js';
import { accuracy, lossFunction, meanSquaredError, softmaxCrossEntropy } from './losses.js';

beforeAll(async () => {
  await initBackend();
});

const logitsValues = [
  [2.0, -1.0, 0.5],
  [0.1, 0.2, 3.0],
];
const labelValues = [0, 1];

function softmaxRow(row: number[]): number[] {
  const m = Math.max(...row);
  const e = row.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

describe('losses', () => {
  it('mean squared error and accuracy on small hand cases', () => {
    expect(meanSquaredError(tf.tensor2d([[1], [2], [4]]), tf.tensor1d([1, 0, 1])).dataSync()[0]).toBeCloseTo((0 + 4 + 9) / 3, 6);
    expect(accuracy(tf.tensor2d(logitsValues), tf.tensor1d(labelValues, 'int32')).dataSync()[0]).toBeCloseTo(0.5, 6);
  });

  it('softmax cross-entropy equals −mean log p_label, even for huge logits', () => {
    const expected = -logitsValues.reduce((s, row, i) => s + Math.log(softmaxRow(row)[labelValues[i]!]!), 0) / 2;
    expect(softmaxCrossEntropy(tf.tensor2d(logitsValues), tf.tensor1d(labelValues, 'int32')).dataSync()[0]).toBeCloseTo(expected, 5);
    // Max-shifting keeps this finite: log p = −1000 exactly.
    expect(softmaxCrossEntropy(tf.tensor2d([[1000, 0]]), tf.tensor1d([1], 'int32')).dataSync()[0]).toBeCloseTo(1000, 2);
  });

  it('gradient is (softmax − onehot)/B', () => {
    const labels = tf.tensor1d(labelValues, 'int32');
    const f = (z: tf.Tensor) => softmaxCrossEntropy(z as tf.Tensor2D, labels);
    const grad = tf.grad(f)(tf.tensor2d(logitsValues)).arraySync() as number[][];
    logitsValues.forEach((row, i) => {
      softmaxRow(row).forEach((pk, k) => expect(grad[i]![k]!).toBeCloseTo((pk - (k === labelValues[i] ? 1 : 0)) / 2, 5));
    });
  });

  it('its Hessian-vector product in the logits is (diag p − p pᵀ)v/B per row (second order through exp/log)', () => {
    const labels = tf.tensor1d(labelValues, 'int32');
    const f = (z: tf.Tensor) => softmaxCrossEntropy(z as tf.Tensor2D, labels);
    const z = tf.tensor2d(logitsValues);
    const grad = tf.grad(f)(z).arraySync() as number[][];
    const v = [
      [0.3, -0.7, 1.1],
      [-0.2, 0.5, 0.4],
    ];
    const vT = tf.tensor2d(v);
    const hvp = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.grad(f)(t), vT)))(z).arraySync() as number[][];
    logitsValues.forEach((row, i) => {
      const p = softmaxRow(row);
      const pv = p.reduce((s, pk, k) => s + pk * v[i]![k]!, 0);
      p.forEach((pk, k) => {
        expect(grad[i]![k]!).toBeCloseTo((pk - (k === labelValues[i] ? 1 : 0)) / 2, 5);
        expect(hvp[i]![k]!).toBeCloseTo((pk * v[i]![k]! - pk * pv) / 2, 5);
      });
    });
  });

  it('lossFunction(model, x, y) is θ ↦ L(θ) and leaks nothing', () => {
    const model = buildModel({ name: 'lin', layers: [{ type: 'dense', units: 1 }] }, [2]);
    const x = tf.tensor2d([[1, 2], [3, -1], [0, 1]]);
    const y = tf.tensor1d([1, 0, 2]);
    const before = tf.memory().numTensors;
    const f = lossFunction(model, x, y, 'mse', { training: true });
    const theta = tf.tensor1d([0.5, -0.25, 0.1]);
    const value = f(theta).dataSync()[0]!;
    const ref = [[1, 2], [3, -1], [0, 1]].reduce((s, [a, b], i) => s + (0.5 * a! - 0.25 * b! + 0.1 - [1, 0, 2][i]!) ** 2, 0) / 3;
    expect(value).toBeCloseTo(ref, 5);
    // Gradient of the linear model's MSE: (2/n) Xᵀ(Xw + b − y).
    const g = tf.tidy(() => tf.grad(f)(theta).arraySync() as number[]);
    const residual = [[1, 2], [3, -1], [0, 1]].map(([a, b], i) => 0.5 * a! - 0.25 * b! + 0.1 - [1, 0, 2][i]!);
    const X = [[1, 2, 1], [3, -1, 1], [0, 1, 1]];
    [0, 1, 2].forEach((j) => expect(g[j]!).toBeCloseTo((2 / 3) * residual.reduce((s, r, i) => s + r * X[i]![j]!, 0), 4));
    tf.dispose(theta);
    // f's scalar and the grad were the only new tensors: both gone.
    expect(tf.memory().numTensors).toBe(before + 1);
  });
});
