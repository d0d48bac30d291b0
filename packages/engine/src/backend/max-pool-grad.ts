/**
 * `MaxPoolGrad` for wasm over the wasm heap. tfjs's C++ kernel took 21–32 ms for the
 * [64,32,32,16] pool of the 34,634-param CNN (the second-largest cost of a training step). The
 * zoo's pools — 2×2 windows, stride 2, tiling the input, channels a multiple of 4 — take the
 * compiled SIMD kernel (kernels/saddle_kernels.c); any other pool one JavaScript scan
 * (max-pool-argmax.ts) plus a scatter. Both follow the cpu kernel's tie rule.
 */
import * as tf from '@tensorflow/tfjs';
import { simdKernels } from './kernels/simd-kernels.js';
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
    const tiles2x2 =
      info.filterHeight === 2 &&
      info.filterWidth === 2 &&
      info.strideHeight === 2 &&
      info.strideWidth === 2 &&
      info.padInfo.top === 0 &&
      info.padInfo.left === 0 &&
      info.inHeight === 2 * info.outHeight &&
      info.inWidth === 2 * info.outWidth &&
      info.inChannels % 4 === 0;
    const simd = tiles2x2 ? simdKernels(args.backend) : undefined;
    if (simd) {
      const at = (t: tf.TensorInfo): number => backend.typedArrayFromHeap(t).byteOffset;
      simd.max_pool_2x2_grad(at(input), at(dy), at(dx), info.batchSize, info.outHeight, info.outWidth, info.inChannels);
      return dx;
    }
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
