import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerWasmKernels } from './register-wasm-kernels.js';

describe('Identity on wasm', () => {
  beforeAll(async () => {
    registerWasmKernels();
    await tf.setBackend('wasm');
  });

  it('shares the buffer: a clone reads the same values and outlives its source', () => {
    const x = tf.tensor2d([1, 2, 3, 4, 5, 6], [2, 3]);
    const copy = tf.clone(x);
    expect(copy.dataId).toBe(x.dataId);
    x.dispose();
    expect(Array.from(copy.dataSync())).toEqual([1, 2, 3, 4, 5, 6]);
    expect(copy.shape).toEqual([2, 3]);
    copy.dispose();
    expect(tf.memory().numTensors).toBe(0);
  });

  it('keeps the tensors a gradient saves alive and correct (relu saves its input)', () => {
    const x = tf.tensor1d([-2, -1, 0.5, 3]);
    const before = tf.memory().numTensors;
    const g = tf.tidy(() => tf.grad((v: tf.Tensor) => tf.sum(tf.mul(tf.relu(v), v)))(x));
    // d/dv Σ relu(v)·v = 2v where v > 0, else 0.
    expect(Array.from(g.dataSync())).toEqual([0, 0, 1, 6]);
    g.dispose();
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });
});
