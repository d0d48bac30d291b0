/**
 * `Sum` for wasm over a run of axes that is not the last — every axis but the last (a conv or
 * dense layer's bias gradient, [64,32,32,16] → [16]) or a middle run (the ensembles' and batched
 * HVPs' bias gradients, [K, n, h] over n) — by the compiled kernel, accumulating in float64.
 * tfjs's kernel first transposes the summed axes to the end: 3.5 ms for [64,32,32,16] against
 * ~0.4 ms here. Every other Sum (the last axis, several runs, int32) is tfjs's own.
 */
import * as tf from '@tensorflow/tfjs';
import { simdKernels } from './kernels/simd-kernels.js';
import { asWasmBackend, requireInput } from './wasm-kernel-utils.js';

const product = (dims: readonly number[]): number => dims.reduce((a, b) => a * b, 1);

export function sumWasm(original: tf.KernelConfig): tf.KernelFunc {
  return (args) => {
    const x = requireInput(args.inputs, 'x', 'sumWasm');
    const { axis, keepDims } = args.attrs as unknown as tf.SumAttrs;
    const rank = x.shape.length;
    const axes = [...new Set(tf.util.parseAxisParam(axis, x.shape))].sort((a, b) => a - b);
    const first = axes[0] ?? 0;
    const last = axes[axes.length - 1] ?? 0;
    // One contiguous run of axes, ending before the last axis.
    const middleRun = axes.length > 0 && rank >= 2 && last < rank - 1 && last - first === axes.length - 1;
    const simd = x.dtype === 'float32' && middleRun ? simdKernels(args.backend) : undefined;
    if (!simd) return original.kernelFunc(args);
    const backend = asWasmBackend(args.backend);
    const outer = product(x.shape.slice(0, first));
    const summed = product(x.shape.slice(first, last + 1));
    const inner = product(x.shape.slice(last + 1));
    const outShape = x.shape.flatMap((d, i) => (i < first || i > last ? [d] : keepDims ? [1] : []));
    const out = backend.makeOutput(outShape, 'float32');
    const scratch = backend.makeOutput([2 * inner + 2], 'float32'); // inner doubles, rounded up
    const at = (info: tf.TensorInfo): number => backend.typedArrayFromHeap(info).byteOffset;
    simd.sum_middle_axes(at(x), at(out), outer, summed, inner, at(scratch));
    backend.disposeData(scratch.dataId);
    return out;
  };
}
