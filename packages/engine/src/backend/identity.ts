/**
 * `Identity` for wasm that shares its input's buffer (reference-counted, as `Reshape` already
 * does on wasm and `Identity` on cpu) instead of copying it. tfjs clones every tensor a gradient
 * saves for the backward pass (`save` → `clone` → Identity), so on wasm each saved activation was
 * a full copy: ~9 ms of a 34,634-param CNN training step went to copying [64,32,32,16] tensors.
 * Sharing is safe because no wasm kernel writes into its inputs; strings keep tfjs's own path.
 */
import type * as tf from '@tensorflow/tfjs';
import { requireInput } from './wasm-kernel-utils.js';

interface RefCountingBackend {
  incRef(dataId: tf.DataId): void;
}

export function identityWasm(original: tf.KernelConfig): tf.KernelFunc {
  return (args) => {
    const x = requireInput(args.inputs, 'x', 'identityWasm');
    if (x.dtype === 'string') return original.kernelFunc(args);
    (args.backend as unknown as RefCountingBackend).incRef(x.dataId);
    return { dataId: x.dataId, shape: [...x.shape], dtype: x.dtype };
  };
}
