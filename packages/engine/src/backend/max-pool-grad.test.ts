import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type HostTensor, relativeError, runCpuKernel, runEngineKernel, seededValues } from './kernel-test-helpers.js';
import { registerWasmKernels } from './register-wasm-kernels.js';

type Case = [xShape: [number, number, number, number], filterSize: number | [number, number], strides: number | [number, number], pad: 'same' | 'valid' | number];
const cases: Case[] = [
  [[2, 8, 8, 4], 2, 2, 'valid'], // the zoo's pools (compiled SIMD kernel: 2×2 tiles, channels % 4 = 0)
  [[3, 6, 10, 16], 2, 2, 'valid'],
  [[2, 8, 8, 3], 2, 2, 'valid'], // JavaScript scan
  [[2, 9, 9, 3], 2, 2, 'same'], // clipped windows at the edge
  [[2, 9, 7, 2], 3, 2, 'same'], // overlapping windows accumulate
  [[1, 8, 8, 2], [3, 2], [1, 2], 'valid'],
  [[1, 6, 6, 2], 3, 1, 1],
];

describe('MaxPoolGrad on wasm', () => {
  beforeAll(async () => {
    registerWasmKernels();
    await tf.setBackend('wasm');
  });

  function check(input: HostTensor, filterSize: Case[1], strides: Case[2], pad: Case[3]): void {
    const attrs = { filterSize, strides, pad } as unknown as tf.NamedAttrMap;
    const output = runCpuKernel('MaxPool', { x: input }, attrs);
    const dy = seededValues(output.shape, 32);
    const before = tf.memory().numTensors;
    const actual = runEngineKernel('MaxPoolGrad', { dy, input, output }, attrs);
    const expected = runCpuKernel('MaxPoolGrad', { dy, input, output }, attrs);
    expect(actual.shape).toEqual(input.shape);
    expect(relativeError(actual.values, expected.values)).toBeLessThan(1e-6);
    expect(tf.memory().numTensors).toBe(before);
  }

  it.each(cases)('x %j, filter %j, strides %j, pad %j: equals the cpu kernel', (xShape, filterSize, strides, pad) => {
    check(seededValues(xShape, 31), filterSize, strides, pad);
  });

  it.each([3, 8])('sends a tied window to its first maximum, like the cpu kernel (ReLU zeros tie), %i channels', (channels) => {
    const input = seededValues([2, 8, 8, channels], 33);
    input.values.forEach((v, i) => (input.values[i] = Math.max(0, v - 0.5))); // mostly exact zeros
    check(input, 2, 2, 'valid');
  });

  it('never routes to NaN, and gives an all-NaN window no gradient (SIMD path)', () => {
    const input = seededValues([1, 4, 4, 4], 34);
    // NHWC [1,4,4,4]: element (h, w, c) is at (h·4 + w)·4 + c; window (0,0) holds (0..1, 0..1).
    const at = (h: number, w: number, c: number): number => (h * 4 + w) * 4 + c;
    input.values[at(0, 0, 0)] = Number.NaN; // channel 0: the other three compete
    for (const [h, w] of [[0, 0], [0, 1], [1, 0], [1, 1]] as const) input.values[at(h, w, 1)] = Number.NaN; // channel 1: all NaN
    check(input, 2, 2, 'valid');
  });
});
