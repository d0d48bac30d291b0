/**
 * `Add`, `Sub`, `Multiply`, `RealDiv` of an NHWC tensor with a per-channel vector ([C] or
 * [1,…,1,C], on either side) on wasm. tfjs's wasm kernels take a generic broadcasting path that
 * cost 7–10 ms per [64,16,16,32] operand in a CNN step (bias add, batch-norm shift and scale:
 * together more than any single conv); a JavaScript loop over the heap takes ~1 ms. Each
 * result is the float64 result rounded once to float32, which for + − × ÷ equals the float32
 * operation exactly. Every other shape or dtype goes to tfjs's kernel.
 */
import * as tf from '@tensorflow/tfjs';
import { asWasmBackend, requireInput } from './wasm-kernel-utils.js';

export type ChannelBinaryOp = 'Add' | 'Sub' | 'Multiply' | 'RealDiv';

/** True when `small` is [C] or [1,…,1,C] and `full` (rank ≥ 2) ends in C. */
function isChannelVector(small: number[], full: number[]): boolean {
  const channels = full[full.length - 1];
  if (full.length < 2 || small.length > full.length || channels === undefined) return false;
  if (small[small.length - 1] !== channels) return false;
  return small.slice(0, -1).every((size) => size === 1);
}

export function channelBroadcastBinaryWasm(original: tf.KernelConfig, op: ChannelBinaryOp): tf.KernelFunc {
  return (args) => {
    const a = requireInput(args.inputs, 'a', `channelBroadcastBinaryWasm(${op})`);
    const b = requireInput(args.inputs, 'b', `channelBroadcastBinaryWasm(${op})`);
    if (a.dtype !== 'float32' || b.dtype !== 'float32') return original.kernelFunc(args);
    const vectorOnRight = isChannelVector(b.shape, a.shape);
    const vectorOnLeft = !vectorOnRight && isChannelVector(a.shape, b.shape);
    if (!vectorOnRight && !vectorOnLeft) return original.kernelFunc(args);
    const backend = asWasmBackend(args.backend);
    const full = vectorOnRight ? a : b;
    const vector = vectorOnRight ? b : a;
    const out = backend.makeOutput(full.shape, 'float32');
    const fullValues = backend.typedArrayFromHeap(full);
    const channelValues = backend.typedArrayFromHeap(vector);
    const result = backend.typedArrayFromHeap(out);
    const channels = channelValues.length;
    const size = result.length;
    // One loop per (op, side) keeps each loop monomorphic for the JIT.
    if (op === 'Add') {
      for (let i = 0, c = 0; i < size; i++, c = c + 1 === channels ? 0 : c + 1) result[i] = fullValues[i]! + channelValues[c]!;
    } else if (op === 'Multiply') {
      for (let i = 0, c = 0; i < size; i++, c = c + 1 === channels ? 0 : c + 1) result[i] = fullValues[i]! * channelValues[c]!;
    } else if (op === 'Sub' && vectorOnRight) {
      for (let i = 0, c = 0; i < size; i++, c = c + 1 === channels ? 0 : c + 1) result[i] = fullValues[i]! - channelValues[c]!;
    } else if (op === 'Sub') {
      for (let i = 0, c = 0; i < size; i++, c = c + 1 === channels ? 0 : c + 1) result[i] = channelValues[c]! - fullValues[i]!;
    } else if (vectorOnRight) {
      for (let i = 0, c = 0; i < size; i++, c = c + 1 === channels ? 0 : c + 1) result[i] = fullValues[i]! / channelValues[c]!;
    } else {
      for (let i = 0, c = 0; i < size; i++, c = c + 1 === channels ? 0 : c + 1) result[i] = channelValues[c]! / fullValues[i]!;
    }
    return out;
  };
}
