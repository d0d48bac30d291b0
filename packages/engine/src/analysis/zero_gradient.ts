import * as tf from '@tensorflow/tfjs';
import type { OptimizerSpec } from '../config.js';
import { createOptimizer } from '../train/optimizers.js';
import type { LossFn } from './types.js';

export interface ZeroGradientOptions {
  /** Stop once ‖∇L‖ is below this (HW1: 1e-3). */
  gradNormThreshold: number;
  /** Optimiser steps at most; the point is then returned with `converged: false`. */
  maxSteps: number;
  /** Optimiser on ‖∇L‖² (Adam with a small step works far better than SGD). */
  optimizer: OptimizerSpec;
  /** Checked before every step; on abort the reason is thrown and nothing is leaked. */
  signal?: AbortSignal;
  /** After every evaluation: step (0 = the starting point), ‖∇L‖ and L there. */
  onStep?: (step: number, gradNorm: number, loss: number) => void;
}

export interface ZeroGradientPoint {
  /** The point with the smallest ‖∇L‖ seen (the last one when converged); owned by the caller. */
  theta: tf.Tensor1D;
  converged: boolean;
  /** Optimiser steps taken. */
  steps: number;
  /** ‖∇L‖ and L at `theta`. */
  gradNorm: number;
  loss: number;
}

/**
 * Descend ‖∇L(θ)‖² from θ₀ until ‖∇L‖ < threshold: its gradient is 2·H·∇L, one Hessian-vector
 * product per step, so minima, saddles and maxima alike attract. Adam on this objective
 * oscillates, so the best point seen is what comes back when the step cap is hit. A non-finite
 * gradient norm ends the search (unconverged) at the best point so far. θ₀ is not disposed.
 */
export function findZeroGradientPoint(loss: LossFn, theta0: tf.Tensor1D, options: ZeroGradientOptions): ZeroGradientPoint {
  const { gradNormThreshold, maxSteps } = options;
  if (!(gradNormThreshold > 0)) {
    throw new Error(`Error in findZeroGradientPoint: options.gradNormThreshold must be > 0, but got ${gradNormThreshold}.`);
  }
  if (!Number.isInteger(maxSteps) || maxSteps < 0) {
    throw new Error(`Error in findZeroGradientPoint: options.maxSteps must be an integer ≥ 0, but got ${maxSteps}.`);
  }
  const optimizer = createOptimizer(options.optimizer);
  let theta = theta0.clone();
  let best = { theta: theta0.clone(), gradNorm: Number.POSITIVE_INFINITY, loss: Number.NaN };
  let steps = 0;
  let converged = false;
  try {
    for (;;) {
      options.signal?.throwIfAborted();
      const current = theta;
      const { values, objectiveGradient } = tf.tidy(() => {
        // The loss is evaluated inside the objective, so one forward pass serves both; it is
        // kept out of the gradient's tidy and released below.
        let lossValue: tf.Scalar | undefined;
        const squaredGradNorm = (t: tf.Tensor1D): tf.Scalar => {
          const { value, grad } = tf.valueAndGrad(loss)(t);
          lossValue = tf.keep(value);
          return tf.sum(tf.square(grad));
        };
        const { value, grad } = tf.valueAndGrad(squaredGradNorm)(current);
        const kept = lossValue!;
        const packed = tf.stack([tf.sqrt(value), kept]);
        kept.dispose();
        return { values: packed, objectiveGradient: grad as tf.Tensor1D };
      });
      const [gradNorm = Number.NaN, lossValue = Number.NaN] = values.dataSync();
      values.dispose();
      options.onStep?.(steps, gradNorm, lossValue);
      if (gradNorm < best.gradNorm) {
        best.theta.dispose();
        best = { theta: current.clone(), gradNorm, loss: lossValue };
      }
      if (!Number.isFinite(gradNorm) || gradNorm < gradNormThreshold || steps >= maxSteps) {
        converged = gradNorm < gradNormThreshold;
        objectiveGradient.dispose();
        break;
      }
      theta = optimizer.step(current, objectiveGradient);
      current.dispose();
      objectiveGradient.dispose();
      steps++;
    }
  } catch (error) {
    best.theta.dispose();
    throw error;
  } finally {
    theta.dispose();
    optimizer.dispose();
  }
  return { theta: best.theta, converged, steps, gradNorm: best.gradNorm, loss: best.loss };
}
