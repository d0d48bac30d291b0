import * as tf from '@tensorflow/tfjs';
import type { LossFn } from './types.js';

export interface SharpnessOptions {
  /** Box size: |δᵢ| ≤ ε(|θᵢ| + 1). Default 1e-3 (Keskar et al. report 1e-3 and 5e-4). */
  epsilon?: number;
  /** Ascent steps. Default 10 (Keskar et al. ran 10 L-BFGS-B iterations). */
  steps?: number;
  /** Each step moves every coordinate by this fraction of its box half-width. Default 0.25. */
  stepFraction?: number;
  signal?: AbortSignal;
}

export interface SharpnessResult {
  method: 'projected-sign-ascent';
  epsilon: number;
  steps: number;
  stepFraction: number;
  /** L(θ). */
  loss: number;
  /** The largest L(θ + δ) seen over the ascent (δ always inside the box). */
  maxLoss: number;
  /** Keskar et al.'s ε-sharpness: 100 · (max L − L) / (1 + L). */
  sharpness: number;
}

/**
 * ε-sharpness (Keskar et al. 2017): how much the loss can rise inside the box
 * |δᵢ| ≤ ε(|θᵢ| + 1), as a percentage. The box maximum is approximated by projected ascent on
 * δ with sign-of-gradient steps (the box is a product of intervals, so the sign step is the
 * steepest one in its geometry and lands on the corners where convex directions peak); the
 * largest loss seen is kept, so more steps never lower the estimate.
 */
export function epsilonSharpness(loss: LossFn, theta: tf.Tensor1D, options: SharpnessOptions = {}): SharpnessResult {
  const epsilon = options.epsilon ?? 1e-3;
  const steps = options.steps ?? 10;
  const stepFraction = options.stepFraction ?? 0.25;
  if (!(epsilon > 0)) throw new Error(`Error in epsilonSharpness: options.epsilon must be > 0, but got ${epsilon}.`);
  if (!Number.isInteger(steps) || steps < 1) throw new Error(`Error in epsilonSharpness: options.steps must be a positive integer, but got ${steps}.`);
  if (!(stepFraction > 0)) throw new Error(`Error in epsilonSharpness: options.stepFraction must be > 0, but got ${stepFraction}.`);
  const bound = tf.tidy(() => tf.mul(tf.add(tf.abs(theta), 1), epsilon));
  let delta: tf.Tensor = tf.zerosLike(theta);
  let baseLoss = Number.NaN;
  let maxLoss = Number.NEGATIVE_INFINITY;
  const lossAt = (t: tf.Tensor): tf.Scalar => loss(t as tf.Tensor1D);
  try {
    for (let step = 0; step <= steps; step++) {
      options.signal?.throwIfAborted();
      const current = delta;
      const { value, next } = tf.tidy(() => {
        const point = tf.add(theta, current);
        if (step === steps) return { value: lossAt(point), next: undefined };
        const { value: v, grad } = tf.valueAndGrad(lossAt)(point);
        const moved = tf.add(current, tf.mul(tf.sign(grad), tf.mul(bound, stepFraction)));
        return { value: v, next: tf.maximum(tf.minimum(moved, bound), tf.neg(bound)) };
      });
      const lossValue = value.dataSync()[0]!;
      value.dispose();
      if (step === 0) baseLoss = lossValue;
      maxLoss = Math.max(maxLoss, lossValue);
      if (next) {
        delta = next;
        current.dispose();
      }
    }
  } finally {
    tf.dispose([bound, delta]);
  }
  return {
    method: 'projected-sign-ascent',
    epsilon,
    steps,
    stepFraction,
    loss: baseLoss,
    maxLoss,
    sharpness: (100 * (maxLoss - baseLoss)) / (1 + baseLoss),
  };
}
