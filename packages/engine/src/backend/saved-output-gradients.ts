/**
 * Gradients for Tanh, Sigmoid, Exp, Elu, Softmax and LogSoftmax that are themselves
 * differentiable, registered for every backend.
 *
 * Why: tfjs 4.22's gradients for these ops read the op's saved *output*. The engine saves it by
 * cloning inside the kernel call, and records that clone on the tape *before* the op's own
 * node; when a second derivative walks the tape, the clone's input is not yet reachable from
 * the parameters, so every path through the saved output is dropped. The result is a wrong
 * second derivative without any error (a tanh MLP's Hessian-vector product was ~10% off), or
 * "Cannot compute gradient" when that was the only path. These gradients save the *input*
 * instead and recompute the output from it with taped ops, so grad-of-grad sees every path.
 * The price is one extra elementwise op per backward pass.
 *
 * (tf.logSoftmax and tf.losses.softmaxCrossEntropy are customGrad ops, not these kernels, and
 * have the same flaw; they cannot be re-registered — build losses from logits − logSumExp.)
 */
import * as tf from '@tensorflow/tfjs';

function only(saved: tf.Tensor[], kernelName: string): tf.Tensor {
  const input = saved[0];
  if (input === undefined) throw new Error(`${kernelName} gradient: expected the saved input, got nothing`);
  return input;
}

function single(dy: tf.Tensor | tf.Tensor[]): tf.Tensor {
  if (Array.isArray(dy)) throw new Error('saved-output-gradients: expected one upstream gradient');
  return dy;
}

export const differentiableTanhGrad: tf.GradConfig = {
  kernelName: 'Tanh',
  inputsToSave: ['x'],
  gradFunc: (dy, saved) => ({
    x: () => {
      const y = tf.tanh(only(saved, 'Tanh'));
      return tf.mul(single(dy), tf.sub(1, tf.square(y)));
    },
  }),
};

export const differentiableSigmoidGrad: tf.GradConfig = {
  kernelName: 'Sigmoid',
  inputsToSave: ['x'],
  gradFunc: (dy, saved) => ({
    x: () => {
      const y = tf.sigmoid(only(saved, 'Sigmoid'));
      return tf.mul(single(dy), tf.mul(y, tf.sub(1, y)));
    },
  }),
};

export const differentiableExpGrad: tf.GradConfig = {
  kernelName: 'Exp',
  inputsToSave: ['x'],
  gradFunc: (dy, saved) => ({ x: () => tf.mul(single(dy), tf.exp(only(saved, 'Exp'))) }),
};

/** tfjs's elu has α = 1: d/dx = 1 for x > 0, exp(x) otherwise. */
export const differentiableEluGrad: tf.GradConfig = {
  kernelName: 'Elu',
  inputsToSave: ['x'],
  gradFunc: (dy, saved) => ({
    x: () => {
      const x = only(saved, 'Elu');
      const upstream = single(dy);
      return tf.where(tf.greater(x, 0), upstream, tf.mul(upstream, tf.exp(tf.minimum(x, 0))));
    },
  }),
};

export const differentiableSoftmaxGrad: tf.GradConfig = {
  kernelName: 'Softmax',
  inputsToSave: ['logits'],
  gradFunc: (dy, saved, attrs) => ({
    logits: () => {
      const { dim } = attrs as unknown as tf.SoftmaxAttrs;
      const y = tf.softmax(only(saved, 'Softmax'), dim);
      const dyTimesY = tf.mul(single(dy), y);
      return tf.sub(dyTimesY, tf.mul(tf.sum(dyTimesY, [dim], true), y));
    },
  }),
};

export const differentiableLogSoftmaxGrad: tf.GradConfig = {
  kernelName: 'LogSoftmax',
  inputsToSave: ['logits'],
  gradFunc: (dy, saved, attrs) => ({
    logits: () => {
      const { axis } = attrs as unknown as tf.LogSoftmaxAttrs;
      const upstream = single(dy);
      const softmax = tf.softmax(only(saved, 'LogSoftmax'), axis);
      return tf.sub(upstream, tf.mul(tf.sum(upstream, axis, true), softmax));
    },
  }),
};

export const savedOutputGradients: tf.GradConfig[] = [
  differentiableTanhGrad,
  differentiableSigmoidGrad,
  differentiableExpGrad,
  differentiableEluGrad,
  differentiableSoftmaxGrad,
  differentiableLogSoftmaxGrad,
];
