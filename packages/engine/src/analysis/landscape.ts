import * as tf from '@tensorflow/tfjs';
import type { ParamInfo } from '../models/model.types.js';
import { Rng } from '../util/rng.js';
import { runSteps, type Steps } from '../util/steps.js';
import { evenlySpaced } from './axis.js';
import { plainNumbers } from './json.js';
import type { BatchedEvaluator, Evaluator } from './types.js';

export interface FilterNormalizationOptions {
  /**
   * Zero the direction on biases and batch-norm γ/β (Li et al.'s default, `ignore='biasbn'`).
   * When false, each such vector is rescaled as a whole to the norm of its weights. Default true.
   */
  ignoreBiasAndBatchNorm?: boolean;
}

/**
 * Li et al. (2018) filter normalisation of a direction d at θ: for every filter — a conv output
 * channel or a dense output unit, i.e. every index of a kernel's last axis — d_filter is rescaled
 * to ‖θ_filter‖, so that the plot's scale is that of the weights filter by filter and
 * scale-invariant nets (ReLU + BN) get comparable pictures. Returns a new array.
 */
export function filterNormalize(
  direction: ArrayLike<number>,
  theta: ArrayLike<number>,
  params: readonly ParamInfo[],
  options: FilterNormalizationOptions = {},
): Float32Array {
  const ignoreBiasAndBatchNorm = options.ignoreBiasAndBatchNorm ?? true;
  if (direction.length !== theta.length) {
    throw new Error(`Error in filterNormalize: direction has ${direction.length} values but theta has ${theta.length}.`);
  }
  const out = new Float32Array(direction.length);
  for (const p of params) {
    if (p.offset + p.size > theta.length) {
      throw new Error(`Error in filterNormalize: params '${p.name}' ends at ${p.offset + p.size}, beyond theta's ${theta.length} values.`);
    }
    if (p.role !== 'kernel') {
      if (ignoreBiasAndBatchNorm) continue;
      rescaleGroup(out, direction, theta, p.offset, p.size, 1);
      continue;
    }
    // Row-major kernel [..., filters]: element e of the kernel belongs to filter e % filters.
    const filters = p.shape[p.shape.length - 1]!;
    for (let f = 0; f < filters; f++) rescaleGroup(out, direction, theta, p.offset + f, p.size / filters, filters);
  }
  return out;
}

function rescaleGroup(out: Float32Array, direction: ArrayLike<number>, theta: ArrayLike<number>, start: number, count: number, stride: number): void {
  let directionSquares = 0;
  let weightSquares = 0;
  for (let k = 0, i = start; k < count; k++, i += stride) {
    directionSquares += direction[i]! ** 2;
    weightSquares += theta[i]! ** 2;
  }
  const factor = directionSquares > 0 ? Math.sqrt(weightSquares / directionSquares) : 0;
  for (let k = 0, i = start; k < count; k++, i += stride) out[i] = direction[i]! * factor;
}

/** A Gaussian direction, filter-normalised at θ (Li et al.). */
export function randomFilterNormalizedDirection(
  theta: ArrayLike<number>,
  params: readonly ParamInfo[],
  seed: number,
  options: FilterNormalizationOptions = {},
): Float32Array {
  const rng = new Rng(seed);
  const gaussian = Float32Array.from({ length: theta.length }, () => rng.normal());
  return filterNormalize(gaussian, theta, params, options);
}

export type LandscapeDirections =
  /** Gaussian directions, filter-normalised at the centre; needs `params`. */
  | { kind: 'random-filter-normalized'; seed?: number; ignoreBiasAndBatchNorm?: boolean }
  /** Directions given by the caller, used as they are (e.g. the top PCA directions). */
  | { kind: 'given'; vectors: ArrayLike<number>[]; label?: string };

