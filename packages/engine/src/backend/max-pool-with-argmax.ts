/**
 * `MaxPoolWithArgmax` for wasm, replacing tfjs's, which picks the last of tied maxima and in
 * tfjs 4.22 returned index 0 for some windows of batch entries after the first (seen with
 * includeBatchInIndex). Saddle's second derivative through max pooling gathers at these
 * indices, so they must route exactly as MaxPoolGrad does (max-pool-argmax.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { maxPoolArgmax } from './max-pool-argmax.js';
import { asWasmBackend, requireInput } from './wasm-kernel-utils.js';

export function maxPoolWithArgmaxWasm(original: tf.KernelConfig): tf.KernelFunc {
  return (args) => {
    const x = requireInput(args.inputs, 'x', 'maxPoolWithArgmaxWasm');
    if (x.dtype !== 'float32') return original.kernelFunc(args);
    const { filterSize, strides, pad, includeBatchInIndex } = args.attrs as unknown as tf.MaxPoolWithArgmaxAttrs;
    const backend = asWasmBackend(args.backend);
    const info = tf.backend_util.computePool2DInfo(x.shape as [number, number, number, number], filterSize, strides, [1, 1], pad);
    const pooled = backend.makeOutput(info.outShape, 'float32');
    const indexes = backend.makeOutput(info.outShape, 'int32');
    const xValues = backend.typedArrayFromHeap(x) as Float32Array;
    const argmax = maxPoolArgmax(xValues, info);
    const pooledValues = backend.typedArrayFromHeap(pooled) as Float32Array;
    const indexValues = backend.typedArrayFromHeap(indexes) as Int32Array;
    const perImage = info.inHeight * info.inWidth * info.inChannels;
    const perOutputImage = info.outHeight * info.outWidth * info.inChannels;
    for (let i = 0; i < argmax.length; i++) {
      const index = argmax[i]!;
      pooledValues[i] = index >= 0 ? xValues[index]! : Number.NEGATIVE_INFINITY;
      indexValues[i] = index < 0 || includeBatchInIndex ? index : index - Math.floor(i / perOutputImage) * perImage;
    }
    return [pooled, indexes];
  };
}
