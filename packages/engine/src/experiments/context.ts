/**
 * What a preset's analysis needs to recompute numbers for a finished run: its model and data
 * set rebuilt from the spec (the same seed gives the same data as in training), tensors of a
 * split, and loss/accuracy at any θ in inference mode.
 */
import * as tf from '@tensorflow/tfjs';
import type { RunSpec } from '../config.js';
import type { Dataset, DataSplit } from '../data/dataset.js';
import { loadDataset } from '../data/load.js';
import { buildModel } from '../models/model.js';
import type { Model } from '../models/model.types.js';
import { evaluateSplit } from '../train/train.js';

export interface RunContext {
  model: Model;
  dataset: Dataset;
}

/**
 * Model and data of a run. Runs of one preset often share a data spec: pass one `cache` map to
 * load each (data spec, seed) once.
 */
export async function loadRunContext(spec: RunSpec, cache?: Map<string, Promise<Dataset>>): Promise<RunContext> {
  const key = JSON.stringify([spec.data, spec.seed]);
  let dataset = cache?.get(key);
  if (!dataset) {
    dataset = loadDataset(spec.data, spec.seed);
    cache?.set(key, dataset);
  }
  const loaded = await dataset;
  return { model: buildModel(spec.model, loaded.inputShape), dataset: loaded };
}

/** The first `limit` examples of a split (all when limit is 0 or undefined). */
export function headOf(split: DataSplit, limit?: number): DataSplit {
  return !limit || limit >= split.n ? split : sliceOf(split, 0, limit);
}

/** A split as tensors: x [n, ...inputShape], y [n] (int32 labels or float32 targets). The caller disposes. */
export function splitTensors(split: DataSplit, inputShape: number[]): { x: tf.Tensor; y: tf.Tensor1D } {
  return {
    x: tf.tensor(split.x, [split.n, ...inputShape]),
    y: split.y instanceof Int32Array ? tf.tensor1d(split.y, 'int32') : tf.tensor1d(split.y, 'float32'),
  };
}

/** Examples [start, start + count) of a split, without copying. */
export function sliceOf(split: DataSplit, start: number, count: number): DataSplit {
  const width = split.x.length / split.n;
  return { x: split.x.subarray(start * width, (start + count) * width), y: split.y.subarray(start, start + count), n: count };
}

/** Loss and (for classifiers) accuracy at a snapshot's θ and state on a split, in inference mode. */
export function evaluateAt(
  context: RunContext,
  loss: RunSpec['loss'],
  split: DataSplit,
  theta: Float32Array,
  state: Float32Array,
): { loss: number; accuracy?: number } {
  const thetaTensor = tf.tensor1d(theta);
  const stateTensor = tf.tensor1d(state);
  try {
    return evaluateSplit(context.model, thetaTensor, stateTensor, split, { loss });
  } finally {
    tf.dispose([thetaTensor, stateTensor]);
  }
}
