import type * as tf from '@tensorflow/tfjs';
import { Rng } from '../util/rng.js';
import { hessianVectorProducts } from './hvp.js';
import type { BatchedLossFn, LossFn } from './types.js';

export interface HutchinsonOptions {
  /** Probe vectors at most. Default 200. */
  maxSamples?: number;
  /** Probe vectors at least before the stopping rule applies. Default 10. */
  minSamples?: number;
  /**
   * Stop when the standard error of the mean is at most tolerance × |estimate| (a relative
   * standard error; PyHessian's rule, the relative change of the running mean, can stop after two
   * lucky probes). Default 1e-2.
   */
  tolerance?: number;
  /** Probes per batch of HVPs (one read-back each). Default 10. */
  batchSize?: number;
  seed?: number;
  /** Runs each batch of probes as one vectorised HVP computation (see `hessianVectorProducts`). */
  batchedLoss?: BatchedLossFn;
  signal?: AbortSignal;
}

export interface HutchinsonResult {
  method: 'hutchinson';
  probe: 'rademacher';
  numParams: number;
  /** Estimate of tr(H): the mean of vᵀHv over probes. */
  trace: number;
  /** Standard error of that mean (sample std / √samples). */
  standardError: number;
  samples: number;
  converged: boolean;
  tolerance: number;
  seed: number;
  durationMs: number;
}

/**
 * tr(H) ≈ mean of vᵀHv over Rademacher vectors v (E[vvᵀ] = I), Hutchinson's estimator as in
 * PyHessian. Exact from one probe when H is diagonal; the variance is 2·Σ_{i≠j} Hᵢⱼ².
 */
export function hutchinsonTrace(loss: LossFn, theta: tf.Tensor1D, options: HutchinsonOptions = {}): HutchinsonResult {
  const started = performance.now();
  const n = theta.size;
  const maxSamples = options.maxSamples ?? 200;
  const minSamples = Math.min(options.minSamples ?? 10, maxSamples);
  const tolerance = options.tolerance ?? 1e-2;
  const batchSize = options.batchSize ?? 10;
  const seed = options.seed ?? 0;
  if (!Number.isInteger(maxSamples) || maxSamples < 2) {
    throw new Error(`Error in hutchinsonTrace: options.maxSamples must be an integer ≥ 2, but got ${maxSamples}.`);
  }
  if (!(tolerance > 0)) throw new Error(`Error in hutchinsonTrace: options.tolerance must be > 0, but got ${tolerance}.`);
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new Error(`Error in hutchinsonTrace: options.batchSize must be a positive integer, but got ${batchSize}.`);
  }
  const rng = new Rng(seed);
  const estimates: number[] = [];
  let converged = false;
  const summary = (): { mean: number; standardError: number } => {
    const count = estimates.length;
    const mean = estimates.reduce((s, x) => s + x, 0) / count;
    const variance = count > 1 ? estimates.reduce((s, x) => s + (x - mean) ** 2, 0) / (count - 1) : 0;
    return { mean, standardError: Math.sqrt(variance / count) };
  };
  while (estimates.length < maxSamples && !converged) {
    options.signal?.throwIfAborted();
    const count = Math.min(batchSize, maxSamples - estimates.length);
    const probes = new Float32Array(count * n);
    for (let i = 0; i < probes.length; i++) probes[i] = rng.next() < 0.5 ? -1 : 1;
    const products = hessianVectorProducts(loss, theta, probes, count, {
      chunkSize: count,
      ...(options.batchedLoss ? { batchedLoss: options.batchedLoss } : {}),
    });
    for (let r = 0; r < count; r++) {
      let quadratic = 0;
      for (let i = 0; i < n; i++) quadratic += probes[r * n + i]! * products[r * n + i]!;
      estimates.push(quadratic);
    }
    const { mean, standardError } = summary();
    converged = estimates.length >= minSamples && standardError <= tolerance * Math.abs(mean);
  }
  const { mean, standardError } = summary();
  return {
    method: 'hutchinson',
    probe: 'rademacher',
    numParams: n,
    trace: mean,
    standardError,
    samples: estimates.length,
    converged,
    tolerance,
    seed,
    durationMs: performance.now() - started,
  };
}
