/**
 * A correct gradient for AvgPool, registered for every backend. tfjs 4.22's AvgPool forward
 * divides each window by the number of in-bounds inputs, but its gradient (AvgPoolGrad)
 * divides by the full window fh·fw, so wherever 'same' (or explicit) padding clips a window the
 * first derivative itself is wrong (a 3×3 input pooled 2×2 'same': the corner gets 0.25
 * instead of 1). This one rescales dy by fh·fw / count per output before AvgPoolGrad, where
 * count is the window's in-bounds size (a constant, computed by a ones-convolution).
 * Unclipped pools (every 'valid' pool) take tfjs's path unchanged.
 */
import * as tf from '@tensorflow/tfjs';

export const avgPoolGradient: tf.GradConfig = {
  kernelName: 'AvgPool',
  inputsToSave: ['x'],
  gradFunc: (dy, saved, attrs) => {
    const { filterSize, strides, pad, dimRoundingMode } = attrs as unknown as tf.AvgPoolAttrs;
    const x = saved[0] as tf.Tensor4D | undefined;
    if (x === undefined) throw new Error('AvgPool gradient: the saved input is missing');
    if (Array.isArray(dy)) throw new Error('AvgPool gradient: expected one upstream gradient');
    return {
      x: () => {
        const info = tf.backend_util.computePool2DInfo(x.shape, filterSize, strides, 1, pad, dimRoundingMode);
        const { top, bottom, left, right } = info.padInfo;
        let upstream = dy as tf.Tensor4D;
        if (top + bottom + left + right > 0) {
          const windowSize = info.filterHeight * info.filterWidth;
          const counts = tf.depthwiseConv2d(
            tf.ones([1, info.inHeight, info.inWidth, 1]) as tf.Tensor4D,
            tf.ones([info.filterHeight, info.filterWidth, 1, 1]) as tf.Tensor4D,
            [info.strideHeight, info.strideWidth],
            [[0, 0], [top, bottom], [left, right], [0, 0]],
          );
          upstream = tf.mul(upstream, tf.div(windowSize, counts));
        }
        return tf.engine().runKernel('AvgPoolGrad', { dy: upstream, input: x }, { filterSize, strides, pad, dimRoundingMode } as unknown as tf.NamedAttrMap) as tf.Tensor;
      },
    };
  },
};
