/**
 * Gradients of the backprop kernels themselves — Conv2DBackpropFilter, MaxPoolGrad,
 * AvgPoolGrad — registered for every backend. tfjs 4.22 has none, so a Hessian-vector product
 * (the gradient of a gradient) through any CNN throws "gradient function not found". Each is
 * the adjoint of a map that is linear in its upstream gradient:
 *
 * - Conv2DBackpropFilter(x, dy) = ∂⟨dy, conv(x, W)⟩/∂W is bilinear; for an upstream ddW,
 *   ∂/∂x = Conv2DBackpropInput(dy, ddW) and ∂/∂dy = conv2d(x, ddW), with the forward
 *   stride and padding.
 * - MaxPoolGrad routes each window's dy to its argmax: its adjoint gathers ddx at the same
 *   argmax (MaxPoolWithArgmax, whose positions follow the same first-maximum rule). The
 *   routing is piecewise constant, so the input and output get zero gradient.
 * - AvgPoolGrad spreads dy/(fh·fw) over each window's in-bounds positions (tfjs divides by the
 *   full window even where 'same' padding clips it, unlike AvgPool's forward). Its adjoint is
 *   the windowed sum of ddx divided by fh·fw: a depthwise convolution with a constant filter,
 *   so it stays exact at clipped borders.
 */
import * as tf from '@tensorflow/tfjs';

function saved(tensors: tf.Tensor[], index: number, kernelName: string): tf.Tensor {
  const tensor = tensors[index];
  if (tensor === undefined) throw new Error(`${kernelName} gradient: saved tensor ${index} is missing`);
  return tensor;
}

function single(dy: tf.Tensor | tf.Tensor[]): tf.Tensor {
  if (Array.isArray(dy)) throw new Error('backprop-kernel-gradients: expected one upstream gradient');
  return dy;
}

export const conv2dBackpropFilterGrad: tf.GradConfig = {
  kernelName: 'Conv2DBackpropFilter',
  inputsToSave: ['x', 'dy'],
  gradFunc: (ddw, tensors, attrs) => {
    const { strides, pad, dataFormat, dimRoundingMode } = attrs as unknown as tf.Conv2DBackpropFilterAttrs;
    const x = saved(tensors, 0, 'Conv2DBackpropFilter') as tf.Tensor4D;
    const dy = saved(tensors, 1, 'Conv2DBackpropFilter') as tf.Tensor4D;
    const upstream = single(ddw) as tf.Tensor4D;
    return {
      x: () => tf.conv2dTranspose(dy, upstream, x.shape, strides, pad as 'same', dimRoundingMode),
      dy: () => tf.conv2d(x, upstream, strides, pad as 'same', dataFormat, 1, dimRoundingMode),
    };
  },
};

export const maxPoolGradGrad: tf.GradConfig = {
  kernelName: 'MaxPoolGrad',
  inputsToSave: ['dy', 'input', 'output'],
  gradFunc: (ddx, tensors, attrs) => {
    const { filterSize, strides, pad } = attrs as unknown as tf.MaxPoolGradAttrs;
    const dy = saved(tensors, 0, 'MaxPoolGrad');
    const input = saved(tensors, 1, 'MaxPoolGrad') as tf.Tensor4D;
    const output = saved(tensors, 2, 'MaxPoolGrad');
    return {
      dy: () => {
        const { indexes } = tf.maxPoolWithArgmax(input, filterSize, strides, pad as 'same', true);
        if (indexes === undefined) throw new Error('MaxPoolGrad gradient: maxPoolWithArgmax returned no indexes');
        return tf.reshape(tf.gather(tf.reshape(single(ddx), [-1]), tf.reshape(indexes, [-1])), dy.shape);
      },
      input: () => tf.zerosLike(input),
      output: () => tf.zerosLike(output),
    };
  },
};

export const avgPoolGradGrad: tf.GradConfig = {
  kernelName: 'AvgPoolGrad',
  inputsToSave: ['input'],
  gradFunc: (ddx, tensors, attrs) => {
    const { filterSize, strides, pad } = attrs as unknown as tf.AvgPoolGradAttrs;
    const input = saved(tensors, 0, 'AvgPoolGrad');
    const [filterHeight, filterWidth] = typeof filterSize === 'number' ? [filterSize, filterSize] : filterSize;
    const channels = input.shape[3] ?? 1;
    return {
      dy: () => {
        const averagingFilter = tf.fill([filterHeight, filterWidth, channels, 1], 1 / (filterHeight * filterWidth));
        return tf.depthwiseConv2d(single(ddx) as tf.Tensor4D, averagingFilter as tf.Tensor4D, strides, pad as 'same');
      },
      input: () => tf.zerosLike(input),
    };
  },
};

export const backpropKernelGradients: tf.GradConfig[] = [conv2dBackpropFilterGrad, maxPoolGradGrad, avgPoolGradGrad];
