import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededValues } from './kernel-test-helpers.js';
import { registerWasmKernels } from './register-wasm-kernels.js';

type PoolAttrs = [filterSize: number, strides: number, pad: 'same' | 'valid', includeBatchInIndex: boolean];
type Case = [xShape: [number, number, number, number], ...PoolAttrs];
const cases: Case[] = [
  [[3, 6, 6, 3], 2, 2, 'valid', true], // later batch entries: where tfjs's wasm kernel returned 0
  [[3, 6, 6, 3], 2, 2, 'valid', false],
  [[2, 7, 5, 2], 3, 2, 'same', true],
];

describe('MaxPoolWithArgmax on wasm', () => {
  beforeAll(async () => {
    registerWasmKernels();
    await tf.setBackend('wasm');
  });

  async function onBoth(x: { values: Float32Array; shape: number[] }, attrs: PoolAttrs): Promise<[number[][], number[][]]> {
    const [filterSize, strides, pad, includeBatchInIndex] = attrs;
    const run = (): number[][] =>
      tf.tidy(() => {
        const { result, indexes } = tf.maxPoolWithArgmax(tf.tensor4d(x.values, x.shape as [number, number, number, number]), filterSize, strides, pad, includeBatchInIndex);
        return [Array.from(result!.dataSync()), Array.from(indexes!.dataSync())];
      });
    const before = tf.memory().numTensors;
    const onWasm = run();
    expect(tf.memory().numTensors).toBe(before);
    await tf.setBackend('cpu');
    const onCpu = run();
    await tf.setBackend('wasm');
    return [onWasm, onCpu];
  }

  it.each(cases)('x %j, filter %d, stride %d, %s, batch in index %s: values and indices equal the cpu kernel', async (xShape, ...attrs) => {
    const [onWasm, onCpu] = await onBoth(seededValues(xShape, 61), attrs);
    expect(onWasm).toEqual(onCpu);
  });

  it('picks the first of tied maxima, like the cpu kernel and Saddle’s MaxPoolGrad', async () => {
    const x = seededValues([2, 4, 4, 2], 62);
    x.values.forEach((v, i) => (x.values[i] = Math.max(0, v - 0.6))); // ReLU-like: many tied zeros
    const [onWasm, onCpu] = await onBoth(x, [2, 2, 'valid', true]);
    expect(onWasm).toEqual(onCpu);
  });
});