export interface LandscapeInput {
  evaluate: Evaluator;
  /** Centre of the plot: the trained θ. */
  theta: ArrayLike<number>;
  params?: readonly ParamInfo[];
  directions: LandscapeDirections;
  /** Axis range; default [−1, 1] (Li et al.). */
  range?: [number, number];
  /** Points per axis; default 51 (2-D) or 101 (1-D). Odd counts put the centre on the grid. */
  resolution?: number;
  /** Snapshots to project onto the plane (2-D only), oldest first. */
  trajectory?: { theta: ArrayLike<number>; epoch?: number }[];
  /** Grid points evaluated per tf.tidy with a single read-back. Default: one row of the grid. */
  pointsPerBatch?: number;
  /**
   * When given, each batch of grid points is one computation over the stacked θs
   * (`modelBatchedEvaluator`), instead of one forward pass per point.
   */
  batchedEvaluate?: BatchedEvaluator;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

export interface LandscapeDirectionInfo {
  kind: LandscapeDirections['kind'];
  seed?: number;
  ignoreBiasAndBatchNorm?: boolean;
  label?: string;
  /** ‖d‖ of each direction, for scale. */
  norms: number[];
  /** cos of the angle between the two directions (2-D only). */
  cosine?: number;
}

export interface Landscape1D {
  kind: '1d';
  xs: number[];
  loss: number[];
  accuracy?: number[];
  centerLoss: number;
  direction: LandscapeDirectionInfo;
  durationMs: number;
}

export interface Landscape2D {
  kind: '2d';
  xs: number[];
  ys: number[];
  /** loss[j][i] at (xs[i], ys[j]). */
  loss: number[][];
  accuracy?: number[][];
  centerLoss: number;
  direction: LandscapeDirectionInfo;
  /** The trajectory's least-squares coordinates in the plane, with ‖residual‖ / ‖θ_t − θ_centre‖. */
  path?: { x: number; y: number; epoch?: number; residual: number }[];
  /** 1-D slices through the centre along each axis. */
  slices: { label: string; points: { x: number; y: number }[] }[];
  durationMs: number;
}

function resolveDirections(input: LandscapeInput, count: number): { vectors: Float32Array[]; info: LandscapeDirectionInfo } {
  const { theta, directions } = input;
  let vectors: Float32Array[];
  const info: LandscapeDirectionInfo = { kind: directions.kind, norms: [] };
  if (directions.kind === 'random-filter-normalized') {
    if (input.params === undefined) {
      throw new Error("Error in lossLandscape: input.params is required for directions.kind 'random-filter-normalized'.");
    }
    const seed = directions.seed ?? 0;
    const ignoreBiasAndBatchNorm = directions.ignoreBiasAndBatchNorm ?? true;
    vectors = Array.from({ length: count }, (_, k) =>
      randomFilterNormalizedDirection(theta, input.params!, seed * 1000 + k, { ignoreBiasAndBatchNorm }),
    );
    Object.assign(info, { seed, ignoreBiasAndBatchNorm });
  } else {
    if (directions.vectors.length < count) {
      throw new Error(`Error in lossLandscape: directions.vectors must hold ${count} vectors, but has ${directions.vectors.length}.`);
    }
    vectors = directions.vectors.slice(0, count).map((v, k) => {
      if (v.length !== theta.length) {
        throw new Error(`Error in lossLandscape: directions.vectors[${k}] has ${v.length} values, expected theta's ${theta.length}.`);
      }
      return Float32Array.from(v);
    });
    if (directions.label !== undefined) info.label = directions.label;
  }
  info.norms = vectors.map((v) => Math.sqrt(v.reduce((s, x) => s + x * x, 0)));
  if (count === 2) {
    const dot = vectors[0]!.reduce((s, x, i) => s + x * vectors[1]![i]!, 0);
    info.cosine = info.norms[0]! > 0 && info.norms[1]! > 0 ? dot / (info.norms[0]! * info.norms[1]!) : 0;
  }
  return { vectors, info };
}

/**
 * Loss (and accuracy) at θ_c + Σ_k a_k d_k for many coefficient tuples, evaluated
 * `pointsPerBatch` at a time inside one tidy with one read-back each.
 */
function* evaluateAt(
  evaluators: { evaluate: Evaluator; batchedEvaluate?: BatchedEvaluator | undefined },
  center: tf.Tensor1D,
  directions: tf.Tensor1D[],
  coefficients: number[][],
  pointsPerBatch: number,
  onBatch?: () => void,
  signal?: AbortSignal,
): Steps<{ loss: Float32Array; accuracy?: Float32Array }> {
  const loss = new Float32Array(coefficients.length);
  let accuracy: Float32Array | undefined;
  for (let start = 0; start < coefficients.length; start += pointsPerBatch) {
    signal?.throwIfAborted();
    const batch = coefficients.slice(start, start + pointsPerBatch);
    const batchedEvaluate = evaluators.batchedEvaluate;
    const packed = tf.tidy(() => {
      if (batchedEvaluate) {
        // θ for every point at once: centre + C·D, C the [k, m] coefficients, D the [m, P] directions.
        const thetas = tf.add(tf.matMul(tf.tensor2d(batch), tf.stack(directions)), center) as tf.Tensor2D;
        const result = batchedEvaluate(thetas);
        return result.accuracy ? tf.stack([result.loss, result.accuracy], 1) : tf.reshape(result.loss, [-1, 1]);
      }
      const rows = batch.map((coefs) => {
        let theta: tf.Tensor1D = center;
        coefs.forEach((a, k) => {
          if (a !== 0) theta = tf.add(theta, tf.mul(directions[k]!, a)) as tf.Tensor1D;
        });
        const result = evaluators.evaluate(theta);
        return result.accuracy ? tf.stack([result.loss, result.accuracy]) : tf.stack([result.loss]);
      });
      return tf.stack(rows);
    });
    const width = packed.shape[1]!;
    const values = packed.dataSync();
    packed.dispose();
    if (width === 2) accuracy ??= new Float32Array(coefficients.length);
    for (let i = 0; i < batch.length; i++) {
      loss[start + i] = values[i * width]!;
      if (accuracy) accuracy[start + i] = values[i * width + 1]!;
    }
    onBatch?.();
    yield Math.min(1, (start + batch.length) / coefficients.length);
  }
  return accuracy ? { loss, accuracy } : { loss };
}

/** L along θ_c + x·d for x on an axis (default 101 points over [−1, 1]). */
export function lossLandscape1D(input: LandscapeInput): Landscape1D {
  return runSteps(lossLandscape1DSteps(input));
}

/** {@link lossLandscape1D} in chunks of `pointsPerBatch` points, yielding the fraction done after each (util/steps). */
export function* lossLandscape1DSteps(input: LandscapeInput): Steps<Landscape1D> {
  const started = performance.now();
  const resolution = input.resolution ?? 101;
  checkResolution(resolution);
  const [low, high] = input.range ?? [-1, 1];
  const xs = evenlySpaced(low, high, resolution);
  const { vectors, info } = resolveDirections(input, 1);
  const center = tf.tensor1d(Float32Array.from(input.theta));
  const direction = tf.tensor1d(vectors[0]!);
  try {
    const values = yield* evaluateAt(input, center, [direction], [...xs.map((x) => [x]), [0]], input.pointsPerBatch ?? resolution, undefined, input.signal);
    const result: Landscape1D = {
      kind: '1d',
      xs,
      loss: plainNumbers(values.loss.subarray(0, resolution)),
      centerLoss: values.loss[resolution]! + 0,
      direction: info,
      durationMs: 0,
    };
    if (values.accuracy) result.accuracy = plainNumbers(values.accuracy.subarray(0, resolution));
    result.durationMs = performance.now() - started;
    return result;
  } finally {
    tf.dispose([center, direction]);
  }
}

function checkResolution(resolution: number): void {
  if (!Number.isInteger(resolution) || resolution < 2) {
    throw new Error(`Error in lossLandscape: input.resolution must be an integer ≥ 2, but got ${resolution}.`);
  }
}

/**
 * L on the plane θ_c + x·d₁ + y·d₂ over a grid (default 51 × 51 over [−1, 1]², Li et al. 2018),
 * with the trajectory projected onto the plane (least squares, so non-orthogonal directions are
 * handled) and the two 1-D slices through the centre.
 */
export function lossLandscape2D(input: LandscapeInput): Landscape2D {
  return runSteps(lossLandscape2DSteps(input));
}

/** {@link lossLandscape2D} in chunks of `pointsPerBatch` grid points, yielding the fraction done after each (util/steps). */
export function* lossLandscape2DSteps(input: LandscapeInput): Steps<Landscape2D> {
  const started = performance.now();
  const resolution = input.resolution ?? 51;
  checkResolution(resolution);
  const range = input.range ?? [-1, 1];
  const xs = evenlySpaced(range[0], range[1], resolution);
  const ys = evenlySpaced(range[0], range[1], resolution);
  const { vectors, info } = resolveDirections(input, 2);
  const coefficients: number[][] = [];
  for (const y of ys) for (const x of xs) coefficients.push([x, y]);
  const centerIndex = xs.indexOf(0);
  // Slices come from the grid when the centre is on it; otherwise they cost two extra lines.
  if (centerIndex < 0) {
    for (const x of xs) coefficients.push([x, 0]);
    for (const y of ys) coefficients.push([0, y]);
  }
  coefficients.push([0, 0]);
  const pointsPerBatch = input.pointsPerBatch ?? resolution;
  const batches = Math.ceil(coefficients.length / pointsPerBatch);
  let done = 0;
  const center = tf.tensor1d(Float32Array.from(input.theta));
  const directions = vectors.map((v) => tf.tensor1d(v));
  let values: { loss: Float32Array; accuracy?: Float32Array };
  try {
    values = yield* evaluateAt(input, center, directions, coefficients, pointsPerBatch, () => input.onProgress?.(++done / batches), input.signal);
  } finally {
    tf.dispose([center, ...directions]);
  }
  const n = resolution;
  const toGrid = (flat: Float32Array): number[][] => Array.from({ length: n }, (_, j) => plainNumbers(flat.subarray(j * n, (j + 1) * n)));
  const along = (flat: Float32Array, axisIndex: 0 | 1): number[] => {
    if (centerIndex >= 0) return Array.from({ length: n }, (_, k) => (axisIndex === 0 ? flat[centerIndex * n + k]! : flat[k * n + centerIndex]!) + 0);
    const offset = n * n + axisIndex * n;
    return plainNumbers(flat.subarray(offset, offset + n));
  };
  const result: Landscape2D = {
    kind: '2d',
    xs,
    ys,
    loss: toGrid(values.loss),
    centerLoss: values.loss[coefficients.length - 1]! + 0,
    direction: info,
    slices: [
      { label: 'x (y = 0)', points: along(values.loss, 0).map((loss, k) => ({ x: xs[k]!, y: loss })) },
      { label: 'y (x = 0)', points: along(values.loss, 1).map((loss, k) => ({ x: ys[k]!, y: loss })) },
    ],
    durationMs: 0,
  };
  if (values.accuracy) result.accuracy = toGrid(values.accuracy);
  if (input.trajectory) result.path = projectOntoPlane(input.theta, vectors[0]!, vectors[1]!, input.trajectory);
  result.durationMs = performance.now() - started;
  return result;
}

/**
 * Coordinates (x, y) minimising ‖θ_t − θ_c − x·d₁ − y·d₂‖ for each snapshot (2 × 2 normal
 * equations in float64), with the relative residual saying how far the path leaves the plane.
 */
export function projectOntoPlane(
  center: ArrayLike<number>,
  d1: ArrayLike<number>,
  d2: ArrayLike<number>,
  trajectory: { theta: ArrayLike<number>; epoch?: number }[],
): { x: number; y: number; epoch?: number; residual: number }[] {
  let g11 = 0;
  let g12 = 0;
  let g22 = 0;
  for (let i = 0; i < center.length; i++) {
    g11 += d1[i]! * d1[i]!;
    g12 += d1[i]! * d2[i]!;
    g22 += d2[i]! * d2[i]!;
  }
  const determinant = g11 * g22 - g12 * g12;
  if (!(determinant > 1e-12 * g11 * g22)) {
    throw new Error('Error in projectOntoPlane: the two directions are (nearly) parallel or zero; they span no plane.');
  }
  return trajectory.map(({ theta, epoch }, t) => {
    if (theta.length !== center.length) {
      throw new Error(`Error in projectOntoPlane: trajectory[${t}].theta has ${theta.length} values, expected ${center.length}.`);
    }
    let b1 = 0;
    let b2 = 0;
    let offsetSquares = 0;
    for (let i = 0; i < center.length; i++) {
      const offset = theta[i]! - center[i]!;
      b1 += offset * d1[i]!;
      b2 += offset * d2[i]!;
      offsetSquares += offset * offset;
    }
    const x = (g22 * b1 - g12 * b2) / determinant;
    const y = (g11 * b2 - g12 * b1) / determinant;
    let residualSquares = 0;
    for (let i = 0; i < center.length; i++) residualSquares += (theta[i]! - center[i]! - x * d1[i]! - y * d2[i]!) ** 2;
    const point: { x: number; y: number; epoch?: number; residual: number } = {
      x,
      y,
      residual: offsetSquares > 0 ? Math.sqrt(residualSquares / offsetSquares) : 0,
    };
    if (epoch !== undefined) point.epoch = epoch;
    return point;
  });
}
