import * as tf from '@tensorflow/tfjs';
import { Rng } from '../util/rng.js';
import { tridiagonalEigenvalues } from './eigen.js';
import { hessianVectorProduct } from './hvp.js';
import type { LossFn } from './types.js';

export interface LanczosOptions {
  /** Largest eigenvalues wanted. Default 5. */
  topK?: number;
  /** Smallest (most negative) eigenvalues wanted. Default 1. */
  bottomK?: number;
  /** Lanczos steps at most (one HVP each). Default min(P, 100). */
  maxIterations?: number;
  /**
   * Stop when, between two checks `checkEvery` steps apart, every wanted Ritz value moved by
   * less than tolerance × max(|λ|, 1e-3·λ_scale), λ_scale = largest |Ritz value|. The floor keeps
   * near-zero bottom eigenvalues from demanding relative accuracy nobody needs. Default 1e-4.
   */
  tolerance?: number;
  /** Steps between convergence checks. Default 5. */
  checkEvery?: number;
  /** Seed of the random start vector. Default 0. */
  seed?: number;
  signal?: AbortSignal;
}

export interface LanczosResult {
  method: 'lanczos';
  numParams: number;
  /** Largest eigenvalue estimates, descending. */
  top: number[];
  /** Smallest eigenvalue estimates, ascending. */
  bottom: number[];
  iterations: number;
  /** True when the tolerance was met or the Krylov space became invariant (then the values are exact). */
  converged: boolean;
  tolerance: number;
  /** The largest scaled change of a wanted Ritz value at the last check (0 when invariant; null before a second check). */
  lastChange: number | null;
  reorthogonalization: 'full';
  seed: number;
  durationMs: number;
}

/**
 * Extreme eigenvalues of the Hessian by the Lanczos iteration on Hessian-vector products, with
 * full reorthogonalisation (classical Gram–Schmidt, applied twice) so that no ghost copies of
 * converged eigenvalues appear. The Lanczos basis lives in float64 on the JS side
 * (iterations × P numbers); only the HVPs run on the backend. PyHessian's approach for nets too
 * large for the exact Hessian.
 */
export function lanczosEigenvalues(loss: LossFn, theta: tf.Tensor1D, options: LanczosOptions = {}): LanczosResult {
  const started = performance.now();
  const n = theta.size;
  const topK = options.topK ?? 5;
  const bottomK = options.bottomK ?? 1;
  const maxIterations = Math.min(n, options.maxIterations ?? 100);
  const tolerance = options.tolerance ?? 1e-4;
  const checkEvery = options.checkEvery ?? 5;
  const seed = options.seed ?? 0;
  if (!Number.isInteger(topK) || topK < 0 || !Number.isInteger(bottomK) || bottomK < 0 || topK + bottomK === 0) {
    throw new Error(`Error in lanczosEigenvalues: options.topK and options.bottomK must be integers ≥ 0, not both 0; got ${topK}, ${bottomK}.`);
  }
  if (!Number.isInteger(maxIterations) || maxIterations < 1) {
    throw new Error(`Error in lanczosEigenvalues: options.maxIterations must be a positive integer, but got ${maxIterations}.`);
  }
  if (!(tolerance > 0)) throw new Error(`Error in lanczosEigenvalues: options.tolerance must be > 0, but got ${tolerance}.`);

  const rng = new Rng(seed);
  const basis: Float64Array[] = [];
  const alphas: number[] = [];
  const betas: number[] = [];
  let q = Float64Array.from({ length: n }, () => rng.normal());
  scaleInPlace(q, 1 / norm(q));
  let previous: number[] | undefined;
  let lastChange = Number.POSITIVE_INFINITY;
  let converged = false;

  const wanted = (ritz: Float64Array): number[] => {
    const m = ritz.length;
    const top = Array.from(ritz.subarray(Math.max(0, m - topK))).reverse();
    const bottom = Array.from(ritz.subarray(0, Math.min(bottomK, m)));
    return [...top, ...bottom];
  };

  for (let j = 0; j < maxIterations; j++) {
    options.signal?.throwIfAborted();
    basis.push(q);
    const w = applyHessian(loss, theta, q);
    const alpha = dot(w, q);
    alphas.push(alpha);
    // Full reorthogonalisation against the whole basis (this also removes the α q_j and β q_{j−1} terms).
    for (let pass = 0; pass < 2; pass++) {
      for (const b of basis) axpyInPlace(w, -dot(w, b), b);
    }
    const beta = norm(w);
    const isLast = j === maxIterations - 1;
    const ritzScale = Math.max(...alphas.map(Math.abs), ...betas.map(Math.abs));
    const invariant = beta <= 1e-10 * Math.max(ritzScale, Number.MIN_VALUE);
    if (invariant || isLast || (j + 1) % checkEvery === 0) {
      const ritz = tridiagonalEigenvalues(alphas, betas);
      const current = wanted(ritz);
      if (invariant) {
        lastChange = 0;
      } else if (previous !== undefined && previous.length === current.length) {
        const scale = Math.max(...Array.from(ritz, Math.abs));
        lastChange = Math.max(
          ...current.map((value, i) => Math.abs(value - previous![i]!) / Math.max(Math.abs(value), 1e-3 * scale, Number.MIN_VALUE)),
        );
      }
      previous = current;
      // A Krylov space smaller than what was asked for cannot have converged by comparison alone.
      if (invariant || (lastChange <= tolerance && ritz.length >= topK + bottomK)) {
        converged = true;
        break;
      }
    }
    if (isLast) break;
    betas.push(beta);
    q = Float64Array.from(w);
    scaleInPlace(q, 1 / beta);
  }
  const ritz = tridiagonalEigenvalues(alphas, betas.slice(0, alphas.length - 1));
  const m = ritz.length;
  return {
    method: 'lanczos',
    numParams: n,
    top: Array.from(ritz.subarray(Math.max(0, m - topK))).reverse(),
    bottom: Array.from(ritz.subarray(0, Math.min(bottomK, m))),
    iterations: alphas.length,
    converged,
    tolerance,
    lastChange: Number.isFinite(lastChange) ? lastChange : null,
    reorthogonalization: 'full',
    seed,
    durationMs: performance.now() - started,
  };
}

function applyHessian(loss: LossFn, theta: tf.Tensor1D, q: Float64Array): Float64Array {
  const product = tf.tidy(() => hessianVectorProduct(loss, theta, tf.tensor1d(Float32Array.from(q))));
  const values = Float64Array.from(product.dataSync());
  product.dispose();
  return values;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

function norm(a: Float64Array): number {
  return Math.sqrt(dot(a, a));
}

function scaleInPlace(a: Float64Array, factor: number): void {
  for (let i = 0; i < a.length; i++) a[i]! *= factor;
}

function axpyInPlace(y: Float64Array, alpha: number, x: Float64Array): void {
  for (let i = 0; i < y.length; i++) y[i]! += alpha * x[i]!;
}
