/**
 * `Sum` for wasm over every axis but the last — the gradient of each broadcast bias add, e.g.
 * [64,32,32,16] → [16] for a conv layer's bias — by the compiled SIMD kernel (float64
 * accumulation). tfjs's kernel first transposes the reduced axes to the end, then sums: 3.5 ms
 * for that tensor against ~0.4 ms here. Every other Sum (other axes, int32, channels not a
 * multiple of 4) is tfjs's own.
 */
import * as tf from '@tensorflow/tfjs';
import { simdKernels } from './kernels/simd-kernels.js';
import { asWasmBackend, requireInput } from './wasm-kernel-utils.js';

export function sumWasm(original: tf.KernelConfig): tf.KernelFunc {
  return (args) => {
    const x = requireInput(args.inputs, 'x', 'sumWasm');
    const { axis, keepDims } = args.attrs as unknown as tf.SumAttrs;
    const rank = x.shape.length;
    const axes = tf.util.parseAxisParam(axis, x.shape).sort((a, b) => a - b);
    const channels = x.shape[rank - 1] ?? 0;
    const leading = rank >= 2 && axes.length === rank - 1 && axes.every((a, i) => a === i);
    const simd = x.dtype === 'float32' && leading && channels % 4 === 0 && channels > 0 ? simdKernels(args.backend) : undefined;
    if (!simd) return original.kernelFunc(args);
    const backend = asWasmBackend(args.backend);
    const outShape = keepDims ? [...Array<number>(rank - 1).fill(1), channels] : [channels];
    const out = backend.makeOutput(outShape, 'float32');
    const scratch = backend.makeOutput([2 * channels], 'float32'); // C doubles
    const at = (info: tf.TensorInfo): number => backend.typedArrayFromHeap(info).byteOffset;
    simd.sum_leading_axes(at(x), at(out), x.shape.reduce((a, b) => a * b, 1) / channels, channels, at(scratch));
    backend.disposeData(scratch.dataId);
    return out;
  };
}
