/**
 * `Sum` and `Mean` over leading axes (e.g. [0, 1, 2] of NHWC: bias and batch-norm gradients,
 * batch-norm statistics) on wasm. tfjs's kernel first transposes the reduced axes innermost, a
 * full copy that cost 11–12 ms per [64,32,32,16] tensor in a CNN step; reading the heap once
 * in row order with float64 accumulators takes ~1 ms and is more accurate. Every other case
 * (innermost axes, int dtypes, everything reduced) goes to tfjs's kernel.
 */
import * as tf from '@tensorflow/tfjs';
import { asWasmBackend, requireInput } from './wasm-kernel-utils.js';

/** The number of leading axes reduced when `axis` is exactly 0..k−1 with 0 < k < rank, else 0. */
function leadingAxesCount(axis: number | number[], rank: number): number {
  const axes = tf.util.parseAxisParam(axis, Array.from({ length: rank }, () => 1));
  const sorted = [...new Set(axes)].sort((a, b) => a - b);
  if (sorted.length === 0 || sorted.length >= rank) return 0;
  return sorted.every((a, i) => a === i) ? sorted.length : 0;
}

export function reduceLeadingAxesWasm(original: tf.KernelConfig, mode: 'sum' | 'mean'): tf.KernelFunc {
  return (args) => {
    const x = requireInput(args.inputs, 'x', `reduceLeadingAxesWasm(${mode})`);
    const { axis, keepDims } = args.attrs as unknown as tf.SumAttrs;
    const reduced = x.dtype === 'float32' ? leadingAxesCount(axis, x.shape.length) : 0;
    if (reduced === 0) return original.kernelFunc(args);
    const backend = asWasmBackend(args.backend);
    const rows = x.shape.slice(0, reduced).reduce((a, b) => a * b, 1);
    const keptShape = x.shape.slice(reduced);
    const columns = keptShape.reduce((a, b) => a * b, 1);
    const outShape = keepDims ? [...x.shape.slice(0, reduced).map(() => 1), ...keptShape] : keptShape;
    const out = backend.makeOutput(outShape, 'float32');
    // Views are taken after makeOutput: an allocation may grow (and detach) the heap.
    const source = backend.typedArrayFromHeap(x);
    const target = backend.typedArrayFromHeap(out);
    const totals = new Float64Array(columns);
    for (let row = 0, offset = 0; row < rows; row++, offset += columns) {
      for (let column = 0; column < columns; column++) totals[column]! += source[offset + column]!;
    }
    const scale = mode === 'mean' ? 1 / rows : 1;
    for (let column = 0; column < columns; column++) target[column] = totals[column]! * scale;
    return out;
  };
}
