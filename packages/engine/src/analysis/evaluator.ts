import * as tf from '@tensorflow/tfjs';
import type { LossKind } from '../config.js';
import type { Model } from '../models/model.types.js';
import { accuracy, computeLoss } from '../train/losses.js';
import type { Evaluator } from './types.js';

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
      const { output } = model.apply(theta, data.x, { training: false, ...(stateUsed ? { state: stateUsed } : {}) });
      const lossValue = computeLoss(loss, output, data.y);
      return loss === 'cross-entropy' ? { loss: lossValue, accuracy: accuracy(output, data.y as tf.Tensor1D) } : { loss: lossValue };
    });
}
