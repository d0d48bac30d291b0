/**
 * `MaxPoolGrad` for wasm in JavaScript over the wasm heap. tfjs's C++ kernel took 21–32 ms for
 * the [64,32,32,16] pool of the 34,634-param CNN (the second-largest cost of a training step);
 * this one pass takes a few ms. Semantics are the cpu kernel's (pool_utils.maxPoolPositions):
 * each window sends its dy to the first position, in row-major window order, holding the
 * strict maximum; windows are clipped to the input; NaNs never win.
 */
import * as tf from '@tensorflow/tfjs';
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
    const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth } = info;
    const dx = backend.makeOutput(input.shape, 'float32');
    const xValues = backend.typedArrayFromHeap(input);
    const dyValues = backend.typedArrayFromHeap(dy);
    const dxValues = backend.typedArrayFromHeap(dx);
    dxValues.fill(0);
    const best = new Float32Array(channels);
    const bestIndex = new Int32Array(channels);
    for (let b = 0; b < batchSize; b++) {
      for (let yRow = 0; yRow < outHeight; yRow++) {
        const rowCorner = yRow * info.strideHeight - info.padInfo.top;
        const rowStart = Math.max(0, rowCorner);
        const rowEnd = Math.min(inHeight, rowCorner + info.effectiveFilterHeight);
        for (let yCol = 0; yCol < outWidth; yCol++) {
          const colCorner = yCol * info.strideWidth - info.padInfo.left;
          const colStart = Math.max(0, colCorner);
          const colEnd = Math.min(inWidth, colCorner + info.effectiveFilterWidth);
          best.fill(Number.NEGATIVE_INFINITY);
          bestIndex.fill(-1);
          for (let row = rowStart; row < rowEnd; row++) {
            for (let col = colStart; col < colEnd; col++) {
              const base = ((b * inHeight + row) * inWidth + col) * channels;
              for (let d = 0; d < channels; d++) {
                const value = xValues[base + d]!;
                if (value > best[d]!) {
                  best[d] = value;
                  bestIndex[d] = base + d;
                }
              }
            }
          }
          const dyBase = ((b * outHeight + yRow) * outWidth + yCol) * channels;
          for (let d = 0; d < channels; d++) {
            const index = bestIndex[d]!;
            if (index >= 0) dxValues[index]! += dyValues[dyBase + d]!;
          }
        }
      }
    }
    return dx;
  };
}
