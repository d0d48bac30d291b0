/**
 * Zero-gradient wrappers (tfjs 4.22 has no public `stopGradient`). A customGrad's forward runs
 * with the tape off, so ops computed inside `nonDifferentiable(fn)` never appear in a gradient
 * graph: that matters at second order, where e.g. the `Equal` inside max's gradient has no
 * gradient of its own and would throw.
 */
import * as tf from '@tensorflow/tfjs';

/** `fn` as a function with a zero gradient everywhere (its ops are invisible to the tape). */
export function nonDifferentiable<T extends tf.Tensor>(fn: (x: tf.Tensor) => T): (x: tf.Tensor) => T {
  const wrapped = tf.customGrad((...inputs) => {
    const x = inputs[0] as tf.Tensor;
    return { value: fn(x), gradFunc: () => tf.zerosLike(x) };
  });
  return (x) => wrapped(x) as T;
}

const identity = nonDifferentiable((x) => x.clone());

/** The identity with a zero gradient. */
export function stopGradient<T extends tf.Tensor>(x: T): T {
  return identity(x) as T;
}
