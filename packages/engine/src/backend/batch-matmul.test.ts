import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { relativeError, runCpuKernel, runEngineKernel, seededValues } from './kernel-test-helpers.js';
import { registerWasmKernels } from './register-wasm-kernels.js';

describe('BatchMatMul on wasm', () => {
  beforeAll(async () => {
    registerWasmKernels();
    await tf.setBackend('wasm');
  });

  type Case = [aShape: number[], bShape: number[], transposeA: boolean, transposeB: boolean];
  const cases: Case[] = [
    [[5, 7, 3], [5, 3, 6], false, false], // batched (compiled kernel), N not a multiple of 4
    [[3, 7, 5], [3, 5, 37], false, false], // 16-column register blocks, then 4, then 1; an odd row left over
    [[3, 5, 7], [3, 5, 37], true, false],
    [[5, 3, 7], [5, 3, 8], true, false], // batched x^T·dy
    [[5, 7, 9], [5, 6, 9], false, true], // batched dy·W^T, K not a multiple of 4
    [[33, 20], [10, 20], false, true], // unbatched transposed (compiled kernel)
    [[33, 20], [33, 12], true, false],
    [[1, 9, 4], [6, 4, 8], false, false], // a broadcast over b's batch
    [[6, 9, 4], [4, 8], false, false], // b broadcast
    [[2, 3, 5, 4], [2, 3, 4, 7], false, false], // two batch axes
    [[33, 20], [20, 12], false, false], // unbatched, untransposed (XNNPACK's case in tfjs)
    [[4, 5, 6], [4, 7, 5], true, true], // both transposed
    [[4, 5, 6], [7, 5], true, true], // both transposed, b broadcast (its layout computed once)
  ];
  it.each(cases)('a %j · b %j (transposeA %s, transposeB %s) equals the cpu kernel', (aShape, bShape, transposeA, transposeB) => {
    const a = seededValues(aShape, 51);
    const b = seededValues(bShape, 52);
    const attrs = { transposeA, transposeB } as unknown as tf.NamedAttrMap;
    const before = tf.memory().numTensors;
    const actual = runEngineKernel('BatchMatMul', { a, b }, attrs);
    const expected = runCpuKernel('BatchMatMul', { a, b }, attrs);
    expect(actual.shape).toEqual(expected.shape);
    expect(relativeError(actual.values, expected.values)).toBeLessThan(1e-5);
    expect(tf.memory().numTensors).toBe(before);
  });
});
