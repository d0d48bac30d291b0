/**
 * Training-mode batch norm (optionally followed by ReLU) as two wasm kernels, for the
 * first-order training step (models/batch-norm.ts picks them): compiled SIMD code
 * (kernels/saddle_kernels.c) when the channel count is a multiple of 4, else JavaScript loops
 * over the wasm heap computing the same thing.
 *
 * Composed from tfjs ops, batch norm + ReLU on a [64,32,32,16] activation is ~12 kernels forward
 * and ~20 backward (means, broadcasts, the Sums that reduce every broadcast's gradient): about
 * half of a 34,634-param CNN step on wasm. Here it is 2 passes over x forward and 2 backward.
 *
 * x is [..., C], normalised per channel (the last axis) over the M = size / C positions:
 *   forward   μ = Σx/M, σ² = Σ(x − μ)²/M (biased, as BN normalises), x̂ = (x − μ)/√(σ² + ε),
 *             y = γ·x̂ + β, then max(0, y) when `relu`
 *   backward  g = dy masked by y > 0 when `relu`; dβ = Σg, dγ = Σg·x̂,
 *             dx = γ/√(σ² + ε) · (g − dβ/M − x̂·dγ/M)
 * Sums run in float64 (σ² as Σx²/M − μ², safe in float64 for float32 data).
 * No second derivative exists for these kernels: tfjs raises an error if one is requested.
 */
import type * as tf from '@tensorflow/tfjs';
import { simdKernels } from './kernels/simd-kernels.js';
import { asWasmBackend, requireInput, type WasmBackendInternals } from './wasm-kernel-utils.js';

export const BATCH_NORM_FORWARD = 'SaddleBatchNormForward';
export const BATCH_NORM_BACKWARD = 'SaddleBatchNormBackward';

export interface BatchNormKernelAttrs {
  epsilon: number;
  relu: boolean;
}

function channelsOf(x: tf.TensorInfo, caller: string): { channels: number; positions: number } {
  const channels = x.shape[x.shape.length - 1];
  if (channels === undefined || x.shape.length < 2) throw new Error(`${caller}: x must have rank ≥ 2, got [${x.shape.join(', ')}]`);
  const size = x.shape.reduce((a, b) => a * b, 1);
  return { channels, positions: size / channels };
}

/** Per-channel scratch for the compiled kernels: 4·C doubles. */
function withScratch<T>(backend: WasmBackendInternals, channels: number, use: (pointer: number) => T): T {
  const scratch = backend.makeOutput([8 * channels], 'float32');
  try {
    return use(backend.typedArrayFromHeap(scratch).byteOffset);
  } finally {
    backend.disposeData(scratch.dataId);
  }
}

/** inputs {x, gamma, beta} → [y, mean, variance]. */
export const batchNormForwardWasm: tf.KernelFunc = ({ inputs, backend: anyBackend, attrs }) => {
  const backend = asWasmBackend(anyBackend);
  const caller = 'batchNormForwardWasm';
  const xInfo = requireInput(inputs, 'x', caller);
  const gammaInfo = requireInput(inputs, 'gamma', caller);
  const betaInfo = requireInput(inputs, 'beta', caller);
  const { epsilon, relu } = attrs as unknown as BatchNormKernelAttrs;
  const { channels: C, positions: M } = channelsOf(xInfo, caller);
  const yInfo = backend.makeOutput(xInfo.shape, 'float32');
  const meanInfo = backend.makeOutput([C], 'float32');
  const varianceInfo = backend.makeOutput([C], 'float32');
  const simd = C % 4 === 0 ? simdKernels(anyBackend) : undefined;
  if (simd) {
    const at = (info: tf.TensorInfo): number => backend.typedArrayFromHeap(info).byteOffset;
    withScratch(backend, C, (scratch) =>
      simd.bn_forward(at(xInfo), at(yInfo), M, C, at(gammaInfo), at(betaInfo), at(meanInfo), at(varianceInfo), epsilon, relu ? 1 : 0, scratch),
    );
    return [yInfo, meanInfo, varianceInfo];
  }
  // Views after every makeOutput: an allocation may grow (and detach) the heap.
  const x = backend.typedArrayFromHeap(xInfo) as Float32Array;
  const y = backend.typedArrayFromHeap(yInfo) as Float32Array;
  const gamma = backend.typedArrayFromHeap(gammaInfo) as Float32Array;
  const beta = backend.typedArrayFromHeap(betaInfo) as Float32Array;

  const sum = new Float64Array(C);
  const sumSquares = new Float64Array(C);
  for (let i = 0; i < M * C; i += C) {
    for (let c = 0; c < C; c++) {
      const v = x[i + c]!;
      sum[c]! += v;
      sumSquares[c]! += v * v;
    }
  }
  const mean = backend.typedArrayFromHeap(meanInfo) as Float32Array;
  const variance = backend.typedArrayFromHeap(varianceInfo) as Float32Array;
  // y = x·scale + shift, with scale = γ/√(σ² + ε) and shift = β − μ·scale.
  const scale = new Float32Array(C);
  const shift = new Float32Array(C);
  for (let c = 0; c < C; c++) {
    const mu = sum[c]! / M;
    const v = Math.max(0, sumSquares[c]! / M - mu * mu);
    mean[c] = mu;
    variance[c] = v;
    scale[c] = gamma[c]! / Math.sqrt(v + epsilon);
    shift[c] = beta[c]! - mu * scale[c]!;
  }
  // Branch-free ReLU, (v + |v|)/2 (exact): with about half the signs negative, a branch here
  // mispredicts so often that it triples the pass's time.
  const keepNegative = relu ? 0 : 1;
  for (let i = 0; i < M * C; i += C) {
    for (let c = 0; c < C; c++) {
      const v = x[i + c]! * scale[c]! + shift[c]!;
      y[i + c] = keepNegative * v + (1 - keepNegative) * 0.5 * (v + Math.abs(v));
    }
  }
  return [yInfo, meanInfo, varianceInfo];
};

