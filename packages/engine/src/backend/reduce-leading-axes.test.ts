import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { relativeError, runCpuKernel, runEngineKernel, seededValues } from './kernel-test-helpers.js';
import { registerWasmKernels } from './register-wasm-kernels.js';

const cases: [kernel: 'Sum' | 'Mean', shape: number[], axis: number | number[], keepDims: boolean][] = [
  ['Sum', [4, 6, 6, 5], [0, 1, 2], false], // bias gradient of an NHWC conv
  ['Sum', [4, 6, 6, 5], [2, 0, 1], true], // unordered axes, kept dims (batch-norm statistics)
  ['Mean', [4, 6, 6, 5], [0, 1, 2], true],
  ['Sum', [7, 3], 0, false],
  ['Mean', [7, 3], [0], false],
  ['Sum', [4, 6, 6, 5], [1, 2], false], // not leading: tfjs's kernel
  ['Sum', [4, 6, 6, 5], [0, 1, 2, 3], false], // everything: tfjs's kernel
  ['Mean', [4, 6, 5], -1, true],
];

describe('Sum and Mean over leading axes on wasm', () => {
  beforeAll(async () => {
    registerWasmKernels();
    await tf.setBackend('wasm');
  });

  it.each(cases)('%s of %j over %j (keepDims %s) equals the cpu kernel', (kernel, shape, axis, keepDims) => {
    const x = seededValues(shape, 41);
    const attrs = { axis, keepDims } as unknown as tf.NamedAttrMap;
    const before = tf.memory().numTensors;
    const actual = runEngineKernel(kernel, { x }, attrs);
    const expected = runCpuKernel(kernel, { x }, attrs);
    expect(actual.shape).toEqual(expected.shape);
    expect(relativeError(actual.values, expected.values)).toBeLessThan(1e-5);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('leaves int32 sums exact (tfjs kernel)', () => {
    const total = tf.tidy(() => tf.sum(tf.tensor2d([[1, 2], [3, 4]], [2, 2], 'int32'), 0).arraySync());
    expect(total).toEqual([4, 6]);
  });
});
