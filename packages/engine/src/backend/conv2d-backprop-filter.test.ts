import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { relativeError, runCpuKernel, runEngineKernel, seededValues } from './kernel-test-helpers.js';
import { registerWasmKernels } from './register-wasm-kernels.js';

type Case = [xShape: number[], filterShape: [number, number, number, number], strides: number | [number, number], pad: 'same' | 'valid' | tf.backend_util.ExplicitPadding];
const cases: Case[] = [
  [[2, 9, 9, 3], [5, 5, 3, 4], 1, 'same'], // the zoo's convolutions
  [[3, 8, 8, 2], [5, 5, 2, 3], 1, 'valid'],
  [[2, 9, 9, 3], [3, 3, 3, 4], 2, 'same'],
  [[2, 10, 10, 3], [3, 3, 3, 4], 2, 'valid'], // leaves unused rows: the correlation is cropped
  [[2, 10, 11, 3], [4, 2, 3, 5], [2, 3], 'same'], // even filter, unequal strides
  [[1, 7, 6, 2], [3, 3, 2, 2], 1, [[0, 0], [1, 2], [0, 1], [0, 0]]],
  [[4, 32, 32, 3], [5, 5, 3, 16], 1, 'same'], // conv1 of the 34,634-param CNN (smaller batch)
];

describe('Conv2DBackpropFilter on wasm', () => {
  beforeAll(async () => {
    registerWasmKernels();
    await tf.setBackend('wasm');
  });

  it.each(cases)('x %j, filter %j, strides %j, pad %j: equals the cpu kernel', (xShape, filterShape, strides, pad) => {
    const info = tf.backend_util.computeConv2DInfo(xShape as [number, number, number, number], filterShape, strides, 1, pad);
    const x = seededValues(xShape, 11);
    const dy = seededValues([xShape[0]!, info.outHeight, info.outWidth, filterShape[3]], 12);
    const attrs = { strides, pad, dataFormat: 'NHWC', filterShape } as unknown as tf.NamedAttrMap;
    const before = tf.memory().numTensors;
    const actual = runEngineKernel('Conv2DBackpropFilter', { x, dy }, attrs);
    const expected = runCpuKernel('Conv2DBackpropFilter', { x, dy }, attrs);
    expect(actual.shape).toEqual(filterShape);
    expect(relativeError(actual.values, expected.values)).toBeLessThan(1e-4);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('makes tf.grad of a convolution work on wasm and agree with cpu', async () => {
    const x = seededValues([2, 8, 8, 3], 1);
    const w = seededValues([5, 5, 3, 4], 2);
    const gradW = (): Float32Array =>
      tf.tidy(() => {
        const xt = tf.tensor4d(x.values, x.shape as [number, number, number, number]);
        const f = (wt: tf.Tensor): tf.Scalar => tf.sum(tf.square(tf.conv2d(xt, wt as tf.Tensor4D, 1, 'same')));
        return tf.grad(f)(tf.tensor4d(w.values, w.shape as [number, number, number, number])).dataSync() as Float32Array;
      });
    const onWasm = gradW();
    await tf.setBackend('cpu');
    const onCpu = gradW();
    await tf.setBackend('wasm');
    expect(relativeError(onWasm, onCpu)).toBeLessThan(1e-4);
  });
});
