import * as tf from '@tensorflow/tfjs';
import type { BatchedLossFn, LossFn } from './types.js';
import { runSteps, type Steps } from '../util/steps.js';

/**
 * H·v at θ by reverse-over-reverse differentiation: H·v = ∇_θ ⟨∇_θ L(θ), v⟩ (v held constant).
 * Exact up to float32 rounding; one forward and two backward passes.
 */
export function hessianVectorProduct(loss: LossFn, theta: tf.Tensor1D, v: tf.Tensor1D): tf.Tensor1D {
  if (v.size !== theta.size) {
    throw new Error(
      `Error in hessianVectorProduct: v must have the size of theta (${theta.size}), but has ${v.size}.`,
    );
  }
  return tf.tidy(() => {
    // tf.grad is typed over plain Tensor; θ is always the rank-1 tensor passed in.
    const gradientDotV = (t: tf.Tensor): tf.Scalar => {
      const gradient = tf.grad((x) => loss(x as tf.Tensor1D))(t);
      return tf.sum(tf.mul(gradient, v));
    };
    return tf.grad(gradientDotV)(theta) as tf.Tensor1D;
  });
}

export interface BatchedHvpOptions {
  /**
   * HVPs kept alive per tf.tidy before their results are copied out. Every HVP holds its whole
   * forward/backward graph until the tidy ends, so one tidy over all 681 vectors of a 681-param
   * MLP overflowed the wasm heap; 64 stays far below it and costs nothing measurable.
   */
  chunkSize?: number;
  /**
   * When given, each chunk's HVPs are one vectorised computation: with Θ = [θ; …; θ] (k rows),
   * ∇_Θ ⟨∇_Θ Σ L(Θ), V⟩ has row i equal to H·vᵢ, because row i of ∇_Θ Σ L depends on row i only.
   */
  batchedLoss?: BatchedLossFn;
  /** Called after each chunk with the number of products done so far. */
  onProgress?: (done: number, total: number) => void;
}

/** Default {@link BatchedHvpOptions.chunkSize} for one HVP per vector. */
export const DEFAULT_HVP_CHUNK_SIZE = 64;
/**
 * Default chunk with a `batchedLoss`: 32 vectors per vectorised pass was the fastest of 8/32 on
 * the 573-param MLPs (2.3× faster than the per-vector loop; see README "Analyses").
 */
export const DEFAULT_BATCHED_HVP_CHUNK_SIZE = 32;

/**
 * Bytes one vectorised HVP chunk may take. tfjs-wasm's heap is one linear memory of at most
 * 2–4 GiB that also holds every other tensor; a chunk of 32 rows of a 784→512→512→10 MLP on
 * 1,000 examples would need ~1.9 GiB.
 */
export const BATCHED_HVP_MEMORY_BUDGET = 256 * 2 ** 20;

/** Rows per vectorised pass: 32, or fewer when `batchedLoss.bytesPerRow` says 32 would not fit the budget. */
export function batchedHvpChunkSize(batchedLoss: BatchedLossFn, budget: number = BATCHED_HVP_MEMORY_BUDGET): number {
  const perRow = batchedLoss.bytesPerRow;
  if (perRow === undefined || perRow <= 0) return DEFAULT_BATCHED_HVP_CHUNK_SIZE;
  return Math.max(1, Math.min(DEFAULT_BATCHED_HVP_CHUNK_SIZE, Math.floor(budget / perRow)));
}

/**
 * H·vᵢ for the rows vᵢ of `vectors` ([k, P], row-major, any numeric array), returned as a
 * row-major Float64Array [k, P]. Rows are processed in chunks, each chunk in one tidy with a
 * single read-back, so memory stays bounded and the backend's queue is not flushed per vector.
 */
export function hessianVectorProducts(
  loss: LossFn,
  theta: tf.Tensor1D,
  vectors: ArrayLike<number>,
  count: number,
  options: BatchedHvpOptions = {},
): Float64Array {
  const size = theta.size;
  if (vectors.length !== count * size) {
    throw new Error(
      `Error in hessianVectorProducts: vectors must hold count × theta.size = ${count * size} numbers, but has ${vectors.length}.`,
    );
  }
  return hessianVectorProductsOf(loss, theta, count, (start, rows) => {
    for (let i = 0; i < rows.length; i++) rows[i] = vectors[start * size + i]!;
  }, options);
}

/**
 * The same, with the vectors written chunk by chunk by `fillRows(start, rows)` (rows: a zeroed
 * [chunk, P] buffer for vectors start, start + 1, ...), so that e.g. the P unit vectors of an
 * exact Hessian never exist as one P × P array.
 */
export function hessianVectorProductsOf(
  loss: LossFn,
  theta: tf.Tensor1D,
  count: number,
  fillRows: (start: number, rows: Float32Array) => void,
  options: BatchedHvpOptions = {},
): Float64Array {
  return runSteps(hessianVectorProductsOfSteps(loss, theta, count, fillRows, options));
}

/** {@link hessianVectorProductsOf} one chunk of products at a time, yielding the fraction done after each (util/steps). */
export function* hessianVectorProductsOfSteps(
  loss: LossFn,
  theta: tf.Tensor1D,
  count: number,
  fillRows: (start: number, rows: Float32Array) => void,
  options: BatchedHvpOptions = {},
): Steps<Float64Array> {
  const size = theta.size;
  const chunkSize = options.chunkSize ?? (options.batchedLoss ? batchedHvpChunkSize(options.batchedLoss) : DEFAULT_HVP_CHUNK_SIZE);
  if (!Number.isInteger(chunkSize) || chunkSize < 1) {
    throw new Error(`Error in hessianVectorProducts: options.chunkSize must be a positive integer, but got ${chunkSize}.`);
  }
  const result = new Float64Array(count * size);
  for (let start = 0; start < count; start += chunkSize) {
    const end = Math.min(count, start + chunkSize);
    const chunk = new Float32Array((end - start) * size);
    fillRows(start, chunk);
    const batchedLoss = options.batchedLoss;
    const products = tf.tidy(() => {
      const rows = tf.tensor2d(chunk, [end - start, size]);
      if (batchedLoss) {
        const thetas = tf.tile(tf.reshape(theta, [1, size]), [end - start, 1]);
        const gradientsDotRows = (t: tf.Tensor): tf.Scalar => {
          const gradients = tf.grad((x) => tf.sum(batchedLoss(x as tf.Tensor2D)))(t);
          return tf.sum(tf.mul(gradients, rows));
        };
        return tf.grad(gradientsDotRows)(thetas);
      }
      const outputs: tf.Tensor1D[] = [];
      for (let r = 0; r < end - start; r++) {
        const v = tf.reshape(tf.slice(rows, [r, 0], [1, size]), [size]) as tf.Tensor1D;
        outputs.push(hessianVectorProduct(loss, theta, v));
      }
      return tf.stack(outputs);
    });
    result.set(products.dataSync(), start * size);
    products.dispose();
    options.onProgress?.(end, count);
    yield end / count;
  }
  return result;
}
