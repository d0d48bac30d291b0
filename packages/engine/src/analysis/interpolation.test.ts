import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../models/model.js';
import { quadraticLoss, useTestBackend } from '../test-utils/analysis.js';
import { modelEvaluator } from './evaluator.js';
import { interpolate } from './interpolation.js';

beforeAll(useTestBackend);

/** A scalar read from a tidy, the tensor released. */
function read(f: () => tf.Scalar): number {
  return tf.tidy(() => f().dataSync()[0]!);
}

describe('interpolate', () => {
  it('reproduces each batch-norm model’s own train and test loss exactly at α = 0 and α = 1', () => {
    const model = buildModel(
      { name: 'bn', layers: [{ type: 'dense', units: 5 }, { type: 'batchNorm' }, { type: 'activation', activation: 'relu' }, { type: 'dense', units: 3 }] },
      [2],
    );
    const before = tf.memory().numTensors;
    const train = { x: tf.tensor2d([0, 1, 1, 0, 1, 1, -1, 0.5, 0.3, -2], [5, 2]), y: tf.tensor1d([0, 1, 2, 1, 0]) };
    const test = { x: tf.tensor2d([0.2, 0.1, -1, 1], [2, 2]), y: tf.tensor1d([2, 1]) };
    const [thetaA, thetaB] = [model.init(1), model.init(2)];
    // Two different running statistics, as two trained models would have.
    const stateA = tf.tensor1d(Array.from({ length: model.numBuffers }, (_, i) => (i < 5 ? 0.1 * i : 1 + 0.2 * i)));
    const stateB = tf.tensor1d(Array.from({ length: model.numBuffers }, (_, i) => (i < 5 ? -0.3 : 0.4 + 0.1 * i)));
    const result = interpolate({
      thetaA: thetaA.dataSync(),
      thetaB: thetaB.dataSync(),
      stateA: stateA.dataSync(),
      stateB: stateB.dataSync(),
      buffers: model.buffers,
      splits: { train: modelEvaluator(model, train, 'cross-entropy'), test: modelEvaluator(model, test, 'cross-entropy') },
    });
    expect(result.alphas).toHaveLength(31);
    expect(result.alphas[10]).toBe(0);
    expect(result.alphas[20]).toBe(1);
    expect(result.batchNorm).toBe('interpolated-running-stats');
    for (const [split, data] of [['train', train], ['test', test]] as const) {
      const curve = result.splits.find((s) => s.name === split)!;
      expect(curve.loss[10]).toBe(read(() => modelEvaluator(model, data, 'cross-entropy')(thetaA, stateA).loss));
      expect(curve.loss[20]).toBe(read(() => modelEvaluator(model, data, 'cross-entropy')(thetaB, stateB).loss));
      expect(curve.accuracy![20]).toBe(read(() => modelEvaluator(model, data, 'cross-entropy')(thetaB, stateB).accuracy!));
    }
    // Extrapolating to α = 2: 2·v₂ − v₁ < 0 for the first variances, clamped to 0.
    expect(result.clampedVarianceAlphas).toContain(2);
    expect(result.splits[0]!.loss.every(Number.isFinite)).toBe(true);
    tf.dispose([train.x, train.y, test.x, test.y, thetaA, thetaB, stateA, stateB]);
    expect(tf.memory().numTensors).toBe(before);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('traces ½θᵀAθ along the line in closed form', () => {
    const loss = quadraticLoss([2, 0, 0, 1], 2);
    const result = interpolate({ thetaA: [1, 0], thetaB: [0, 2], splits: { train: (t) => ({ loss: loss(t) }) }, alphas: [-1, 0, 0.5, 1, 2] });
    const expected = [-1, 0, 0.5, 1, 2].map((a) => 0.5 * (2 * (1 - a) ** 2 + (2 * a) ** 2));
    result.splits[0]!.loss.forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 5));
    expect(result.splits[0]!.accuracy).toBeUndefined();
    expect(result.batchNorm).toBe('none');
  });

  it('rejects mismatched parameter vectors', () => {
    expect(() => interpolate({ thetaA: [1], thetaB: [1, 2], splits: { train: (t) => ({ loss: tf.sum(t) }) } })).toThrow(/interpolate: thetaA has 1 values but thetaB has 2/);
  });
});
