import type * as tf from '@tensorflow/tfjs';

/**
 * A loss as a function of the flat parameter vector θ alone (data, labels and batch-norm state
 * are closed over). Every analysis that differentiates works on this; `lossFunction` in
 * `train/` builds one from a model and a batch.
 */
export type LossFn = (theta: tf.Tensor1D) => tf.Scalar;

/** Loss (and, for classifiers, accuracy in [0, 1]) at θ, optionally under a batch-norm state. */
export type Evaluator = (
  theta: tf.Tensor1D,
  state?: tf.Tensor1D,
) => { loss: tf.Scalar; accuracy?: tf.Scalar };

/**
 * The same loss for K parameter vectors at once: rows of `thetas` [K, P] → their K losses. Row k's
 * loss must depend on row k only (an ensemble forward pass). Lets HVPs for K vectors run as one
 * vectorised computation instead of K passes.
 */
export type BatchedLossFn = ((thetas: tf.Tensor2D) => tf.Tensor1D) & {
  /**
   * Bytes one row of Θ takes in a vectorised Hessian-vector product (its activations, their
   * gradients and the second pass's), when known: HVP chunks are sized from it to stay within
   * the wasm heap (see `batchedHvpChunkSize`).
   */
  bytesPerRow?: number;
};

/** Loss (and accuracy) of K parameter vectors at once, rows of `thetas` [K, P] → [K] each. */
export type BatchedEvaluator = (thetas: tf.Tensor2D) => { loss: tf.Tensor1D; accuracy?: tf.Tensor1D };
