import * as tf from '@tensorflow/tfjs';
import type { LossKind, OptimizerSpec } from '../config.js';
import type { Model } from '../models/model.types.js';
import { lossFunction } from '../train/losses.js';
import { deadReluUnits, type DeadUnitsResult } from './dead_units.js';
import { modelBatchedLoss } from './evaluator.js';
import { hessianSpectrum } from './hessian.js';
import { findZeroGradientPoint } from './zero_gradient.js';

/**
 * Optional extra floor of {@link flatTolerance}, relative to max|λ|. 0 by default: the derived
 * tolerance (float32 noise and the gradient threshold) decides; a positive value only raises it.
 */
export const DEFAULT_MINIMAL_RATIO_RELATIVE_TOLERANCE = 0;

/** float32's machine epsilon, 2⁻²³: the relative rounding of one float32 operation. */
export const FLOAT32_EPSILON = 2 ** -23;

export interface FlatToleranceInput {
  /** The Hessian's eigenvalues. */
  eigenvalues: ArrayLike<number>;
  /** max |H̃ᵢⱼ − H̃ⱼᵢ| of the raw HVP rows (`ExactHessian.maxAsymmetry`): measured float32 error. */
  maxAsymmetry?: number;
  /** ‖∇L‖ the point is known to: the search's threshold, or the gradient norm there if larger. */
  gradNorm?: number;
  /** ‖Δθ‖ of one step of the zero-gradient search; with `gradNorm`, the gradient term. */
  stepNorm?: number;
  /** An extra floor, × max|λ| (default {@link DEFAULT_MINIMAL_RATIO_RELATIVE_TOLERANCE}). */
  relativeFloor?: number;
}

export interface FlatTolerance {
  /** max(noise, gradient, floor): |λ| ≤ this is flat. */
  tolerance: number;
  /** 2√n · max(ε₃₂·max|λ|, maxAsymmetry). */
  noise: number;
  /** gradNorm / stepNorm (0 without both). */
  gradient: number;
  /** relativeFloor · max|λ|. */
  floor: number;
}

/**
 * The |λ| below which an eigen-direction of a float32 Hessian at an approximate critical point
 * cannot be told from a flat one; the larger of two limits:
 *
 * - **float32 noise.** Every entry of H̃ (rows H·eᵢ from float32 HVPs) carries a rounding error
 *   of order ε₃₂·max|H| (ε₃₂ = 2⁻²³); the raw asymmetry |H̃ᵢⱼ − H̃ⱼᵢ| is pure error and measures
 *   it (1–3·ε₃₂·max|H| on the 141-param MLP). A symmetric n × n error E with entries of size σ
 *   has ‖E‖₂ ≈ 2σ√n (the edge of Wigner's semicircle), and by Weyl's inequality no eigenvalue
 *   moves by more than ‖E‖₂: noise = 2√n · max(ε₃₂·max|λ|, maxAsymmetry).
 * - **the gradient threshold.** The point is critical only up to ‖∇L‖ ≤ g. One step r = ‖Δθ‖
 *   of the search along an eigen-direction u changes ∇L by λ·r; where |λ|·r < g that change is
 *   below the gradient the search tolerates, so neither its stopping rule nor the point it
 *   returns depends on λ (the quadratic model's stationary point along u lies |gᵤ/λ| > r away,
 *   beyond one step): gradient = g / r. For Adam, each coordinate moves ≈ lr a step, so
 *   r ≈ lr·√n (see {@link adamStepNorm}).
 *
 * Without `gradNorm`/`stepNorm` only the noise limit applies (e.g. for a spectrum taken anywhere).
 */
export function flatTolerance(input: FlatToleranceInput): FlatTolerance {
  const { eigenvalues } = input;
  const n = eigenvalues.length;
  if (n === 0) throw new Error('Error in flatTolerance: eigenvalues must not be empty.');
  let maxAbs = 0;
  for (let i = 0; i < n; i++) {
    const value = eigenvalues[i]!;
    if (!Number.isFinite(value)) throw new Error(`Error in flatTolerance: eigenvalues[${i}] is ${value}; expected finite values.`);
    maxAbs = Math.max(maxAbs, Math.abs(value));
  }
  const asymmetry = input.maxAsymmetry ?? 0;
  if (!(asymmetry >= 0)) throw new Error(`Error in flatTolerance: maxAsymmetry must be ≥ 0, but got ${asymmetry}.`);
  const noise = 2 * Math.sqrt(n) * Math.max(FLOAT32_EPSILON * maxAbs, asymmetry);
  let gradient = 0;
  if (input.gradNorm !== undefined || input.stepNorm !== undefined) {
    const { gradNorm, stepNorm } = input;
    if (!(gradNorm !== undefined && gradNorm >= 0 && Number.isFinite(gradNorm))) {
      throw new Error(`Error in flatTolerance: gradNorm must be a finite number ≥ 0 when stepNorm is given, but got ${gradNorm}.`);
    }
    if (!(stepNorm !== undefined && stepNorm > 0 && Number.isFinite(stepNorm))) {
      throw new Error(`Error in flatTolerance: stepNorm must be a finite number > 0 when gradNorm is given, but got ${stepNorm}.`);
    }
    gradient = gradNorm / stepNorm;
  }
  const relativeFloor = input.relativeFloor ?? DEFAULT_MINIMAL_RATIO_RELATIVE_TOLERANCE;
  if (!(relativeFloor >= 0)) throw new Error(`Error in flatTolerance: relativeFloor must be ≥ 0, but got ${relativeFloor}.`);
  const floor = relativeFloor * maxAbs;
  return { tolerance: Math.max(noise, gradient, floor), noise, gradient, floor };
}

