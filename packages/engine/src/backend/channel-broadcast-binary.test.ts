import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { relativeError, runCpuKernel, runEngineKernel, seededValues } from './kernel-test-helpers.js';
import { registerWasmKernels } from './register-wasm-kernels.js';

const ops = ['Add', 'Sub', 'Multiply', 'RealDiv'] as const;
const shapePairs: [a: number[], b: number[]][] = [
  [[2, 4, 4, 5], [5]], // bias add
  [[2, 4, 4, 5], [1, 1, 1, 5]], // batch-norm mean / variance
  [[1, 1, 1, 5], [2, 4, 4, 5]], // vector on the left (gradients of the above)
  [[3, 5], [5]],
  [[2, 4, 4, 5], [2, 4, 4, 5]], // same shape: tfjs's kernel
  [[2, 4, 4, 5], [4, 1, 5]], // other broadcasts: tfjs's kernel
  [[2, 4, 4, 5], []],
];
const cases = ops.flatMap((op) => shapePairs.map(([a, b]) => [op, a, b] as const));

describe('channel-broadcast Add/Sub/Multiply/RealDiv on wasm', () => {
  beforeAll(async () => {
    registerWasmKernels();
    await tf.setBackend('wasm');
  });

  it.each(cases)('%s %j with %j equals the cpu kernel', (op, aShape, bShape) => {
    const a = seededValues(aShape, 51);
    const b = seededValues(bShape, 52);
    if (op === 'RealDiv') b.values.forEach((v, i) => (b.values[i] = v >= 0 ? v + 0.5 : v - 0.5)); // away from 0
    const before = tf.memory().numTensors;
    const actual = runEngineKernel(op, { a, b }, {});
    const expected = runCpuKernel(op, { a, b }, {});
    expect(actual.shape).toEqual(expected.shape);
    expect(relativeError(actual.values, expected.values)).toBeLessThan(1e-6);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('leaves int32 arithmetic to tfjs', () => {
    expect(tf.tidy(() => tf.add(tf.tensor2d([[1, 2]], [1, 2], 'int32'), tf.tensor1d([3, 4], 'int32')).arraySync())).toEqual([[4, 6]]);
  });
});
