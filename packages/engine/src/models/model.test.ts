import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/index.js';
import { buildModel } from './model.js';
import type { ModelSpec } from './spec.js';
import { zoo } from './zoo.js';

beforeAll(async () => {
  await initBackend();
});

describe('buildModel', () => {
  it('a dense net computes relu(xW1 + b1)W2 + b2 from the slices of θ', () => {
    const spec: ModelSpec = { name: 't', layers: [{ type: 'dense', units: 3, activation: 'relu' }, { type: 'dense', units: 2 }] };
    const model = buildModel(spec, [2]);
    expect(model.numParams).toBe(2 * 3 + 3 + 3 * 2 + 2);
    expect(model.params.map((p) => [p.name, p.offset, p.size])).toEqual([
      ['dense_1/kernel', 0, 6], ['dense_1/bias', 6, 3], ['dense_2/kernel', 9, 6], ['dense_2/bias', 15, 2],
    ]);
    const theta = Array.from({ length: 17 }, (_, i) => (i % 5) - 2 + 0.1 * i);
    const x = [[0.5, -1], [2, 0.25]];
    // Independent reference in plain JS.
    const W1 = (i: number, j: number) => theta[i * 3 + j]!;
    const b1 = (j: number) => theta[6 + j]!;
    const W2 = (i: number, j: number) => theta[9 + i * 2 + j]!;
    const b2 = (j: number) => theta[15 + j]!;
    const ref = x.map((row) => {
      const h = [0, 1, 2].map((j) => Math.max(0, row[0]! * W1(0, j) + row[1]! * W1(1, j) + b1(j)));
      return [0, 1].map((j) => h[0]! * W2(0, j) + h[1]! * W2(1, j) + h[2]! * W2(2, j) + b2(j));
    });
    const before = tf.memory().numTensors;
    const out = tf.tidy(() => model.apply(tf.tensor1d(theta), tf.tensor2d(x), { training: false }).output.arraySync());
    expect(tf.memory().numTensors).toBe(before);
    out.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(ref[i]![j]!, 5)));
  });

  it('init follows PyTorch: U(±1/√fan_in) for weights and biases, γ=1, β=0; reproducible under a seed', () => {
    const model = buildModel(zoo['cnn-shallow']!.spec, [32, 32, 3]);
    const theta = model.init(7);
    const values = theta.dataSync() as Float32Array;
    const again = model.init(7).dataSync();
    const other = model.init(8).dataSync();
    expect(Array.from(again)).toEqual(Array.from(values));
    expect(Array.from(other)).not.toEqual(Array.from(values));
    for (const p of model.params) {
      const slice = values.slice(p.offset, p.offset + p.size);
      if (p.role === 'gamma') expect(slice.every((v) => v === 1)).toBe(true);
      else if (p.role === 'beta') expect(slice.every((v) => v === 0)).toBe(true);
      else {
        const kernel = model.params.find((q) => q.layerName === p.layerName && q.role === 'kernel')!;
        const bound = 1 / Math.sqrt(kernel.shape.slice(0, -1).reduce((a, b) => a * b, 1));
        const max = slice.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
        expect(max).toBeLessThanOrEqual(bound);
        if (p.size > 100) {
          expect(max).toBeGreaterThan(0.9 * bound);
          // Variance of U(−b, b) is b²/3.
          const variance = slice.reduce((s, v) => s + v * v, 0) / p.size;
          expect(variance / (bound * bound / 3)).toBeGreaterThan(0.85);
          expect(variance / (bound * bound / 3)).toBeLessThan(1.15);
        }
      }
    }
    tf.dispose(theta);
  });

  it('CNN outputs have shape [batch, 10] and the summary rows have the right shapes', () => {
    const model = buildModel(zoo['cnn-deep']!.spec, [32, 32, 3]);
    const before = tf.memory().numTensors;
    const shape = tf.tidy(() => {
      const theta = model.init(0);
      const { output, nextState } = model.apply(theta, tf.randomNormal([3, 32, 32, 3], 0, 1, 'float32', 1), { training: true, state: model.initState() });
      expect(nextState!.shape).toEqual([model.numBuffers]);
      return output.shape;
    });
    expect(shape).toEqual([3, 10]);
    expect(tf.memory().numTensors).toBe(before);
    const rows = model.summary().rows;
    expect(rows[0]!.outputShape).toEqual([null, 32, 32, 16]);
    expect(rows.find((r) => r.type === 'maxPool')!.outputShape).toEqual([null, 16, 16, 16]);
    expect(rows[rows.length - 1]!.outputShape).toEqual([null, 10]);
  });

  it('batch norm: training mode normalises with batch stats and moves the running stats; eval mode uses them', () => {
    const spec: ModelSpec = { name: 'bn', layers: [{ type: 'batchNorm' }] };
    const model = buildModel(spec, [2]);
    expect(model.numParams).toBe(4);
    expect(model.numBuffers).toBe(4);
    const x = [[1, 10], [3, 20], [5, 60]];
    // Column stats: means 3 and 30; biased variances 8/3 and 1400/3; unbiased 4 and 700.
    const gamma = [2, 0.5];
    const beta = [1, -1];
    const theta = tf.tensor1d([...gamma, ...beta]);
    const state = tf.tensor1d([0.5, 1, 2, 3]);
    const { output, nextState } = model.apply(theta, tf.tensor2d(x), { training: true, state });
    const out = output.arraySync();
    const means = [3, 30];
    const vars = [8 / 3, 1400 / 3];
    out.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(gamma[j]! * (x[i]![j]! - means[j]!) / Math.sqrt(vars[j]! + 1e-5) + beta[j]!, 4)));
    const next = Array.from(nextState!.dataSync());
    // PyTorch convention: running ← 0.9·running + 0.1·batch, with the unbiased variance.
    const expectedNext = [0.9 * 0.5 + 0.1 * 3, 0.9 * 1 + 0.1 * 30, 0.9 * 2 + 0.1 * 4, 0.9 * 3 + 0.1 * 700];
    next.forEach((v, i) => expect(v).toBeCloseTo(expectedNext[i]!, 4));
    const evalOut = model.apply(theta, tf.tensor2d(x), { training: false, state: nextState! });
    expect(evalOut.nextState).toBeUndefined();
    evalOut.output.arraySync().forEach((row, i) =>
      row.forEach((v, j) => expect(v).toBeCloseTo(gamma[j]! * (x[i]![j]! - expectedNext[j]!) / Math.sqrt(expectedNext[2 + j]! + 1e-5) + beta[j]!, 3)),
    );
    expect(() => model.apply(theta, tf.tensor2d(x), { training: false })).toThrow(/needs options.state/);
  });

  it('conv 5×5 same + bias and 2×2 max/avg pool agree with a hand computation', () => {
    const spec: ModelSpec = { name: 'c', layers: [{ type: 'conv2d', filters: 1 }, { type: 'maxPool' }] };
    const model = buildModel(spec, [4, 4, 1]);
    expect(model.numParams).toBe(26);
    // Kernel with a single 1 at its centre → identity; bias 0.5.
    const theta = new Float32Array(26);
    theta[12] = 1;
    theta[25] = 0.5;
    const img = Array.from({ length: 16 }, (_, i) => i);
    const out = model.apply(tf.tensor1d(theta), tf.tensor4d(img, [1, 4, 4, 1]), { training: false }).output.dataSync();
    expect(Array.from(out)).toEqual([5.5, 7.5, 13.5, 15.5]);
    const avg = buildModel({ name: 'a', layers: [{ type: 'avgPool' }] }, [4, 4, 1]);
    expect(Array.from(avg.apply(tf.tensor1d([]), tf.tensor4d(img, [1, 4, 4, 1]), { training: false }).output.dataSync())).toEqual([2.5, 4.5, 10.5, 12.5]);
  });

  it('preconditions name the function and the expectation', () => {
    const model = buildModel(zoo['mlp-shallow']!.spec, [1]);
    expect(() => model.apply(tf.zeros([3]) as tf.Tensor1D, tf.zeros([2, 1]), { training: true })).toThrow(/theta must be a vector of 573/);
    expect(() => model.apply(tf.zeros([573]) as tf.Tensor1D, tf.zeros([2, 2]), { training: true })).toThrow(/x must have shape \[batch, 1\]/);
    expect(() => buildModel({ name: 'bad', layers: [{ type: 'conv2d', filters: 2 }] }, [3])).toThrow(/layers\[0\] \(conv2d_1\) needs a \[height, width, channels\]/);
    expect(() => buildModel({ name: 'bad', layers: [{ type: 'maxPool', size: 4 }] }, [2, 2, 1])).toThrow(/empty output/);
  });
});
