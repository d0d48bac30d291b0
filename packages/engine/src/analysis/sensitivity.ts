import * as tf from '@tensorflow/tfjs';
import type { Model } from '../models/model.types.js';
import { runSteps, type Steps } from '../util/steps.js';

export interface SensitivityInput {
  /** The network's raw outputs (logits) for a batch of inputs; examples must not interact (inference mode). */
  forward: (x: tf.Tensor) => tf.Tensor2D;
  /** The sample of inputs, [N, ...inputShape]. */
  x: tf.Tensor;
  /** Differentiate the softmax probabilities (default, as in Novak et al. 2018) or the logits. */
  output?: 'softmax' | 'logits';
  /** Examples per backward pass. Default 256. */
  batchSize?: number;
  /**
   * Differentiate with respect to the raw input instead of x: x = (x_raw − μ_c) / σ_c per channel
   * (last axis), so by the chain rule ∂f/∂x_raw = ∂f/∂x · (1/σ_c). Give σ per channel (one value
   * for all channels, e.g. MNIST's one). Default: with respect to x as given.
   */
  rawInputStd?: readonly number[];
}

export interface SensitivityResult {
  output: 'softmax' | 'logits';
  /** What x the derivative is taken with respect to: the input as given (standardised), or the raw one. */
  withRespectTo: 'input' | 'raw-input';
  /** Mean over the sample of ‖∂f(x)/∂x‖_F. */
  meanFrobeniusNorm: number;
  /** Standard deviation over the sample, and the standard error of the mean. */
  std: number;
  standardError: number;
  samples: number;
  /** ‖∂f(x)/∂x‖_F of every example, in order. */
  perExample: number[];
  outputSize: number;
  durationMs: number;
}

/**
 * Input sensitivity: the Frobenius norm of the Jacobian of the output w.r.t. the input,
 * averaged over examples. The input is x as the network sees it (standardised images), unless
 * `rawInputStd` asks for the raw pixels. Row k of every example's Jacobian comes from one backward pass of
 * Σ_batch f_k, which is exact because in inference mode each output depends on its own input
 * only; so a batch costs one backward pass per output unit.
 */
export function inputSensitivity(input: SensitivityInput): SensitivityResult {
  return runSteps(inputSensitivitySteps(input));
}

/** {@link inputSensitivity} one batch at a time, yielding the fraction of examples done after each (util/steps). */
export function* inputSensitivitySteps(input: SensitivityInput): Steps<SensitivityResult> {
  const started = performance.now();
  const output = input.output ?? 'softmax';
  const batchSize = input.batchSize ?? 256;
  const total = input.x.shape[0];
  if (total === undefined || total < 1 || input.x.rank < 2) {
    throw new Error(`Error in inputSensitivity: x must be [N, ...inputShape] with N ≥ 1, but has shape [${input.x.shape.join(', ')}].`);
  }
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new Error(`Error in inputSensitivity: batchSize must be a positive integer, but got ${batchSize}.`);
  }
  const std = input.rawInputStd;
  const channels = input.x.shape[input.x.rank - 1]!;
  if (std !== undefined && !(std.length === 1 || std.length === channels) ) {
    throw new Error(`Error in inputSensitivity: rawInputStd must hold 1 or ${channels} values (one per channel), but has ${std.length}.`);
  }
  std?.forEach((value, c) => {
    if (!(value > 0 && Number.isFinite(value))) throw new Error(`Error in inputSensitivity: rawInputStd[${c}] must be a finite number > 0, but got ${value}.`);
  });
  const norms: number[] = [];
  let outputSize = 0;
  for (let start = 0; start < total; start += batchSize) {
    const count = Math.min(batchSize, total - start);
    const squared = tf.tidy(() => {
      const batch = tf.slice(input.x, start, count);
      const outputs = (x: tf.Tensor): tf.Tensor2D => {
        const logits = input.forward(x);
        return output === 'softmax' ? (tf.softmax(logits) as tf.Tensor2D) : logits;
      };
      outputSize = outputs(batch).shape[1];
      // 1/σ per channel, broadcast over the last axis: the chain rule to the raw input.
      const inverseStd = std === undefined ? undefined : tf.div(1, tf.tensor1d(std.length === 1 ? Array.from({ length: channels }, () => std[0]!) : [...std]));
      let sumOfSquares = tf.zeros([count]);
      for (let k = 0; k < outputSize; k++) {
        const gradient = tf.grad((x) => tf.sum(tf.slice(outputs(x), [0, k], [count, 1])))(batch);
        const rowK = inverseStd ? tf.mul(gradient, inverseStd) : gradient;
        sumOfSquares = tf.add(sumOfSquares, tf.sum(tf.square(tf.reshape(rowK, [count, -1])), 1));
      }
      return tf.sqrt(sumOfSquares);
    });
    norms.push(...squared.dataSync());
    squared.dispose();
    yield (start + count) / total;
  }
  const mean = norms.reduce((s, v) => s + v, 0) / norms.length;
  const spread = norms.length > 1 ? Math.sqrt(norms.reduce((s, v) => s + (v - mean) ** 2, 0) / (norms.length - 1)) : 0;
  return {
    output,
    withRespectTo: std === undefined ? 'input' : 'raw-input',
    meanFrobeniusNorm: mean,
    std: spread,
    standardError: spread / Math.sqrt(norms.length),
    samples: norms.length,
    perExample: norms,
    outputSize,
    durationMs: performance.now() - started,
  };
}

/** The forward pass of a model at fixed θ (and batch-norm state), in inference mode. */
export function modelForward(model: Model, theta: tf.Tensor1D, state?: tf.Tensor1D): (x: tf.Tensor) => tf.Tensor2D {
  return (x) => model.apply(theta, x, { training: false, ...(state ? { state } : {}) }).output;
}
