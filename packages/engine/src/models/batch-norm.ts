/**
 * Training-mode batch norm over all axes but the last (channels), optionally followed by ReLU:
 * the math of `buildModel`'s batchNorm layer, in two forms.
 *  - composed from tfjs ops: differentiable to any order (HVPs through batch norm), every backend;
 *  - fused (`fused: true`, on backends with Saddle's kernels, i.e. wasm): one forward and one
 *    backward kernel (backend/batch-norm-kernels.ts) behind `tf.customGrad`; first order only,
 *    for plain gradient steps, where it removes about half of a small CNN's step time.
 * Both return the batch's mean and biased variance, for the running statistics.
 */
import * as tf from '@tensorflow/tfjs';
import { BATCH_NORM_BACKWARD, BATCH_NORM_FORWARD } from '../backend/batch-norm-kernels.js';

export interface BatchNormResult {
  output: tf.Tensor;
  /** [C]: the batch's per-channel mean and biased variance (not differentiated). */
  mean: tf.Tensor1D;
  variance: tf.Tensor1D;
}

export interface BatchNormOptions {
  epsilon: number;
  /** Apply max(0, ·) after the affine step (fused into the same kernels). */
  relu: boolean;
  /** Use the fused first-order kernels when the backend has them. */
  fused: boolean;
}

function composed(x: tf.Tensor, gamma: tf.Tensor1D, beta: tf.Tensor1D, { epsilon, relu }: BatchNormOptions): BatchNormResult {
  const axes = Array.from({ length: x.rank - 1 }, (_, i) => i);
  // Batch statistics, differentiable in θ through x (this is what BN's gradient is).
  const mean = tf.mean(x, axes) as tf.Tensor1D;
  const variance = tf.mean(tf.square(tf.sub(x, mean)), axes) as tf.Tensor1D;
  const normalised = tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, epsilon)));
  const affine = tf.add(tf.mul(normalised, gamma), beta);
  return { output: relu ? tf.relu(affine) : affine, mean, variance };
}

/** True when the current backend has the fused kernels (Saddle registers them for wasm). */
export function hasFusedBatchNorm(): boolean {
  const backend = tf.getBackend();
  return tf.getKernel(BATCH_NORM_FORWARD, backend) !== undefined && tf.getKernel(BATCH_NORM_BACKWARD, backend) !== undefined;
}

function fused(x: tf.Tensor, gamma: tf.Tensor1D, beta: tf.Tensor1D, { epsilon, relu }: BatchNormOptions): BatchNormResult {
  const attrs = { epsilon, relu } as unknown as tf.NamedAttrMap;
  let stats: [tf.Tensor1D, tf.Tensor1D] | undefined;
  const run = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [input, g, b, save] = args as [tf.Tensor, tf.Tensor, tf.Tensor, tf.GradSaveFunc];
    const [output, mean, variance] = tf.engine().runKernel(BATCH_NORM_FORWARD, { x: input, gamma: g, beta: b }, attrs) as tf.Tensor[] as [
      tf.Tensor,
      tf.Tensor1D,
      tf.Tensor1D,
    ];
    // Saved tensors are clones; on wasm Saddle's Identity shares the buffer, so nothing is copied.
    save([input, output, mean, variance, g]);
    // The forward runs in its own tidy: keep the statistics for the caller, who disposes them.
    stats = [tf.keep(mean), tf.keep(variance)];
    return {
      value: output,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [savedX, savedY, savedMean, savedVariance, savedGamma] = saved as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];
        const inputs = { dy, x: savedX, y: savedY, mean: savedMean, variance: savedVariance, gamma: savedGamma };
        return tf.engine().runKernel(BATCH_NORM_BACKWARD, inputs, attrs) as tf.Tensor[];
      },
    };
  });
  const output = run(x, gamma, beta);
  const [keptMean, keptVariance] = stats!;
  // Clones belong to the enclosing scope like any op's output (a tidy disposes them); the kept
  // originals do not, so they go now.
  const mean = tf.clone(keptMean);
  const variance = tf.clone(keptVariance);
  tf.dispose([keptMean, keptVariance]);
  return { output, mean, variance };
}

export function batchNormTraining(x: tf.Tensor, gamma: tf.Tensor1D, beta: tf.Tensor1D, options: BatchNormOptions): BatchNormResult {
  if (x.rank < 2) throw new Error(`batchNormTraining: x must have rank ≥ 2 (batch, …, channels), got [${x.shape.join(', ')}]`);
  return options.fused && hasFusedBatchNorm() ? fused(x, gamma, beta, options) : composed(x, gamma, beta, options);
}
