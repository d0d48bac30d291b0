/**
 * One Adam step as a single wasm kernel (the compiled `adam_step`): the composed update is
 * thirteen kernels, each a JS → wasm call with tensor bookkeeping — for a 681-param MLP, whose
 * whole step is ~100 kernels, that overhead is the cost. Same float32 operations in the same
 * order as the composed ops, so the results are identical. Registered for wasm only; the
 * optimiser composes tfjs ops on other backends.
 */
import type * as tf from '@tensorflow/tfjs';
import { simdKernels } from './kernels/simd-kernels.js';
import { asWasmBackend, requireInput } from './wasm-kernel-utils.js';

export const ADAM_STEP = 'SaddleAdamStep';

export interface AdamStepAttrs {
  lr: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  /** The step number t ≥ 1, for the bias corrections 1 − βᵗ. */
  iteration: number;
}

/** inputs {theta, grad, m, v} (all one shape) → [theta', m', v']. */
export const adamStepWasm: tf.KernelFunc = ({ inputs, backend: anyBackend, attrs }) => {
  const backend = asWasmBackend(anyBackend);
  const [theta, grad, m, v] = ['theta', 'grad', 'm', 'v'].map((name) => requireInput(inputs, name, 'adamStepWasm')) as [
    tf.TensorInfo,
    tf.TensorInfo,
    tf.TensorInfo,
    tf.TensorInfo,
  ];
  const simd = simdKernels(anyBackend);
  if (!simd) throw new Error('adamStepWasm: the compiled kernels are not available on this backend');
  const { lr, beta1, beta2, epsilon, iteration } = attrs as unknown as AdamStepAttrs;
  const outputs = [theta, m, v].map(() => backend.makeOutput(theta.shape, 'float32')) as [tf.TensorInfo, tf.TensorInfo, tf.TensorInfo];
  const at = (info: tf.TensorInfo): number => backend.typedArrayFromHeap(info).byteOffset;
  const n = theta.shape.reduce((a, b) => a * b, 1);
  // The constants as the composed ops see them: JavaScript numbers rounded once to float32.
  simd.adam_step(
    at(theta), at(grad), at(m), at(v), at(outputs[0]), at(outputs[1]), at(outputs[2]), n,
    lr, beta1, 1 - beta1, beta2, 1 - beta2, 1 - beta1 ** iteration, 1 - beta2 ** iteration, epsilon,
  );
  return outputs;
};
