import * as tf from '@tensorflow/tfjs';
import type { LossKind, OptimizerSpec } from '../config.js';
import type { Model } from '../models/model.types.js';
import { lossFunction } from '../train/losses.js';
import { modelBatchedLoss } from './evaluator.js';
import { hessianSpectrum } from './hessian.js';
import { findZeroGradientPoint } from './zero_gradient.js';

/**
 * Default relative tolerance of {@link minimalRatio}: an eigenvalue counts as positive only
 * above 1e-5·max|λ|. The Hessian is built from float32 HVPs whose raw asymmetry we measure at
 * 2–5e-6 of max|H| on the 573-param MLPs, so directions that are flat (dead ReLUs, symmetries)
 * come out as ±(a few 1e-6)·max|λ|; a tolerance of 1e-5 keeps them out of both counts.
 */
export const DEFAULT_MINIMAL_RATIO_RELATIVE_TOLERANCE = 1e-5;

export interface MinimalRatioResult {
  /** positive / total: the fraction of eigenvalues > tolerance. */
  minimalRatio: number;
  positive: number;
  negative: number;
  /** |λ| ≤ tolerance. */
  nearZero: number;
  total: number;
  /** The absolute tolerance used. */
  tolerance: number;
  /** How it was chosen: relative (× max|λ|) or given as an absolute value. */
  toleranceRule: { kind: 'relative'; factor: number } | { kind: 'absolute' };
}

/**
 * The minimal ratio of HW1: the fraction of Hessian eigenvalues that are positive, with
 * "positive" meaning above a tolerance (see {@link DEFAULT_MINIMAL_RATIO_RELATIVE_TOLERANCE}).
 */
export function minimalRatio(
  eigenvalues: ArrayLike<number>,
  tolerance: { relative: number } | { absolute: number } = { relative: DEFAULT_MINIMAL_RATIO_RELATIVE_TOLERANCE },
): MinimalRatioResult {
  const total = eigenvalues.length;
  if (total === 0) throw new Error('Error in minimalRatio: eigenvalues must not be empty.');
  let maxAbs = 0;
  for (let i = 0; i < total; i++) {
    const value = eigenvalues[i]!;
    if (!Number.isFinite(value)) throw new Error(`Error in minimalRatio: eigenvalues[${i}] is ${value}; expected finite values.`);
    maxAbs = Math.max(maxAbs, Math.abs(value));
  }
  const isRelative = 'relative' in tolerance;
  const threshold = isRelative ? tolerance.relative * maxAbs : tolerance.absolute;
  if (!(threshold >= 0)) throw new Error(`Error in minimalRatio: tolerance must be ≥ 0, but got ${threshold}.`);
  let positive = 0;
  let negative = 0;
  for (let i = 0; i < total; i++) {
    const value = eigenvalues[i]!;
    if (value > threshold) positive++;
    else if (value < -threshold) negative++;
  }
  return {
    minimalRatio: positive / total,
    positive,
    negative,
    nearZero: total - positive - negative,
    total,
    tolerance: threshold,
    toleranceRule: isRelative ? { kind: 'relative', factor: tolerance.relative } : { kind: 'absolute' },
  };
}

export interface CriticalPointInput {
  model: Model;
  /** Trained parameters to start from. */
  theta: tf.Tensor1D | Float32Array;
  /** Batch-norm running statistics (inference mode is used so that L depends on θ alone). */
  state?: tf.Tensor1D | Float32Array;
  /** The batch L is computed on: usually the whole training set of the function-fitting runs. */
  data: { x: tf.Tensor; y: tf.Tensor };
  loss: LossKind;
  /** ‖∇L‖ to reach. Default 1e-3 (HW1). */
  threshold?: number;
  /** Default 2000. */
  maxSteps?: number;
  /** Default Adam, lr 1e-4. */
  optimizer?: OptimizerSpec;
  tolerance?: { relative: number } | { absolute: number };
  /**
   * Run the Hessian's HVPs 32 at a time as one ensemble pass when the model allows it (dense
   * layers, no batch norm). Default true: 2.3× faster on narrow MLPs (573-param `mlp-middle`),
   * but 1.3× slower on the wide 190-unit `mlp-shallow` (see README "Analyses").
   */
  vectorizeHvps?: boolean;
  /** Exact Hessians above this many parameters are refused (P² memory, P HVPs). Default 5000. */
  maxParams?: number;
  signal?: AbortSignal;
  onStep?: (step: number, gradNorm: number, loss: number) => void;
}

export interface CriticalPointResult {
  converged: boolean;
  steps: number;
  threshold: number;
  gradNorm: number;
  loss: number;
  numParams: number;
  /** All Hessian eigenvalues at the point, ascending. */
  eigenvalues: number[];
  minimalRatio: MinimalRatioResult;
  hessian: { maxAsymmetry: number; relativeAsymmetry: number; hessianMs: number; eigenvaluesMs: number };
}

export const DEFAULT_ZERO_GRADIENT_OPTIMIZER: OptimizerSpec = { kind: 'adam', lr: 1e-4, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };

/**
 * HW1's minimal-ratio experiment for one trained net: walk to a zero-gradient point
 * ({@link findZeroGradientPoint}), take the exact Hessian there and report all its eigenvalues
 * and the minimal ratio. Points that miss the threshold are still analysed and marked.
 */
export function criticalPointAnalysis(input: CriticalPointInput): CriticalPointResult {
  const { model, data } = input;
  const threshold = input.threshold ?? 1e-3;
  const maxSteps = input.maxSteps ?? 2000;
  const maxParams = input.maxParams ?? 5000;
  if (model.numParams > maxParams) {
    throw new Error(
      `Error in criticalPointAnalysis: model has ${model.numParams} parameters, above maxParams ${maxParams}; use lanczosEigenvalues for large nets.`,
    );
  }
  const theta0 = input.theta instanceof Float32Array ? tf.tensor1d(input.theta) : input.theta;
  const state = input.state instanceof Float32Array ? tf.tensor1d(input.state) : input.state;
  try {
    const loss = lossFunction(model, data.x, data.y, input.loss, { training: false, ...(state ? { state } : {}) });
    const point = findZeroGradientPoint(loss, theta0, {
      gradNormThreshold: threshold,
      maxSteps,
      optimizer: input.optimizer ?? DEFAULT_ZERO_GRADIENT_OPTIMIZER,
      ...(input.signal ? { signal: input.signal } : {}),
      ...(input.onStep ? { onStep: input.onStep } : {}),
    });
    try {
      const vectorize = (input.vectorizeHvps ?? true) && (state === undefined || state.size === 0);
      const batchedLoss = vectorize ? modelBatchedLoss(model, data, input.loss) : undefined;
      const spectrum = hessianSpectrum(loss, point.theta, batchedLoss ? { batchedLoss } : {});
      return {
        converged: point.converged,
        steps: point.steps,
        threshold,
        gradNorm: point.gradNorm,
        loss: point.loss,
        numParams: model.numParams,
        eigenvalues: spectrum.eigenvalues,
        minimalRatio: minimalRatio(spectrum.eigenvalues, input.tolerance),
        hessian: {
          maxAsymmetry: spectrum.maxAsymmetry,
          relativeAsymmetry: spectrum.relativeAsymmetry,
          hessianMs: spectrum.hessianMs,
          eigenvaluesMs: spectrum.eigenvaluesMs,
        },
      };
    } finally {
      point.theta.dispose();
    }
  } finally {
    if (theta0 !== input.theta) theta0.dispose();
    if (state !== undefined && state !== input.state) state.dispose();
  }
}
