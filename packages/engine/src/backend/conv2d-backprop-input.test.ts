import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { relativeError, runCpuKernel, runEngineKernel, seededValues } from './kernel-test-helpers.js';
import { registerWasmKernels } from './register-wasm-kernels.js';

type Case = [xShape: [number, number, number, number], filterShape: [number, number, number, number], strides: number | [number, number], pad: 'same' | 'valid' | tf.backend_util.ExplicitPadding];
const cases: Case[] = [
  [[2, 9, 9, 3], [5, 5, 3, 4], 1, 'same'],
  [[3, 8, 8, 2], [5, 5, 2, 3], 1, 'valid'],
  [[2, 9, 9, 3], [3, 3, 3, 4], 2, 'same'], // dy is dilated by the stride
  [[2, 10, 10, 3], [3, 3, 3, 4], 2, 'valid'], // the last input row/column gets no gradient
  [[2, 10, 11, 3], [4, 2, 3, 5], [2, 3], 'same'],
  [[1, 7, 6, 2], [3, 3, 2, 2], 1, [[0, 0], [1, 2], [0, 1], [0, 0]]],
  [[1, 6, 6, 2], [3, 3, 2, 2], 1, [[0, 0], [4, 0], [0, 0], [0, 0]]], // padding > filter − 1: tfjs's kernel
  [[4, 16, 16, 16], [5, 5, 16, 32], 1, 'same'], // conv2 of the 34,634-param CNN (smaller batch)
];

describe('Conv2DBackpropInput on wasm', () => {
  beforeAll(async () => {
    registerWasmKernels();
    await tf.setBackend('wasm');
  });

  it.each(cases)('x %j, filter %j, strides %j, pad %j: equals the cpu kernel', (xShape, filterShape, strides, pad) => {
    const info = tf.backend_util.computeConv2DInfo(xShape, filterShape, strides, 1, pad);
    const dy = seededValues([xShape[0], info.outHeight, info.outWidth, filterShape[3]], 21);
    const filter = seededValues(filterShape, 22);
    const attrs = { strides, pad, dataFormat: 'NHWC', inputShape: xShape } as unknown as tf.NamedAttrMap;
    const before = tf.memory().numTensors;
    const actual = runEngineKernel('Conv2DBackpropInput', { dy, filter }, attrs);
    const expected = runCpuKernel('Conv2DBackpropInput', { dy, filter }, attrs);
    expect(actual.shape).toEqual(xShape);
    expect(relativeError(actual.values, expected.values)).toBeLessThan(1e-4);
    expect(tf.memory().numTensors).toBe(before);
  });
});
