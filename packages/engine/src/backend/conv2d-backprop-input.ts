/**
 * A faster `Conv2DBackpropInput` for wasm. tfjs's wasm kernel is a plain C++ loop: 125–210 ms
 * for conv2 of the 34,634-param CNN (batch 64), over half of a whole training step. The input
 * gradient is a convolution of dy (dilated by the stride) with the filter rotated 180° and its
 * channel axes swapped, which XNNPACK runs in ~17 ms. Layouts or paddings this form cannot
 * express (NCHW, padding larger than the filter) fall back to tfjs's kernel.
 */
import * as tf from '@tensorflow/tfjs';
import { asWasmBackend, callWasmKernel, disposeInfos, requireInput } from './wasm-kernel-utils.js';

export function conv2dBackpropInputWasm(original: tf.KernelConfig): tf.KernelFunc {
  return (args) => {
    const backend = asWasmBackend(args.backend);
    const dy = requireInput(args.inputs, 'dy', 'conv2dBackpropInputWasm');
    const filter = requireInput(args.inputs, 'filter', 'conv2dBackpropInputWasm');
    const { strides, pad, dataFormat, dimRoundingMode, inputShape } = args.attrs as unknown as tf.Conv2DBackpropInputAttrs;
    if (dataFormat === 'NCHW') return original.kernelFunc(args);
    const info = tf.backend_util.computeConv2DInfo(
      inputShape,
      filter.shape as [number, number, number, number],
      strides,
      1,
      pad,
      dimRoundingMode,
    );
    const { strideHeight, strideWidth, filterHeight, filterWidth } = info;
    const dilatedHeight = (info.outHeight - 1) * strideHeight + 1;
    const dilatedWidth = (info.outWidth - 1) * strideWidth + 1;
    const padTop = filterHeight - 1 - info.padInfo.top;
    const padLeft = filterWidth - 1 - info.padInfo.left;
    const padBottom = info.inHeight - dilatedHeight + filterHeight - 1 - padTop;
    const padRight = info.inWidth - dilatedWidth + filterWidth - 1 - padLeft;
    if (Math.min(padTop, padLeft, padBottom, padRight) < 0) return original.kernelFunc(args);

    let dyDilated = dy;
    if (strideHeight > 1 || strideWidth > 1) {
      // Insert stride−1 zeros after every row and column: [b,oh,1,ow,1,c] padded to [b,oh,sh,ow,sw,c].
      const [batch, outHeight, outWidth, channels] = dy.shape as [number, number, number, number];
      const spread = callWasmKernel('Reshape', backend, { x: dy }, { shape: [batch, outHeight, 1, outWidth, 1, channels] });
      const padded = callWasmKernel('PadV2', backend, { x: spread }, {
        paddings: [[0, 0], [0, 0], [0, strideHeight - 1], [0, 0], [0, strideWidth - 1], [0, 0]],
        constantValue: 0,
      });
      const flat = callWasmKernel('Reshape', backend, { x: padded }, {
        shape: [batch, outHeight * strideHeight, outWidth * strideWidth, channels],
      });
      dyDilated = callWasmKernel('Slice', backend, { x: flat }, { begin: [0, 0, 0, 0], size: [-1, dilatedHeight, dilatedWidth, -1] });
      disposeInfos(backend, spread, padded, flat);
    }
    const rotated = callWasmKernel('Reverse', backend, { x: filter }, { dims: [0, 1] });
    const swapped = callWasmKernel('Transpose', backend, { x: rotated }, { perm: [0, 1, 3, 2] });
    const dx = callWasmKernel('Conv2D', backend, { x: dyDilated, filter: swapped }, {
      strides: [1, 1],
      pad: [[0, 0], [padTop, padBottom], [padLeft, padRight], [0, 0]],
      dataFormat: 'NHWC',
      dilations: [1, 1],
    });
    disposeInfos(backend, rotated, swapped);
    if (dyDilated !== dy) disposeInfos(backend, dyDilated);
    return dx;
  };
}
