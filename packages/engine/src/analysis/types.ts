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
