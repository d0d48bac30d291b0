import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { relativeError, runCpuKernel, runEngineKernel, seededValues } from './kernel-test-helpers.js';
import { registerWasmKernels } from './register-wasm-kernels.js';

describe('Sum on wasm', () => {
  beforeAll(async () => {
    registerWasmKernels();
    await tf.setBackend('wasm');
  });

  const cases: [number[], number[], boolean][] = [
    [[8, 6, 6, 16], [0, 1, 2], false], // a conv bias gradient (compiled kernel)
    [[8, 6, 6, 16], [2, 0, 1], true], // same axes in another order, keepDims
    [[50, 12], [0], false],
    [[8, 6, 6, 5], [0, 1, 2], false], // channels not a multiple of 4: the kernel's scalar tail
    [[8, 6, 6, 16], [1, 2], false], // a middle run: per outer slice
    [[7, 50, 10], [1], false], // the ensembles' bias gradients [K, n, h] over n
    [[7, 50, 10], [1], true],
    [[8, 6, 6, 16], [3], false], // the last axis: tfjs's kernel
    [[8, 6, 6, 16], [0, 2], false], // not one run: tfjs's kernel
  ];
  it.each(cases)('x %j over axes %j (keepDims %s) equals the cpu kernel', (shape, axis, keepDims) => {
    const x = seededValues(shape, 41);
    const attrs = { axis, keepDims } as unknown as tf.NamedAttrMap;
    const before = tf.memory().numTensors;
    const actual = runEngineKernel('Sum', { x }, attrs);
    const expected = runCpuKernel('Sum', { x }, attrs);
    expect(actual.shape).toEqual(expected.shape);
    expect(relativeError(actual.values, expected.values)).toBeLessThan(1e-5);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('keeps int32 sums exact (tfjs kernel)', () => {
    const total = tf.tidy(() => tf.sum(tf.tensor2d([1, 2, 3, 4, 5, 6, 7, 8], [2, 4], 'int32'), 0).arraySync());
    expect(total).toEqual([6, 8, 10, 12]);
  });
});
