import * as tf from '@tensorflow/tfjs';
import type { LossKind } from '../config.js';
import type { Model } from '../models/model.types.js';
import { applyEnsemble, ensembleUnsupportedReason } from '../models/ensemble.js';
import { accuracy, computeEnsembleLosses, computeLoss, ensembleAccuracy } from '../train/losses.js';
import type { BatchedEvaluator, BatchedLossFn, Evaluator } from './types.js';

/** A dataset split as tensors: inputs [N, ...inputShape]; targets [N, 1] (regression) or labels [N]. */
export interface EvaluationData {
  x: tf.Tensor;
  y: tf.Tensor;
}

/**
 * Loss (and accuracy, for cross-entropy) of `model` on `data` as a function of θ and the
 * batch-norm state, in inference mode: batch norm uses the state given (or `defaultState`), so
 * the numbers do not depend on how the points are batched. Landscapes and interpolation use it.
 */
export function modelEvaluator(model: Model, data: EvaluationData, loss: LossKind, defaultState?: tf.Tensor1D): Evaluator {
  return (theta, state) =>
    tf.tidy(() => {
      const stateUsed = state ?? defaultState;
      // fused: evaluations are never differentiated twice (folded batch norm, one conv kernel).
      const { output } = model.apply(theta, data.x, { training: false, fused: true, ...(stateUsed ? { state: stateUsed } : {}) });
      const lossValue = computeLoss(loss, output, data.y);
      return loss === 'cross-entropy' ? { loss: lossValue, accuracy: accuracy(output, data.y as tf.Tensor1D) } : { loss: lossValue };
    });
}

/**
 * The same as {@link modelEvaluator} for K parameter vectors in one ensemble pass
 * (`applyEnsemble`), or undefined when the model cannot be batched (conv, pooling, batch norm).
 * The data are tiled K times per call, so memory grows with K × the split's size.
 */
export function modelBatchedEvaluator(model: Model, data: EvaluationData, loss: LossKind): BatchedEvaluator | undefined {
  if (ensembleUnsupportedReason(model) !== undefined) return undefined;
  return (thetas) =>
    tf.tidy(() => {
      const k = thetas.shape[0];
      const n = data.x.shape[0]!;
      const xs = tf.tile(tf.expandDims(data.x, 0), [k, ...data.x.shape.map(() => 1)]);
      const ys = tf.tile(tf.reshape(data.y, [1, n]), [k, 1]) as tf.Tensor2D;
      const outputs = applyEnsemble(model, thetas, xs);
      const losses = computeEnsembleLosses(loss, outputs, ys);
      return loss === 'cross-entropy' ? { loss: losses, accuracy: ensembleAccuracy(outputs, ys) } : { loss: losses };
    });
}

/**
 * Rows of Θ [K, P] ↦ the K losses of `model` on `data` in one ensemble pass, for vectorised
 * Hessian-vector products; undefined when the model cannot be batched (conv, pooling, batch norm).
 */
export function modelBatchedLoss(model: Model, data: EvaluationData, loss: LossKind): BatchedLossFn | undefined {
  const evaluate = modelBatchedEvaluator(model, data, loss);
  if (!evaluate) return undefined;
  const batched: BatchedLossFn = (thetas) => evaluate(thetas).loss;
  // Per row of Θ: the tiled inputs and every layer's output for all n examples, float32, times
  // the copies a double backward pass keeps alive (forward values, their gradients, the
  // gradients' own forward and backward values, masks): 8, measured as a safe upper bound.
  const n = data.x.shape[0] ?? 0;
  const inputBytes = (4 * data.x.size) / Math.max(1, n);
  const activationBytes = model.summary().activationsSizeMB * 2 ** 20; // per example, float32
  batched.bytesPerRow = n * (inputBytes + 8 * activationBytes);
  return batched;
}
