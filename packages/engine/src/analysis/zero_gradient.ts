import * as tf from '@tensorflow/tfjs';
import type { OptimizerSpec } from '../config.js';
import { createOptimizer } from '../train/optimizers.js';
import { checkpoint } from '../train/run-control.js';
import type { LossFn } from './types.js';

/** One piece of a loss that is a weighted sum: L = Σ_c weight_c · loss_c (e.g. chunks of a training set). */
export interface WeightedLoss {
  loss: LossFn;
  weight: number;
}

/**
 * What is driven to ‖∇L‖ = 0: one loss, or a weighted sum of losses. One term is differentiated
 * in one pass; several in two passes over the terms, so only one term's graph lives at a time.
 */
export type ZeroGradientObjective = LossFn | readonly WeightedLoss[];

export interface ZeroGradientOptions {
  /** Stop once ‖∇L‖ is below this (HW1: 1e-3). */
  gradNormThreshold: number;
  /** Optimiser steps at most; the point is then returned with `converged: false`. */
  maxSteps: number;
  /** Optimiser on ½‖∇L‖² (Adam with a small step works far better than SGD). */
  optimizer: OptimizerSpec;
  /**
   * Checked before every evaluation. `findZeroGradientPoint` throws `signal.reason`;
   * `findZeroGradientPointAsync` defers to its `checkpoint`. Either way nothing is leaked.
   */
  signal?: AbortSignal;
  /**
   * After every evaluation: step (0 = the starting point), ‖∇L‖ and L there, non-finite values
   * included. Whatever it throws ends the search (nothing leaked) and is rethrown.
   */
  onStep?: (step: number, gradNorm: number, loss: number) => void;
}

export interface ZeroGradientAsyncOptions extends ZeroGradientOptions {
  /**
   * Awaited before every evaluation, with the optimiser steps taken so far. It must yield to the
   * event loop, so that an abort fired from a timer or a message handler between steps is seen;
   * what it throws ends the search (nothing leaked) and is rethrown as is. Default: run-control's
   * `checkpoint(signal, step)`, i.e. an abort throws `RunStop('CANCELLED', 'cancelled at step N')`.
   */
  checkpoint?: (step: number) => Promise<void>;
}

export interface ZeroGradientPoint {
  /**
   * The point with the smallest finite ‖∇L‖ seen (the last one when converged); owned by the
   * caller. Not the last point: Adam on ‖∇L‖² oscillates near a critical point (its normalised
   * step does not shrink with the gradient), so the last iterate is often worse than one before.
   * θ₀ itself when no evaluation was finite.
   */
  theta: tf.Tensor1D;
  converged: boolean;
  /**
   * L or ‖∇L‖ was not finite at step `steps`; the search stopped there. The point returned is
   * still the best finite one seen.
   */
  diverged: boolean;
  /** Optimiser steps taken; the last evaluation was at this step. */
  steps: number;
  /** The step `theta` was evaluated at (≤ `steps`): where the weights returned come from. */
  bestStep: number;
  /** ‖∇L‖ and L at `theta`. */
  gradNorm: number;
  loss: number;
}

/**
 * Descend g(θ) = ½‖∇L(θ)‖² from θ₀ until ‖∇L‖ < threshold: ∇g = H·∇L, one Hessian-vector
 * product per step, so minima, saddles and maxima alike attract. Stops at the threshold, the
 * step cap or a non-finite L/‖∇L‖ (`diverged`), returning the best point seen. θ₀ is not
 * disposed. Synchronous: an abort is only seen if it is fired from within the search (`onStep`);
 * use {@link findZeroGradientPointAsync} when it comes from outside.
 */
export function findZeroGradientPoint(objective: ZeroGradientObjective, theta0: tf.Tensor1D, options: ZeroGradientOptions): ZeroGradientPoint {
  const terms = checkInputs('findZeroGradientPoint', objective, options);
  const search = descend(terms, theta0, options);
  let next = search.next();
  while (!next.done) {
    next = options.signal?.aborted ? search.throw(options.signal.reason) : search.next();
  }
  return next.value;
}

/**
 * {@link findZeroGradientPoint} with an `await checkpoint(step)` before every evaluation (the
 * same steps, the same numbers), for long searches in a loop that must stay cancellable.
 */
export async function findZeroGradientPointAsync(
  objective: ZeroGradientObjective,
  theta0: tf.Tensor1D,
  options: ZeroGradientAsyncOptions,
): Promise<ZeroGradientPoint> {
  const terms = checkInputs('findZeroGradientPointAsync', objective, options);
  const beforeStep = options.checkpoint ?? ((step: number) => checkpoint(options.signal, step));
  const search = descend(terms, theta0, options);
  let next = search.next();
  while (!next.done) {
    try {
      await beforeStep(next.value);
    } catch (error) {
      // Thrown into the search so that its `finally` releases θ, the best point and the optimiser.
      next = search.throw(error);
      continue;
    }
    next = search.next();
  }
  return next.value;
}

function checkInputs(fn: string, objective: ZeroGradientObjective, options: ZeroGradientOptions): readonly WeightedLoss[] {
  const { gradNormThreshold, maxSteps } = options;
  if (!(gradNormThreshold > 0)) {
    throw new Error(`Error in ${fn}: options.gradNormThreshold must be > 0, but got ${gradNormThreshold}.`);
  }
  if (!Number.isInteger(maxSteps) || maxSteps < 0) {
    throw new Error(`Error in ${fn}: options.maxSteps must be an integer ≥ 0, but got ${maxSteps}.`);
  }
  if (typeof objective === 'function') return [{ loss: objective, weight: 1 }];
  if (objective.length === 0) throw new Error(`Error in ${fn}: objective must hold at least one {loss, weight}, but got an empty array.`);
  objective.forEach(({ weight }, c) => {
    if (!Number.isFinite(weight)) throw new Error(`Error in ${fn}: objective[${c}].weight must be a finite number, but got ${weight}.`);
  });
  return objective;
}

