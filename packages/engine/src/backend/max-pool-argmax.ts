/**
 * The window scan shared by Saddle's wasm MaxPoolGrad and MaxPoolWithArgmax, so both route by
 * the same rule — the cpu kernel's (pool_utils.maxPoolPositions): the first position, in
 * row-major window order, holding the strict maximum; windows clipped to the input; NaN never
 * wins. One rule matters: the second-derivative gradient of MaxPoolGrad gathers at the argmax
 * MaxPoolWithArgmax reports, and tfjs's wasm MaxPoolWithArgmax disagrees with it (it picks the
 * last of tied maxima, and returned index 0 for some windows of later batch entries).
 */
import type * as tf from '@tensorflow/tfjs';

/** For each output element (NHWC order), the flat input index of its window's maximum, or −1. */
export function maxPoolArgmax(x: Float32Array, info: tf.backend_util.Conv2DInfo): Int32Array {
  const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth } = info;
  const argmax = new Int32Array(batchSize * outHeight * outWidth * channels);
  const rowStride = inWidth * channels;
  for (let b = 0, out = 0; b < batchSize; b++) {
    for (let yRow = 0; yRow < outHeight; yRow++) {
      const rowCorner = yRow * info.strideHeight - info.padInfo.top;
      const rowStart = Math.max(0, rowCorner);
      const rowEnd = Math.min(inHeight, rowCorner + info.effectiveFilterHeight);
      for (let yCol = 0; yCol < outWidth; yCol++) {
        const colCorner = yCol * info.strideWidth - info.padInfo.left;
        const colStart = Math.max(0, colCorner);
        const colEnd = Math.min(inWidth, colCorner + info.effectiveFilterWidth);
        const windowBase = ((b * inHeight + rowStart) * inWidth + colStart) * channels;
        // Channel outer, window inner: a few strided reads per output, no per-window buffers.
        for (let d = 0; d < channels; d++, out++) {
          let best = Number.NEGATIVE_INFINITY;
          let bestIndex = -1;
          for (let row = rowStart, rowBase = windowBase + d; row < rowEnd; row++, rowBase += rowStride) {
            for (let col = colStart, index = rowBase; col < colEnd; col++, index += channels) {
              const value = x[index]!;
              if (value > best) {
                best = value;
                bestIndex = index;
              }
            }
          }
          argmax[out] = bestIndex;
        }
      }
    }
  }
  return argmax;
}
