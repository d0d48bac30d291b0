import type * as tf from '@tensorflow/tfjs';
import { symmetricEigenvalues, type SymmetricMatrix } from './eigen.js';
import { runSteps, type Steps } from '../util/steps.js';
import { type BatchedHvpOptions, hessianVectorProductsOfSteps } from './hvp.js';
import type { LossFn } from './types.js';

/** The exact Hessian with how far from symmetric it came out before symmetrisation. */
export interface ExactHessian extends SymmetricMatrix {
  /** max |Hᵢⱼ − Hⱼᵢ| of the raw HVP rows: float32 rounding of the two backward passes. */
  maxAsymmetry: number;
  /** maxAsymmetry / max |Hᵢⱼ| (0 for a zero Hessian). */
  relativeAsymmetry: number;
  durationMs: number;
}

/**
 * The full P × P Hessian of `loss` at θ, row i = H·eᵢ from batched Hessian-vector products,
 * then symmetrised as (H + Hᵀ)/2 (exactly symmetric afterwards). Float64 storage of float32
 * products. For small nets: P HVPs and P² numbers (573 params → 2.6 MB).
 */
export function exactHessian(loss: LossFn, theta: tf.Tensor1D, options: BatchedHvpOptions = {}): ExactHessian {
  return runSteps(exactHessianSteps(loss, theta, options));
}

/** {@link exactHessian} one chunk of Hessian-vector products at a time, yielding the fraction done (util/steps). */
export function* exactHessianSteps(loss: LossFn, theta: tf.Tensor1D, options: BatchedHvpOptions = {}): Steps<ExactHessian> {
  const started = performance.now();
  const n = theta.size;
  const data = yield* hessianVectorProductsOfSteps(
    loss,
    theta,
    n,
    (start, rows) => {
      for (let r = 0; r * n < rows.length; r++) rows[r * n + start + r] = 1;
    },
    options,
  );
  let maxAsymmetry = 0;
  let maxAbs = 0;
  for (let i = 0; i < n; i++) {
    maxAbs = Math.max(maxAbs, Math.abs(data[i * n + i]!));
    for (let j = 0; j < i; j++) {
      const upper = data[j * n + i]!;
      const lower = data[i * n + j]!;
      maxAsymmetry = Math.max(maxAsymmetry, Math.abs(upper - lower));
      maxAbs = Math.max(maxAbs, Math.abs(upper), Math.abs(lower));
      const mean = (upper + lower) / 2;
      data[i * n + j] = mean;
      data[j * n + i] = mean;
    }
  }
  return {
    size: n,
    data,
    maxAsymmetry,
    relativeAsymmetry: maxAbs === 0 ? 0 : maxAsymmetry / maxAbs,
    durationMs: performance.now() - started,
  };
}

/** All eigenvalues of the exact Hessian: JSON-ready, for storage and the spectrum chart. */
export interface HessianSpectrum {
  method: 'exact';
  numParams: number;
  /** Ascending. */
  eigenvalues: number[];
  maxAsymmetry: number;
  relativeAsymmetry: number;
  hessianMs: number;
  eigenvaluesMs: number;
}

export function hessianSpectrum(loss: LossFn, theta: tf.Tensor1D, options: BatchedHvpOptions = {}): HessianSpectrum {
  return runSteps(hessianSpectrumSteps(loss, theta, options));
}

/** {@link hessianSpectrum} in chunks: the Hessian-vector products one chunk at a time, then the eigenvalues in one step. */
export function* hessianSpectrumSteps(loss: LossFn, theta: tf.Tensor1D, options: BatchedHvpOptions = {}): Steps<HessianSpectrum> {
  const hessian = yield* exactHessianSteps(loss, theta, options);
  const started = performance.now();
  const eigenvalues = symmetricEigenvalues(hessian);
  return {
    method: 'exact',
    numParams: hessian.size,
    eigenvalues: Array.from(eigenvalues),
    maxAsymmetry: hessian.maxAsymmetry,
    relativeAsymmetry: hessian.relativeAsymmetry,
    hessianMs: hessian.durationMs,
    eigenvaluesMs: performance.now() - started,
  };
}
