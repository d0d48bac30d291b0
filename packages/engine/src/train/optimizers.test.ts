import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/index.js';
import { createOptimizer } from './optimizers.js';

beforeAll(async () => {
  await initBackend();
});

/** Three steps with fixed gradients; returns θ after each. */
function run(spec: Parameters<typeof createOptimizer>[0], grads: number[][]): number[][] {
  const optimizer = createOptimizer(spec);
  let theta = tf.tensor1d([1, -2]);
  const out: number[][] = [];
  for (const g of grads) {
    const gT = tf.tensor1d(g);
    const next = optimizer.step(theta, gT);
    theta.dispose();
    gT.dispose();
    theta = next;
    out.push(Array.from(theta.dataSync()));
  }
  theta.dispose();
  optimizer.dispose();
  return out;
}

const grads = [[1, 2], [0.5, -1], [-1, 3]];

describe('optimisers on flat θ', () => {
  it('SGD with momentum follows PyTorch: v ← μv + g, θ ← θ − lr·v', () => {
    const lr = 0.1;
    const mu = 0.9;
    let theta = [1, -2];
    let v = [0, 0];
    const expected = grads.map((g, t) => {
      v = v.map((vi, i) => (t === 0 ? g[i]! : mu * vi + g[i]!));
      theta = theta.map((x, i) => x - lr * v[i]!);
      return theta;
    });
    const got = run({ kind: 'sgd', lr, momentum: mu }, grads);
    got.forEach((row, t) => row.forEach((x, i) => expect(x).toBeCloseTo(expected[t]![i]!, 5)));
    const plain = run({ kind: 'sgd', lr, momentum: 0 }, grads);
    expect(plain[0]![0]).toBeCloseTo(1 - 0.1, 6);
  });

  it('Adam matches the bias-corrected update, written out by hand', () => {
    const [lr, b1, b2, eps] = [0.01, 0.9, 0.999, 1e-8];
    let theta = [1, -2];
    let m = [0, 0];
    let v = [0, 0];
    const expected = grads.map((g, t) => {
      m = m.map((mi, i) => b1 * mi + (1 - b1) * g[i]!);
      v = v.map((vi, i) => b2 * vi + (1 - b2) * g[i]! ** 2);
      theta = theta.map((x, i) => x - (lr * (m[i]! / (1 - b1 ** (t + 1)))) / (Math.sqrt(v[i]! / (1 - b2 ** (t + 1))) + eps));
      return theta;
    });
    const got = run({ kind: 'adam', lr, beta1: b1, beta2: b2, epsilon: eps }, grads);
    got.forEach((row, t) => row.forEach((x, i) => expect(x).toBeCloseTo(expected[t]![i]!, 5)));
  });

  it('keeps no tensors after dispose', () => {
    const before = tf.memory().numTensors;
    run({ kind: 'adam', lr: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }, grads);
    run({ kind: 'sgd', lr: 0.1, momentum: 0.5 }, grads);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('optimiser state inside a caller’s tidy', () => {
  it('survives the tidy and is freed by dispose', () => {
    const optimizer = createOptimizer({ kind: 'adam', lr: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 });
    const before = tf.memory().numTensors;
    const theta = tf.tidy(() => optimizer.step(tf.ones([3]), tf.ones([3])));
    const theta2 = tf.tidy(() => optimizer.step(theta, tf.ones([3])));
    // Adam's first steps move each coordinate by ≈ lr.
    expect(theta2.dataSync()[0]).toBeCloseTo(1 - 0.2, 4);
    tf.dispose([theta, theta2]);
    expect(tf.memory().numTensors).toBe(before + 2);
    optimizer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('Adam as one wasm kernel gives exactly what the composed ops give on cpu (10 steps, 1,003 params: vector and tail lanes)', () => {
    expect(tf.getBackend()).toBe('wasm');
    const spec = { kind: 'adam', lr: 3e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 } as const;
    const trajectory = (): Float32Array => {
      const optimizer = createOptimizer(spec);
      let theta = tf.randomNormal([1003], 0, 1, 'float32', 1);
      for (let step = 0; step < 10; step++) {
        const grad = tf.randomNormal([1003], 0, 1, 'float32', 100 + step);
        const next = optimizer.step(theta, grad);
        tf.dispose([theta, grad]);
        theta = next;
      }
      const values = theta.dataSync() as Float32Array;
      theta.dispose();
      optimizer.dispose();
      return values;
    };
    const before = tf.memory().numTensors;
    const fused = trajectory();
    expect(tf.memory().numTensors).toBe(before);
    tf.setBackend('cpu');
    const composed = trajectory();
    tf.setBackend('wasm');
    expect(Array.from(fused)).toEqual(Array.from(composed));
  });
});
