/**
 * `MaxPoolGrad` for wasm in JavaScript over the wasm heap. tfjs's C++ kernel took 21–32 ms for
 * the [64,32,32,16] pool of the 34,634-param CNN (the second-largest cost of a training step);
 * one scan (max-pool-argmax.ts, the cpu kernel's tie rule) plus a scatter takes a few ms.
 */
import * as tf from '@tensorflow/tfjs';
import { maxPoolArgmax } from './max-pool-argmax.js';
import { asWasmBackend, requireInput } from './wasm-kernel-utils.js';

export function maxPoolGradWasm(original: tf.KernelConfig): tf.KernelFunc {
  return (args) => {
    const dy = requireInput(args.inputs, 'dy', 'maxPoolGradWasm');
    const input = requireInput(args.inputs, 'input', 'maxPoolGradWasm');
    if (dy.dtype !== 'float32' || input.dtype !== 'float32') return original.kernelFunc(args);
    const { filterSize, strides, pad, dimRoundingMode } = args.attrs as unknown as tf.MaxPoolGradAttrs;
    const backend = asWasmBackend(args.backend);
    const info = tf.backend_util.computePool2DInfo(
      input.shape as [number, number, number, number],
      filterSize,
      strides,
      1,
      pad,
      dimRoundingMode,
    );
    const dx = backend.makeOutput(input.shape, 'float32');
    // Views are taken after makeOutput: an allocation may grow (and detach) the heap.
    const argmax = maxPoolArgmax(backend.typedArrayFromHeap(input) as Float32Array, info);
    const dyValues = backend.typedArrayFromHeap(dy) as Float32Array;
    const dxValues = backend.typedArrayFromHeap(dx) as Float32Array;
    dxValues.fill(0);
    for (let i = 0; i < argmax.length; i++) {
      const index = argmax[i]!;
      if (index >= 0) dxValues[index]! += dyValues[i]!;
    }
    return dx;
  };
}