/** inputs {dy, x, y, mean, variance, gamma} → [dx, dgamma, dbeta]. */
export const batchNormBackwardWasm: tf.KernelFunc = ({ inputs, backend: anyBackend, attrs }) => {
  const backend = asWasmBackend(anyBackend);
  const caller = 'batchNormBackwardWasm';
  const infos = ['dy', 'x', 'y', 'mean', 'variance', 'gamma'].map((name) => requireInput(inputs, name, caller));
  const [dyInfo, xInfo, yInfo, meanInfo, varianceInfo, gammaInfo] = infos as [tf.TensorInfo, tf.TensorInfo, tf.TensorInfo, tf.TensorInfo, tf.TensorInfo, tf.TensorInfo];
  const { epsilon, relu } = attrs as unknown as BatchNormKernelAttrs;
  const { channels: C, positions: M } = channelsOf(xInfo, caller);
  const dxInfo = backend.makeOutput(xInfo.shape, 'float32');
  const dgammaInfo = backend.makeOutput([C], 'float32');
  const dbetaInfo = backend.makeOutput([C], 'float32');
  const simd = C % 4 === 0 ? simdKernels(anyBackend) : undefined;
  if (simd) {
    const at = (info: tf.TensorInfo): number => backend.typedArrayFromHeap(info).byteOffset;
    withScratch(backend, C, (scratch) =>
      simd.bn_backward(
        at(dyInfo), at(xInfo), at(yInfo), at(dxInfo), M, C, at(meanInfo), at(varianceInfo), at(gammaInfo), at(dgammaInfo), at(dbetaInfo), epsilon, relu ? 1 : 0, scratch,
      ),
    );
    return [dxInfo, dgammaInfo, dbetaInfo];
  }
  const dy = backend.typedArrayFromHeap(dyInfo) as Float32Array;
  const x = backend.typedArrayFromHeap(xInfo) as Float32Array;
  const y = backend.typedArrayFromHeap(yInfo) as Float32Array;
  // ReLU's mask without a branch (see the forward pass): y ≥ 0, so y > 0 exactly when its bit
  // pattern, read as an int32, is positive; (−bits >> 31) & 1 is then 1, else 0.
  const yBits = new Int32Array(y.buffer, y.byteOffset, y.length);
  const maskAll = relu ? 0 : 1;
  const dx = backend.typedArrayFromHeap(dxInfo) as Float32Array;
  const mean = backend.typedArrayFromHeap(meanInfo) as Float32Array;
  const variance = backend.typedArrayFromHeap(varianceInfo) as Float32Array;
  const gamma = backend.typedArrayFromHeap(gammaInfo) as Float32Array;

  // Pass 1: Σg and Σg·x per channel (Σg·x̂ follows from them without a second normalisation).
  const sumG = new Float64Array(C);
  const sumGX = new Float64Array(C);
  for (let i = 0; i < M * C; i += C) {
    for (let c = 0; c < C; c++) {
      const g = dy[i + c]! * (maskAll | ((-yBits[i + c]! >> 31) & 1));
      sumG[c]! += g;
      sumGX[c]! += g * x[i + c]!;
    }
  }
  // dx = a·g + b·x + d per channel, with invStd = 1/√(σ² + ε):
  //   a = γ·invStd, b = −a·invStd·dγ/M, d = −a·(dβ − μ·invStd·dγ)/M.
  const dgamma = backend.typedArrayFromHeap(dgammaInfo) as Float32Array;
  const dbeta = backend.typedArrayFromHeap(dbetaInfo) as Float32Array;
  const a = new Float32Array(C);
  const b = new Float32Array(C);
  const d = new Float32Array(C);
  for (let c = 0; c < C; c++) {
    const invStd = 1 / Math.sqrt(variance[c]! + epsilon);
    const dBeta = sumG[c]!;
    const dGamma = invStd * (sumGX[c]! - mean[c]! * dBeta);
    dgamma[c] = dGamma;
    dbeta[c] = dBeta;
    a[c] = gamma[c]! * invStd;
    b[c] = (-a[c]! * invStd * dGamma) / M;
    d[c] = (-a[c]! * (dBeta - mean[c]! * invStd * dGamma)) / M;
  }
  // Pass 2: dx.
  for (let i = 0; i < M * C; i += C) {
    for (let c = 0; c < C; c++) {
      const g = dy[i + c]! * (maskAll | ((-yBits[i + c]! >> 31) & 1));
      dx[i + c] = a[c]! * g + b[c]! * x[i + c]! + d[c]!;
    }
  }
  return [dxInfo, dgammaInfo, dbetaInfo];
};
