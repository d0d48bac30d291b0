/** Examples of a split as tensors, for training steps and full-split passes. */
import * as tf from '@tensorflow/tfjs';
import { gatherExamples } from '../data/batches.js';
import type { DataSplit } from '../data/dataset.js';

/** Tensors of a batch: inputs [n, ...inputShape], labels int32 [n] or targets float32 [n]. */
export function batchTensors(split: DataSplit, inputShape: number[]): { x: tf.Tensor; y: tf.Tensor1D } {
  const x = tf.tensor(split.x, [split.n, ...inputShape]);
  const y = split.y instanceof Int32Array ? tf.tensor1d(split.y, 'int32') : tf.tensor1d(split.y, 'float32');
  return { x, y };
}

/** The training set as tensors of at most `chunkSize` examples, each weighted by its share of the set. */
export function trainingChunks(split: DataSplit, inputShape: number[], chunkSize = 1000): { x: tf.Tensor; y: tf.Tensor1D; weight: number }[] {
  return Array.from({ length: Math.ceil(split.n / chunkSize) }, (_, c) => {
    const indices = Array.from({ length: Math.min(chunkSize, split.n - c * chunkSize) }, (_, i) => c * chunkSize + i);
    return { ...batchTensors(gatherExamples(split, indices), inputShape), weight: indices.length / split.n };
  });
}
