/**
 * `BatchMatMul` for wasm by the compiled SIMD kernel (register-blocked rows). tfjs-wasm hands
 * only an untransposed, unbatched product to XNNPACK, and every transposed product (half of each
 * backward pass: x^T·dy, dy·W^T) and every batch > 1 (the ensembles' [K, n, h] products, batched
 * HVPs) to a scalar loop. Even the XNNPACK case is faster here on one thread (1000×784·784×512:
 * 53 vs 86 ms; 1000×20·20×20: 0.07 vs 0.12 ms), because every new weight tensor makes XNNPACK
 * create and pack a new operator — and in training every step's weights are new.
 */
import * as tf from '@tensorflow/tfjs';
import { simdKernels } from './kernels/simd-kernels.js';
import { asWasmBackend, requireInput } from './wasm-kernel-utils.js';

export function batchMatMulWasm(original: tf.KernelConfig): tf.KernelFunc {
  return (args) => {
    const a = requireInput(args.inputs, 'a', 'batchMatMulWasm');
    const b = requireInput(args.inputs, 'b', 'batchMatMulWasm');
    const { transposeA, transposeB } = args.attrs as unknown as tf.BatchMatMulAttrs;
    const outerA = a.shape.slice(0, -2);
    const outerB = b.shape.slice(0, -2);
    const batchA = outerA.reduce((x, y) => x * y, 1);
    const batchB = outerB.reduce((x, y) => x * y, 1);
    // One batch shape, or one side unbatched: the broadcasts the kernel's strides express.
    const sameOuter = outerA.length === outerB.length && outerA.every((d, i) => d === outerB[i]);
    const broadcastable = sameOuter || batchA === 1 || batchB === 1;
    const simd = a.dtype === 'float32' && b.dtype === 'float32' && broadcastable ? simdKernels(args.backend) : undefined;
    if (!simd) return original.kernelFunc(args);
    const backend = asWasmBackend(args.backend);
    const rankA = a.shape.length;
    const rankB = b.shape.length;
    const M = transposeA ? a.shape[rankA - 1]! : a.shape[rankA - 2]!;
    const K = transposeA ? a.shape[rankA - 2]! : a.shape[rankA - 1]!;
    const kB = transposeB ? b.shape[rankB - 1]! : b.shape[rankB - 2]!;
    const N = transposeB ? b.shape[rankB - 2]! : b.shape[rankB - 1]!;
    if (K !== kB) return original.kernelFunc(args); // tfjs's kernel words the error
    const outer = batchA >= batchB ? outerA : outerB;
    const batch = Math.max(batchA, batchB);
    const out = backend.makeOutput([...outer, M, N], 'float32');
    // Where a transposed b is laid out untransposed, one matrix at a time.
    const scratch = backend.makeOutput([transposeB ? K * N : 1], 'float32');
    const at = (info: tf.TensorInfo): number => backend.typedArrayFromHeap(info).byteOffset;
    simd.batch_matmul(at(a), at(b), at(out), batch, batchA, batchB, M, K, N, transposeA ? 1 : 0, transposeB ? 1 : 0, at(scratch));
    backend.disposeData(scratch.dataId);
    return out;
  };
}
