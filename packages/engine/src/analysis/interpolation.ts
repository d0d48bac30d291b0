import * as tf from '@tensorflow/tfjs';
import type { BufferInfo } from '../models/model.types.js';
import { runSteps, type Steps } from '../util/steps.js';
import { evenlySpaced } from './axis.js';
import type { Evaluator } from './types.js';

export interface InterpolationInput {
  /** θ₁ (α = 0) and θ₂ (α = 1). */
  thetaA: ArrayLike<number>;
  thetaB: ArrayLike<number>;
  /** Batch-norm running statistics of each model; both or neither. */
  stateA?: ArrayLike<number>;
  stateB?: ArrayLike<number>;
  /** Where the running variances sit in the state, so extrapolated ones can be kept ≥ 0. */
  buffers?: readonly BufferInfo[];
  /** One evaluator per split, e.g. { train, test } from `modelEvaluator`. */
  splits: Record<string, Evaluator>;
  /** α values; default 31 evenly spaced over `range`. */
  alphas?: number[];
  /** Default [−1, 2]. */
  range?: [number, number];
  /** Default 31. */
  points?: number;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

export interface InterpolationResult {
  alphas: number[];
  splits: { name: string; loss: number[]; accuracy?: number[] }[];
  /**
   * How batch norm was handled: the running mean and variance are interpolated with the same α
   * as θ (state(α) = (1 − α)·state₁ + α·state₂), so α = 0 and α = 1 are exactly the two models;
   * 'none' when the models have no batch norm.
   */
  batchNorm: 'interpolated-running-stats' | 'none';
  /** α values at which an extrapolated running variance went negative and was clamped to 0. */
  clampedVarianceAlphas: number[];
  durationMs: number;
}

/**
 * Loss and accuracy along the line θ(α) = (1 − α)θ₁ + αθ₂ (Goodfellow et al. 2015), on every
 * split, for α beyond [0, 1] as well. θ(α) is formed in float64 and rounded once, so α = 0 and
 * α = 1 reproduce θ₁ and θ₂ bit for bit.
 */
export function interpolate(input: InterpolationInput): InterpolationResult {
  return runSteps(interpolateSteps(input));
}

/** {@link interpolate} one α at a time, yielding the fraction done after each (util/steps). */
export function* interpolateSteps(input: InterpolationInput): Steps<InterpolationResult> {
  const started = performance.now();
  const { thetaA, thetaB, stateA, stateB } = input;
  if (thetaA.length !== thetaB.length) {
    throw new Error(`Error in interpolate: thetaA has ${thetaA.length} values but thetaB has ${thetaB.length}.`);
  }
  if ((stateA === undefined) !== (stateB === undefined) || (stateA && stateB && stateA.length !== stateB.length)) {
    throw new Error('Error in interpolate: stateA and stateB must both be given with the same length, or both be left out.');
  }
  const names = Object.keys(input.splits);
  if (names.length === 0) throw new Error('Error in interpolate: splits must name at least one evaluator.');
  const [low, high] = input.range ?? [-1, 2];
  const alphas = input.alphas ?? evenlySpaced(low, high, input.points ?? 31);
  const hasState = stateA !== undefined && stateA.length > 0;
  const varianceIndices: number[] = [];
  for (const b of input.buffers ?? []) if (b.role === 'movingVariance') for (let i = 0; i < b.size; i++) varianceIndices.push(b.offset + i);

  const losses = names.map(() => new Array<number>(alphas.length));
  const accuracies = names.map(() => new Array<number | undefined>(alphas.length));
  const clampedVarianceAlphas: number[] = [];
  for (const [k, alpha] of alphas.entries()) {
    input.signal?.throwIfAborted();
    const theta = mix(thetaA, thetaB, alpha);
    let state: Float32Array | undefined;
    if (hasState) {
      state = mix(stateA!, stateB!, alpha);
      let clamped = false;
      for (const i of varianceIndices) {
        if (state[i]! < 0) {
          state[i] = 0;
          clamped = true;
        }
      }
      if (clamped) clampedVarianceAlphas.push(alpha);
    }
    const packed = tf.tidy(() => {
      const thetaTensor = tf.tensor1d(theta);
      const stateTensor = state ? tf.tensor1d(state) : undefined;
      return tf.stack(
        names.flatMap((name) => {
          const result = input.splits[name]!(thetaTensor, stateTensor);
          return [result.loss, result.accuracy ?? tf.scalar(Number.NaN)];
        }),
      );
    });
    const values = packed.dataSync();
    packed.dispose();
    names.forEach((_, s) => {
      losses[s]![k] = values[2 * s]! + 0;
      const accuracy = values[2 * s + 1]!;
      accuracies[s]![k] = Number.isNaN(accuracy) ? undefined : accuracy + 0;
    });
    input.onProgress?.((k + 1) / alphas.length);
    yield (k + 1) / alphas.length;
  }
  return {
    alphas,
    splits: names.map((name, s) => {
      const accuracy = accuracies[s]!;
      return accuracy.every((a) => a !== undefined) ? { name, loss: losses[s]!, accuracy: accuracy as number[] } : { name, loss: losses[s]! };
    }),
    batchNorm: hasState ? 'interpolated-running-stats' : 'none',
    clampedVarianceAlphas,
    durationMs: performance.now() - started,
  };
}

function mix(a: ArrayLike<number>, b: ArrayLike<number>, alpha: number): Float32Array {
  const out = new Float32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = (1 - alpha) * a[i]! + alpha * b[i]!;
  return out;
}
