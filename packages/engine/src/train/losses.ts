/**
 * Losses built from primitive ops only, so that their second derivatives are right: tfjs's
 * `tf.losses.softmaxCrossEntropy` and `tf.logSoftmax` carry custom gradients whose own gradients
 * are wrong (see FINDINGS.md), which would corrupt every Hessian-vector product.
 */
import * as tf from '@tensorflow/tfjs';
import type { LossKind } from '../config.js';
import type { ApplyOptions, Model } from '../models/model.types.js';
import { nonDifferentiable } from '../util/stop-gradient.js';

/** Row-wise max, held constant under differentiation (see logSoftmaxComposed). */
const rowMax = nonDifferentiable((x) => tf.max(x, -1, true));

/** mean over the batch of (ŷ − y)²; `y` is [batch] or [batch, 1], `predictions` [batch, 1]. */
export function meanSquaredError(predictions: tf.Tensor, targets: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.square(tf.sub(predictions, targets.reshape(predictions.shape)))) as tf.Scalar);
}

/**
 * log softmax as logits − logSumExp(logits), the max subtracted first for range. The result does
 * not depend on the shift (∂/∂m of [z − m − log Σ exp(z − m)] = 0), so the max is held constant:
 * differentiating through it would need `Equal`'s gradient at second order, which tfjs lacks.
 */
export function logSoftmaxComposed<T extends tf.Tensor>(logits: T): T {
  // Over the last axis, so [batch, classes] and the ensemble's [K, batch, classes] share it.
  return tf.tidy(() => {
    const shifted = tf.sub(logits, rowMax(logits));
    return tf.sub(shifted, tf.log(tf.sum(tf.exp(shifted), -1, true))) as T;
  });
}

/** Mean softmax cross-entropy of `logits` [batch, classes] against integer `labels` [batch]. */
export function softmaxCrossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => {
    const classes = logits.shape[1];
    const oneHot = tf.oneHot(labels.toInt(), classes);
    return tf.neg(tf.mean(tf.sum(tf.mul(oneHot, logSoftmaxComposed(logits)), 1))) as tf.Scalar;
  });
}

/** Fraction of rows whose arg-max logit is the label. */
export function accuracy(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.cast(tf.equal(tf.argMax(logits, 1), labels.toInt()), 'float32')) as tf.Scalar);
}

/**
 * Per-model losses of an ensemble's outputs [K, batch, out] against targets [K, batch] (float)
 * or labels [K, batch] (int): a [K] vector, row k equal to `computeLoss` of model k alone.
 */
export function computeEnsembleLosses(loss: LossKind, outputs: tf.Tensor3D, y: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    if (loss === 'mse') return tf.mean(tf.square(tf.sub(outputs, y.reshape(outputs.shape))), [1, 2]) as tf.Tensor1D;
    const oneHot = tf.oneHot(y.toInt(), outputs.shape[2]);
    return tf.neg(tf.mean(tf.sum(tf.mul(oneHot, logSoftmaxComposed(outputs)), 2), 1)) as tf.Tensor1D;
  });
}

/** Per-model accuracy of an ensemble's logits [K, batch, classes] against labels [K, batch]: a [K] vector. */
export function ensembleAccuracy(outputs: tf.Tensor3D, labels: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => tf.mean(tf.cast(tf.equal(tf.argMax(outputs, 2), labels.toInt()), 'float32'), 1) as tf.Tensor1D);
}

/** The loss of a batch's outputs: MSE for regression targets, cross-entropy for class labels. */
export function computeLoss(loss: LossKind, output: tf.Tensor2D, y: tf.Tensor): tf.Scalar {
  return loss === 'mse' ? meanSquaredError(output, y) : softmaxCrossEntropy(output, y as tf.Tensor1D);
}

/**
 * θ ↦ L(θ) on a fixed batch: what gradients, HVPs, Hessians and landscapes differentiate.
 * In training mode batch norm uses the batch's statistics (the running stats are not updated);
 * in eval mode it uses `options.state`.
 */
export function lossFunction(
  model: Model,
  x: tf.Tensor,
  y: tf.Tensor,
  loss: LossKind,
  options: ApplyOptions,
): (theta: tf.Tensor) => tf.Scalar {
  // Typed over tf.Tensor so it can be handed to tf.grad / tf.valueAndGrad as is.
  return (theta) => tf.tidy(() => computeLoss(loss, model.apply(theta as tf.Tensor1D, x, options).output, y));
}