/** ‖Δθ‖ of one Adam step: every coordinate moves by about lr (Adam normalises each), so lr·√n. */
export function adamStepNorm(lr: number, numParams: number): number {
  return lr * Math.sqrt(numParams);
}

export interface MinimalRatioResult {
  /** HW1's literal definition: positive / total, every eigenvalue in the denominator. */
  minimalRatio: number;
  /** positive / (positive + negative): flat directions left out; NaN when every one is flat. */
  minimalRatioNonFlat: number;
  positive: number;
  negative: number;
  /** |λ| ≤ tolerance: neither sign can be told. */
  flat: number;
  total: number;
  /** The absolute tolerance used. */
  tolerance: number;
  /** How it was chosen: derived ({@link flatTolerance}), relative (× max|λ|) or absolute. */
  toleranceRule: ({ kind: 'derived' } & Omit<FlatTolerance, 'tolerance'>) | { kind: 'relative'; factor: number } | { kind: 'absolute' };
}

export type MinimalRatioTolerance = { relative: number } | { absolute: number } | { derived: Omit<FlatToleranceInput, 'eigenvalues'> };

/**
 * The minimal ratio of HW1 (the fraction of Hessian eigenvalues that are positive) under both
 * definitions: over all eigenvalues, and over the non-flat ones. "Positive" means above the
 * tolerance, "flat" |λ| ≤ tolerance. The default tolerance is {@link flatTolerance}'s float32
 * noise limit; pass `{ derived: { gradNorm, stepNorm, maxAsymmetry } }` at a zero-gradient point.
 */
export function minimalRatio(eigenvalues: ArrayLike<number>, tolerance: MinimalRatioTolerance = { derived: {} }): MinimalRatioResult {
  const total = eigenvalues.length;
  if (total === 0) throw new Error('Error in minimalRatio: eigenvalues must not be empty.');
  let maxAbs = 0;
  for (let i = 0; i < total; i++) {
    const value = eigenvalues[i]!;
    if (!Number.isFinite(value)) throw new Error(`Error in minimalRatio: eigenvalues[${i}] is ${value}; expected finite values.`);
    maxAbs = Math.max(maxAbs, Math.abs(value));
  }
  let threshold: number;
  let rule: MinimalRatioResult['toleranceRule'];
  if ('derived' in tolerance) {
    const { tolerance: value, ...parts } = flatTolerance({ eigenvalues, ...tolerance.derived });
    threshold = value;
    rule = { kind: 'derived', ...parts };
  } else if ('relative' in tolerance) {
    threshold = tolerance.relative * maxAbs;
    rule = { kind: 'relative', factor: tolerance.relative };
  } else {
    threshold = tolerance.absolute;
    rule = { kind: 'absolute' };
  }
  if (!(threshold >= 0)) throw new Error(`Error in minimalRatio: tolerance must be ≥ 0, but got ${threshold}.`);
  let positive = 0;
  let negative = 0;
  for (let i = 0; i < total; i++) {
    const value = eigenvalues[i]!;
    if (value > threshold) positive++;
    else if (value < -threshold) negative++;
  }
  const nonFlat = positive + negative;
  return {
    minimalRatio: positive / total,
    minimalRatioNonFlat: nonFlat === 0 ? Number.NaN : positive / nonFlat,
    positive,
    negative,
    flat: total - nonFlat,
    total,
    tolerance: threshold,
    toleranceRule: rule,
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
  /**
   * Default: derived ({@link flatTolerance}) from the Hessian's measured asymmetry, the gradient
   * the point is known to (max(threshold, ‖∇L‖)) and one step of the search ({@link adamStepNorm}
   * for Adam; without a step norm for other optimisers, only the noise limit applies).
   */
  tolerance?: MinimalRatioTolerance;
  /** ‖Δθ‖ of one search step, overriding {@link adamStepNorm} (e.g. for SGD). */
  stepNorm?: number;
  /** The derived tolerance's extra floor × max|λ| ({@link FlatToleranceInput.relativeFloor}). */
  relativeFloor?: number;
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
  /** Dead ReLU units on `data.x` ({@link deadReluUnits}); absent for non-dense models. */
  deadUnits?: DeadUnitsResult;
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
      const optimizer = input.optimizer ?? DEFAULT_ZERO_GRADIENT_OPTIMIZER;
      const stepNorm = input.stepNorm ?? (optimizer.kind === 'adam' ? adamStepNorm(optimizer.lr, model.numParams) : undefined);
      const tolerance: MinimalRatioTolerance = input.tolerance ?? {
        derived: {
          maxAsymmetry: spectrum.maxAsymmetry,
          ...(input.relativeFloor !== undefined ? { relativeFloor: input.relativeFloor } : {}),
          ...(stepNorm !== undefined ? { gradNorm: Math.max(threshold, Number.isFinite(point.gradNorm) ? point.gradNorm : threshold), stepNorm } : {}),
        },
      };
      const deadUnits = deadReluUnits(model, point.theta, data.x);
      return {
        converged: point.converged,
        steps: point.steps,
        threshold,
        gradNorm: point.gradNorm,
        loss: point.loss,
        numParams: model.numParams,
        eigenvalues: spectrum.eigenvalues,
        minimalRatio: minimalRatio(spectrum.eigenvalues, tolerance),
        ...(deadUnits ? { deadUnits } : {}),
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
