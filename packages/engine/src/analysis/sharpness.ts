import * as tf from '@tensorflow/tfjs';
import type { LossFn } from './types.js';
import { runSteps, type Steps } from '../util/steps.js';

export interface SharpnessOptions {
  /** Box size: |δᵢ| ≤ ε(|θᵢ| + 1). Default 1e-3 (Keskar et al. report 1e-3 and 5e-4). */
  epsilon?: number;
  /** Cap on ascent steps (one gradient each). Default 100 (Keskar et al. ran 10 L-BFGS-B iterations; sign ascent needs more). */
  maxSteps?: number;
  /**
   * Stopping rule: converged once the best loss rose by ≤ this × (best L − L(θ)) over the last
   * `window` steps, i.e. the estimate moved by less than this fraction of itself. Default 1e-3.
   */
  relativeTolerance?: number;
  /** Steps the stopping rule looks back over. Default 5. */
  window?: number;
  /** The first step moves every coordinate by this fraction of its box half-width. Default 0.25. */
  stepFraction?: number;
  signal?: AbortSignal;
}

export interface SharpnessResult {
  method: 'projected-sign-ascent';
  epsilon: number;
  /** Ascent steps taken. */
  steps: number;
  maxSteps: number;
  stepFraction: number;
  relativeTolerance: number;
  window: number;
  /** Whether the stopping rule was met before the cap; false: the estimate was still rising. */
  converged: boolean;
  /** L(θ). */
  loss: number;
  /** The largest L(θ + δ) found (δ always inside the box): a lower bound on the box maximum. */
  maxLoss: number;
  /** Keskar et al.'s ε-sharpness 100 · (max L − L) / (1 + L), from `maxLoss`: a lower bound. */
  sharpness: number;
}

/**
 * ε-sharpness (Keskar et al. 2017): how much the loss can rise inside the box
 * |δᵢ| ≤ ε(|θᵢ| + 1), as a percentage. The box maximum is approximated from below by projected
 * sign-gradient ascent on δ (the box is a product of intervals, so the sign step is the steepest
 * one in its geometry and lands on the corners where convex directions peak), with backtracking:
 * a step that does not raise the loss is undone and the step halved, so ascent settles on an
 * interior peak instead of bouncing across it. It runs until the best loss stops rising (the
 * relative-improvement rule above) or `maxSteps`; `converged` says which. Whatever it finds is
 * a point in the box, so the result is a lower bound on the true ε-sharpness.
 */
export function epsilonSharpness(loss: LossFn, theta: tf.Tensor1D, options: SharpnessOptions = {}): SharpnessResult {
  return runSteps(epsilonSharpnessSteps(loss, theta, options));
}

/**
 * {@link epsilonSharpness} one ascent step at a time, yielding the fraction of `maxSteps` done
 * after each (util/steps). ε = 0 is allowed here and there: the box is a point, so the result is 0.
 */
export function* epsilonSharpnessSteps(loss: LossFn, theta: tf.Tensor1D, options: SharpnessOptions = {}): Steps<SharpnessResult> {
  const epsilon = options.epsilon ?? 1e-3;
  const maxSteps = options.maxSteps ?? 100;
  const relativeTolerance = options.relativeTolerance ?? 1e-3;
  const window = options.window ?? 5;
  const stepFraction = options.stepFraction ?? 0.25;
  if (!(epsilon >= 0 && Number.isFinite(epsilon))) throw new Error(`Error in epsilonSharpness: options.epsilon must be a finite number ≥ 0, but got ${epsilon}.`);
  if (!Number.isInteger(maxSteps) || maxSteps < 1) throw new Error(`Error in epsilonSharpness: options.maxSteps must be a positive integer, but got ${maxSteps}.`);
  if (!(relativeTolerance >= 0)) throw new Error(`Error in epsilonSharpness: options.relativeTolerance must be ≥ 0, but got ${relativeTolerance}.`);
  if (!Number.isInteger(window) || window < 1) throw new Error(`Error in epsilonSharpness: options.window must be a positive integer, but got ${window}.`);
  if (!(stepFraction > 0)) throw new Error(`Error in epsilonSharpness: options.stepFraction must be > 0, but got ${stepFraction}.`);
  const lossAt = (t: tf.Tensor): tf.Scalar => loss(t as tf.Tensor1D);
  /** L and sign(∇L) at θ + δ; the sign is the caller's. */
  const evaluate = (delta: tf.Tensor): { value: number; direction: tf.Tensor } => {
    const { value, direction } = tf.tidy(() => {
      const { value: v, grad } = tf.valueAndGrad(lossAt)(tf.add(theta, delta));
      return { value: v, direction: tf.sign(grad) };
    });
    const number = value.dataSync()[0]!;
    value.dispose();
    return { value: number, direction };
  };
  const bound = tf.tidy(() => tf.mul(tf.add(tf.abs(theta), 1), epsilon));
  // The best point so far and the ascent direction there; every step starts from it.
  const zero: tf.Tensor = tf.zerosLike(theta);
  let best = { delta: zero, ...evaluate(zero) };
  const baseLoss = best.value;
  const history = [baseLoss];
  let fraction = stepFraction;
  let steps = 0;
  let converged = false;
  try {
    while (steps < maxSteps) {
      options.signal?.throwIfAborted();
      const from = best;
      const delta = tf.tidy(() => tf.maximum(tf.minimum(tf.add(from.delta, tf.mul(from.direction, tf.mul(bound, fraction))), bound), tf.neg(bound)));
      const next = evaluate(delta);
      steps++;
      if (next.value > best.value) {
        tf.dispose([best.delta, best.direction]);
        best = { delta, ...next };
      } else {
        // Overshot (or stuck on a face): back to the best point with half the step.
        tf.dispose([delta, next.direction]);
        fraction /= 2;
      }
      history.push(best.value);
      yield steps / maxSteps;
      if (steps >= window) {
        const gain = best.value - history[steps - window]!;
        if (gain <= relativeTolerance * (best.value - baseLoss)) {
          converged = true;
          break;
        }
      }
    }
  } finally {
    tf.dispose([bound, best.delta, best.direction]);
  }
  return {
    method: 'projected-sign-ascent',
    epsilon,
    steps,
    maxSteps,
    stepFraction,
    relativeTolerance,
    window,
    converged,
    loss: baseLoss,
    maxLoss: best.value,
    sharpness: (100 * (best.value - baseLoss)) / (1 + baseLoss),
  };
}
