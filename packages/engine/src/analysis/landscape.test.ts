import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../models/model.js';
import type { ParamInfo } from '../models/model.types.js';
import { quadraticLoss, useTestBackend } from '../test-utils/analysis.js';
import { Rng } from '../util/rng.js';
import { modelBatchedEvaluator, modelEvaluator } from './evaluator.js';
import { filterNormalize, lossLandscape1D, lossLandscape2D, projectOntoPlane, randomFilterNormalizedDirection } from './landscape.js';
import type { Evaluator } from './types.js';

beforeAll(useTestBackend);

const norm = (values: number[]): number => Math.sqrt(values.reduce((s, x) => s + x * x, 0));

describe('lossLandscape2D', () => {
  it('of a quadratic is that quadratic: L(c + x·d₁ + y·d₂) in closed form', () => {
    const n = 4;
    const a = [2, 0.5, 0, 0, 0.5, 1, 0, 0, 0, 0, 3, -1, 0, 0, -1, 1];
    const loss = quadraticLoss(a, n);
    const evaluate: Evaluator = (theta) => ({ loss: loss(theta) });
    const c = [0.3, -0.2, 0.1, 0.5];
    const d1 = [1, 0, 0.5, 0];
    const d2 = [0, 1, 0, -0.5];
    const quadratic = (v: number[]) => 0.5 * v.reduce((s, vi, i) => s + vi * v.reduce((t, vj, j) => t + a[i * n + j]! * vj, 0), 0);
    const before = tf.memory().numTensors;
    const result = lossLandscape2D({ evaluate, theta: c, directions: { kind: 'given', vectors: [d1, d2] }, resolution: 11, range: [-2, 2] });
    expect(tf.memory().numTensors).toBe(before);
    expect(result.xs).toHaveLength(11);
    expect(result.xs[5]).toBe(0);
    result.ys.forEach((y, j) =>
      result.xs.forEach((x, i) => {
        const expected = quadratic(c.map((ci, k) => ci + x * d1[k]! + y * d2[k]!));
        expect(result.loss[j]![i]).toBeCloseTo(expected, 4);
      }),
    );
    expect(result.centerLoss).toBeCloseTo(quadratic(c), 5);
    expect(result.slices[0]!.points.map((p) => p.y)).toEqual(result.loss[5]);
    expect(result.slices[1]!.points.map((p) => p.y)).toEqual(result.loss.map((row) => row[5]));
    expect(result.accuracy).toBeUndefined();
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('gives the same grid with any batching, slices off-grid when the centre is not on it, and projects the path', () => {
    const loss = quadraticLoss([1, 0, 0, 2], 2);
    const evaluate: Evaluator = (theta) => ({ loss: loss(theta), accuracy: tf.scalar(0.5) });
    const input = {
      evaluate,
      theta: [0, 0],
      directions: { kind: 'given' as const, vectors: [[1, 0], [1, 1]] },
      resolution: 6,
      trajectory: [{ theta: [2, 1], epoch: 0 }, { theta: [0, 0], epoch: 3 }],
    };
    const rowwise = lossLandscape2D(input);
    const pointwise = lossLandscape2D({ ...input, pointsPerBatch: 1 });
    expect(pointwise.loss).toEqual(rowwise.loss);
    expect(rowwise.accuracy![2]![3]).toBe(0.5);
    // Centre not on a 6-point grid: slices are evaluated on the axes through it.
    expect(rowwise.slices[0]!.points.map((p) => p.y)).toEqual(rowwise.xs.map((x) => expect.closeTo(0.5 * x * x, 5)));
    // (2, 1) = 1·(1, 0) + 1·(1, 1).
    expect(rowwise.path).toEqual([
      { x: expect.closeTo(1, 10), y: expect.closeTo(1, 10), epoch: 0, residual: expect.closeTo(0, 10) },
      { x: 0, y: 0, epoch: 3, residual: 0 },
    ]);
    expect(rowwise.direction.cosine).toBeCloseTo(Math.SQRT1_2, 6);
  });

  it('runs on a model with random filter-normalised directions without leaking', () => {
    const model = buildModel({ name: 'm', layers: [{ type: 'dense', units: 4, activation: 'relu' }, { type: 'dense', units: 3 }] }, [2]);
    const before = tf.memory().numTensors;
    const x = tf.tensor2d([0, 1, 1, 0, 1, 1, -1, 0.5], [4, 2]);
    const y = tf.tensor1d([0, 1, 2, 1]);
    const theta = model.init(3);
    const result = lossLandscape2D({
      evaluate: modelEvaluator(model, { x, y }, 'cross-entropy'),
      theta: theta.dataSync(),
      params: model.params,
      directions: { kind: 'random-filter-normalized', seed: 1 },
      resolution: 5,
    });
    const direct = tf.tidy(() => modelEvaluator(model, { x, y }, 'cross-entropy')(theta).loss.dataSync()[0]!);
    tf.dispose([x, y, theta]);
    expect(tf.memory().numTensors).toBe(before);
    expect(result.loss[2]![2]).toBeCloseTo(direct, 6);
    expect(result.centerLoss).toBeCloseTo(direct, 6);
    expect(result.accuracy).toHaveLength(5);
    expect(result.direction).toMatchObject({ kind: 'random-filter-normalized', seed: 1, ignoreBiasAndBatchNorm: true });
  });
});

describe('lossLandscape1D', () => {
  it('is the quadratic along the line', () => {
    const loss = quadraticLoss([4], 1);
    const result = lossLandscape1D({ evaluate: (t) => ({ loss: loss(t) }), theta: [1], directions: { kind: 'given', vectors: [[0.5]] }, resolution: 5 });
    expect(result.loss).toEqual([-1, -0.5, 0, 0.5, 1].map((x) => expect.closeTo(2 * (1 + 0.5 * x) ** 2, 5)));
    expect(result.centerLoss).toBeCloseTo(2, 6);
  });
});

describe('filterNormalize', () => {
  const params: ParamInfo[] = [
    { name: 'conv2d_1/kernel', layerIndex: 0, layerName: 'conv2d_1', role: 'kernel', shape: [2, 2, 3, 5], offset: 0, size: 60 },
    { name: 'conv2d_1/bias', layerIndex: 0, layerName: 'conv2d_1', role: 'bias', shape: [5], offset: 60, size: 5 },
    { name: 'batch_norm_1/gamma', layerIndex: 1, layerName: 'batch_norm_1', role: 'gamma', shape: [5], offset: 65, size: 5 },
    { name: 'dense_1/kernel', layerIndex: 2, layerName: 'dense_1', role: 'kernel', shape: [5, 4], offset: 70, size: 20 },
  ];
  const rng = new Rng(12);
  const theta = Array.from({ length: 90 }, () => rng.normal());
  const direction = Array.from({ length: 90 }, () => rng.normal());

  /** The elements of filter f of a kernel [..., filters] stored at offset. */
  const filter = (values: ArrayLike<number>, offset: number, size: number, filters: number, f: number): number[] =>
    Array.from({ length: size / filters }, (_, k) => values[offset + k * filters + f]!);

  it('gives each conv output channel and dense output unit the norm of its weights, keeping its direction', () => {
    const normalized = filterNormalize(direction, theta, params);
    for (let f = 0; f < 5; f++) {
      const d = filter(normalized, 0, 60, 5, f);
      expect(norm(d)).toBeCloseTo(norm(filter(theta, 0, 60, 5, f)), 5);
      const original = filter(direction, 0, 60, 5, f);
      const ratio = d[0]! / original[0]!;
      d.forEach((value, k) => expect(value).toBeCloseTo(original[k]! * ratio, 5));
    }
    for (let f = 0; f < 4; f++) expect(norm(filter(normalized, 70, 20, 4, f))).toBeCloseTo(norm(filter(theta, 70, 20, 4, f)), 5);
    // Biases and batch-norm parameters are zeroed by default.
    expect(Array.from(normalized.subarray(60, 70))).toEqual(new Array(10).fill(0));
  });

  it('rescales biases and batch-norm vectors to their weights’ norm when asked', () => {
    const normalized = filterNormalize(direction, theta, params, { ignoreBiasAndBatchNorm: false });
    expect(norm(Array.from(normalized.subarray(60, 65)))).toBeCloseTo(norm(theta.slice(60, 65)), 5);
    expect(norm(Array.from(normalized.subarray(65, 70)))).toBeCloseTo(norm(theta.slice(65, 70)), 5);
  });

  it('is seeded for random directions', () => {
    expect(randomFilterNormalizedDirection(theta, params, 3)).toEqual(randomFilterNormalizedDirection(theta, params, 3));
    expect(randomFilterNormalizedDirection(theta, params, 3)).not.toEqual(randomFilterNormalizedDirection(theta, params, 4));
  });
});

describe('projectOntoPlane', () => {
  it('rejects parallel directions', () => {
    expect(() => projectOntoPlane([0, 0], [1, 1], [2, 2], [])).toThrow(/projectOntoPlane: the two directions are \(nearly\) parallel/);
  });
});

describe('lossLandscape2D with a batched evaluator', () => {
  it('gives the grid of the per-point evaluation (ensemble pass of a dense model)', () => {
    const model = buildModel({ name: 'm', layers: [{ type: 'dense', units: 5, activation: 'relu' }, { type: 'dense', units: 3 }] }, [2]);
    const before = tf.memory().numTensors;
    const data = { x: tf.tensor2d([0, 1, 1, 0, 1, 1, -1, 0.5], [4, 2]), y: tf.tensor1d([0, 1, 2, 1]) };
    const theta = model.init(5);
    const input = {
      evaluate: modelEvaluator(model, data, 'cross-entropy'),
      theta: theta.dataSync(),
      params: model.params,
      directions: { kind: 'random-filter-normalized' as const, seed: 2 },
      resolution: 7,
      pointsPerBatch: 10,
    };
    const pointwise = lossLandscape2D(input);
    const batched = lossLandscape2D({ ...input, batchedEvaluate: modelBatchedEvaluator(model, data, 'cross-entropy')! });
    tf.dispose([data.x, data.y, theta]);
    expect(tf.memory().numTensors).toBe(before);
    batched.loss.forEach((row, j) => row.forEach((value, i) => expect(value).toBeCloseTo(pointwise.loss[j]![i]!, 5)));
    expect(batched.accuracy).toEqual(pointwise.accuracy);
    expect(batched.centerLoss).toBeCloseTo(pointwise.centerLoss, 6);
  });

  it('is unavailable for models the ensemble pass cannot batch', () => {
    const model = buildModel({ name: 'c', layers: [{ type: 'conv2d', filters: 1, kernelSize: 3 }, { type: 'flatten' }, { type: 'dense', units: 2 }] }, [4, 4, 1]);
    const data = { x: tf.zeros([1, 4, 4, 1]), y: tf.zeros([1]) };
    expect(modelBatchedEvaluator(model, data, 'cross-entropy')).toBeUndefined();
    tf.dispose([data.x, data.y]);
  });
});