/**
 * The search, one evaluation per resumption. It yields the step about to be evaluated so that a
 * driver can check for an abort first (throwing it in); its `finally` frees everything it made
 * on every exit, and the best point too unless it is returned.
 */
function* descend(terms: readonly WeightedLoss[], theta0: tf.Tensor1D, options: ZeroGradientOptions): Generator<number, ZeroGradientPoint, undefined> {
  const { gradNormThreshold, maxSteps } = options;
  const evaluate = terms.length === 1 ? onePass(terms[0]!) : twoPasses(terms);
  const optimizer = createOptimizer(options.optimizer);
  let theta = theta0.clone();
  let best: { theta: tf.Tensor1D; gradNorm: number; loss: number; step: number } | undefined;
  let returned = false;
  try {
    for (let steps = 0; ; steps++) {
      yield steps;
      const { gradNorm, loss, direction } = evaluate(theta);
      try {
        options.onStep?.(steps, gradNorm, loss);
        const finite = Number.isFinite(gradNorm) && Number.isFinite(loss);
        // `!(a <= b)` so that a first, non-finite evaluation is replaced by any finite one.
        if (best === undefined || (finite && !(best.gradNorm <= gradNorm))) {
          best?.theta.dispose();
          best = { theta: theta.clone(), gradNorm, loss, step: steps };
        }
        if (!finite || gradNorm < gradNormThreshold || steps >= maxSteps) {
          returned = true;
          return {
            theta: best.theta,
            converged: finite && gradNorm < gradNormThreshold,
            diverged: !finite,
            steps,
            bestStep: best.step,
            gradNorm: best.gradNorm,
            loss: best.loss,
          };
        }
        const next = optimizer.step(theta, direction);
        theta.dispose();
        theta = next;
      } finally {
        direction.dispose();
      }
    }
  } finally {
    theta.dispose();
    optimizer.dispose();
    if (!returned) best?.theta.dispose();
  }
}

/** L, ‖∇L‖ and the descent direction H∇L at θ; `direction` is the caller's. */
type Evaluation = (theta: tf.Tensor1D) => { loss: number; gradNorm: number; direction: tf.Tensor1D };

/** Reads the two scalars (one download) and frees them. */
function readPair(loss: tf.Tensor, gradNorm: tf.Tensor): { loss: number; gradNorm: number } {
  const values = tf.tidy(() => tf.stack([loss, gradNorm]));
  try {
    const [lossValue = Number.NaN, gradNormValue = Number.NaN] = values.dataSync();
    return { loss: lossValue, gradNorm: gradNormValue };
  } finally {
    tf.dispose([values, loss, gradNorm]);
  }
}

/** One term: H∇L by differentiating through the gradient; L and ‖∇L‖ come out of the same forward pass. */
function onePass({ loss, weight }: WeightedLoss): Evaluation {
  const weighted = (t: tf.Tensor): tf.Scalar => (weight === 1 ? loss(t as tf.Tensor1D) : tf.tidy(() => tf.mul(loss(t as tf.Tensor1D), weight)));
  return (theta) => {
    // Kept past the gradient's tidy; freed here on every path, an exception in the backward pass included.
    const kept: tf.Tensor[] = [];
    let direction: tf.Tensor1D;
    try {
      direction = tf.tidy(() =>
        tf.grad((t: tf.Tensor) => {
          const { value, grad } = tf.valueAndGrad(weighted)(t);
          kept.push(tf.keep(value));
          const squaredNorm = tf.sum(tf.square(grad));
          kept.push(tf.keep(tf.sqrt(squaredNorm)));
          return tf.mul(squaredNorm, 0.5) as tf.Scalar;
        })(theta),
      ) as tf.Tensor1D;
    } catch (error) {
      tf.dispose(kept);
      throw error;
    }
    try {
      return { ...readPair(kept[0]!, kept[1]!), direction };
    } catch (error) {
      direction.dispose();
      throw error;
    }
  };
}

/**
 * Several terms, two passes: ∇L = Σ_c w_c ∇L_c first, then H∇L = Σ_c w_c ∇_θ(∇L_c · v) with
 * v = ∇L held fixed — the same vector as one pass, with one term's graph in memory at a time.
 */
function twoPasses(terms: readonly WeightedLoss[]): Evaluation {
  const lossOf = (term: WeightedLoss) => (t: tf.Tensor): tf.Scalar => term.loss(t as tf.Tensor1D);
  return (theta) => {
    const { loss, gradNorm, direction } = tf.tidy(() => {
      let total: tf.Tensor = tf.scalar(0);
      let gradient: tf.Tensor = tf.zerosLike(theta);
      for (const term of terms) {
        const { value, grad } = tf.valueAndGrad(lossOf(term))(theta);
        total = tf.add(total, tf.mul(value, term.weight));
        gradient = tf.add(gradient, tf.mul(grad, term.weight));
      }
      let hv: tf.Tensor = tf.zerosLike(theta);
      for (const term of terms) {
        const termHv = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.grad(lossOf(term))(t), gradient)))(theta);
        hv = tf.add(hv, tf.mul(termHv, term.weight));
      }
      return { loss: total, gradNorm: tf.norm(gradient), direction: hv as tf.Tensor1D };
    });
    try {
      return { ...readPair(loss, gradNorm), direction };
    } catch (error) {
      direction.dispose();
      throw error;
    }
  };
}
